package io.mediahooks.http.okhttp;

import io.mediahooks.http.DestinationGuard;
import io.mediahooks.http.DestinationRefusedException;
import io.mediahooks.http.WebhookRequest;
import io.mediahooks.http.WebhookResponse;
import io.mediahooks.http.WebhookTransport;
import io.mediahooks.http.Redaction;
import io.mediahooks.http.internal.ReceivedHeaders;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.Authenticator;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.CookieJar;
import okhttp3.Dns;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link WebhookTransport}, on OkHttp.
 *
 * <p>Get one with {@link #create()} (it owns an {@link OkHttpClient} and closes it in {@link
 * #close()}), or with {@link #builder()} and {@link Builder#client(OkHttpClient)} to reuse a
 * client the host already has (its dispatcher, TLS setup, interceptors and event listener are
 * kept; the host's client is never closed by this transport). Share one transport for the
 * application's lifetime, like an {@code OkHttpClient}. Thread-safe.
 *
 * <p>It keeps the {@link WebhookTransport} contract:
 * <ul>
 *   <li>sends {@link WebhookRequest#method()}, {@link WebhookRequest#url()} byte for byte, the
 *       headers in order, the body with {@link WebhookRequest#contentType()}. The query string is
 *       kept as given (for example {@code ?auth=a%2Fb+c&x=%E3%81%82} goes out unchanged), with
 *       the normalisations every HTTP client applies: characters HTTP cannot carry (non-ASCII)
 *       are percent-encoded as UTF-8, {@code '} in a query becomes {@code %27}, {@code .} and
 *       {@code ..} path segments are resolved, and the fragment is not sent. The {@code
 *       Content-Type} header carries exactly the request's content type (no {@code charset} is
 *       appended) and follows the request's own headers; OkHttp then adds {@code
 *       Content-Length}, {@code Host}, {@code Connection}, {@code Accept-Encoding} and (unless
 *       the request has one) {@code User-Agent}. The body is written from the request's buffer
 *       without an intermediate copy;
 *   <li>applies the request's timeouts: connect, read (also used between written bytes), and the
 *       whole call;
 *   <li>checks every address it connects to against {@link WebhookRequest#guard()}, after DNS
 *       resolution: the resolver's answer is filtered through {@link
 *       DestinationGuard#filter(String, List)}, and each socket checks the address it actually
 *       connects to, so a DNS answer that changes between lookup and connect (rebinding) is
 *       refused too. A refusal throws {@link DestinationRefusedException} before any byte is
 *       sent. Each distinct guard (by {@code equals}) gets its own connection pool, so a
 *       connection opened under a permissive guard is never reused by a request with a stricter
 *       one; each pool keeps up to {@link Builder#maxIdleConnections(int)} idle connections
 *       ({@value Builder#DEFAULT_MAX_IDLE_CONNECTIONS} by default) for 5 minutes;
 *   <li>never follows redirects (also when a host's client is configured to): a 3xx is
 *       returned as is. For the same reason the client's {@code Authenticator}, cookie jar and
 *       cache are not used: a webhook request goes out exactly as built, and 401 handling
 *       belongs to {@code EndpointAuth};
 *   <li>reads at most {@link Builder#bodySnippetBytes(int)} bytes of the response body ({@value
 *       WebhookResponse#DEFAULT_BODY_SNIPPET_BYTES} by default), decoded as UTF-8;
 *   <li>returns any HTTP status as a response, and throws {@link IOException} only when no
 *       response was received (refused, reset, timed out). Once the status line and headers
 *       have arrived, a failure while reading the body snippet still returns the response, with
 *       what was read.
 * </ul>
 *
 * <p><b>Proxies.</b> Behind a proxy it is the proxy that resolves and connects to the host, so
 * the guard cannot see the address. A request whose guard is not {@link
 * DestinationGuard#allowAll()} therefore never uses a proxy: if the client's proxy or proxy
 * selector (including the JVM's {@code http.proxyHost}/{@code https.proxyHost} properties)
 * would route it through one, it is refused with a {@link DestinationRefusedException} that says
 * so. Requests with {@code allowAll()} use the client's proxy settings as configured (let the
 * proxy do the filtering in that setup).
 *
 * <p><b>Sockets.</b> The transport installs its own {@link SocketFactory} (the guard check and
 * TCP_NODELAY live there: with Nagle's algorithm on, a body larger than one write waits for the
 * receiver's delayed ACK, measured here at 44 ms per 9.5 KB request), so a host client with a
 * custom socket factory is rejected by {@link Builder#build()}. Its sockets also collect what
 * OkHttp writes until OkHttp flushes (up to 16 KiB), so a request's head and a body of that size
 * leave in one send: OkHttp alone sends the head and each 8 KiB of body separately, three
 * packets and three system calls for a 9.5 KB request.
 *
 * <pre>{@code
 * OkHttpTransport transport = OkHttpTransport.create();          // owns its client
 * OkHttpTransport shared = OkHttpTransport.builder()
 *     .client(applicationOkHttpClient)                          // the host's; never closed here
 *     .bodySnippetBytes(1024)
 *     .build();
 * WebhookResponse response = transport.send(request);
 * }</pre>
 */
public final class OkHttpTransport implements WebhookTransport {
  private static final DestinationGuard ALLOW_ALL = DestinationGuard.allowAll();
  /**
   * The system properties through which the JVM's default proxy selector can return a proxy for
   * an http(s) URL (java.net's "Networking Properties"); when none is set it returns DIRECT.
   */
  private static final List<String> JVM_PROXY_PROPERTIES = List.of("http.proxyHost",
      "https.proxyHost", "socksProxyHost", "java.net.useSystemProxies");
  /** How many parsed URLs are kept; endpoints usually number a handful. */
  private static final int MAX_CACHED_URLS = 256;

  /** How many clients with non-default timeouts are kept per guard; endpoints are few. */
  private static final int MAX_CLIENTS_PER_GUARD = 64;

  private final OkHttpClient base;
  private final boolean ownsClient;
  private final Dns dns;
  private final int bodySnippetBytes;
  private final int maxIdleConnections;
  private final ConcurrentHashMap<DestinationGuard, GuardClients> clientsByGuard =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ParsedUrl> urls = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private OkHttpTransport(Builder b) {
    this.ownsClient = b.client == null;
    this.base = b.client != null ? b.client : new OkHttpClient();
    this.dns = b.dns != null ? b.dns : base.dns();
    this.bodySnippetBytes = b.bodySnippetBytes;
    this.maxIdleConnections = b.maxIdleConnections;
  }

  /**
   * Returns a transport with its own {@link OkHttpClient} (OkHttp's defaults; the request's
   * timeouts apply per call), closed by {@link #close()}, and a {@value
   * WebhookResponse#DEFAULT_BODY_SNIPPET_BYTES}-byte body snippet.
   *
   * @return a new transport
   */
  public static OkHttpTransport create() {
    return builder().build();
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * How many bytes of a response body this transport keeps.
   *
   * @return the snippet cap in bytes
   */
  public int bodySnippetBytes() {
    return bodySnippetBytes;
  }

  @Override
  public WebhookResponse send(WebhookRequest request) throws IOException {
    Objects.requireNonNull(request, "request must not be null");
    if (closed) {
      throw new IOException("OkHttpTransport is closed; nothing was sent to "
          + Redaction.url(request.url()));
    }
    ParsedUrl parsed = parse(request.url());
    if (parsed == null) {
      throw new IOException("OkHttp cannot parse the URL " + Redaction.url(request.url()));
    }
    HttpUrl url = parsed.url;
    DestinationGuard guard = request.guard();
    if (!guard.equals(ALLOW_ALL)) {
      refuseProxiedDestination(parsed);
    }
    Call call = clientFor(guard, request).newCall(toOkHttpRequest(request, url));
    call.timeout().timeout(request.callTimeout().toNanos(), TimeUnit.NANOSECONDS);
    WatchdogPacer.INSTANCE.requestStarting(); // so this call's timeouts do not wake the watchdog
    Response response;
    try {
      response = call.execute();
    } catch (IOException e) {
      DestinationRefusedException refusal = findRefusal(e);
      throw refusal != null ? refusal : e;
    }
    try (response) {
      return toWebhookResponse(response);
    }
  }

  /** Releases the per-guard connection pools, and the client itself when this transport made it. */
  @Override
  public void close() {
    closed = true;
    for (GuardClients c : clientsByGuard.values()) {
      c.defaults.connectionPool().evictAll(); // the pool all of the guard's clients share
    }
    clientsByGuard.clear();
    if (ownsClient) {
      base.dispatcher().executorService().shutdown();
      base.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "OkHttpTransport{" + (ownsClient ? "own client" : "host client") + ", bodySnippetBytes="
        + bodySnippetBytes + '}';
  }

  private Request toOkHttpRequest(WebhookRequest request, HttpUrl url) {
    Request.Builder b = new Request.Builder().url(url).tag(WebhookRequest.class, request);
    for (WebhookRequest.Header h : request.headers()) {
      b.addHeader(h.name(), h.value());
    }
    String contentType = request.contentType();
    RequestBody body = null;
    if (contentType != null) {
      b.addHeader("Content-Type", contentType);
      body = new ByteBufferRequestBody(request.body());
    } else if (request.bodyLength() > 0 || requiresBody(request.method())) {
      body = new ByteBufferRequestBody(request.body());
    }
    return b.method(request.method(), body).build();
  }

  /** Methods OkHttp refuses to send without a body; an empty one is sent. */
  private static boolean requiresBody(String method) {
    switch (method) {
      case "POST":
      case "PUT":
      case "PATCH":
      case "PROPPATCH":
      case "REPORT":
      case "QUERY":
        return true;
      default:
        return false;
    }
  }

  /**
   * The client for the request's guard and timeouts. Timeouts are set on the client rather than
   * per call by an interceptor: an interceptor costs every call a copy of OkHttp's interceptor
   * chain, and requests almost always carry the endpoint defaults.
   */
  private OkHttpClient clientFor(DestinationGuard guard, WebhookRequest request) {
    GuardClients clients = clientsByGuard.get(guard);
    if (clients == null) {
      clients = clientsByGuard.computeIfAbsent(guard, this::deriveClients);
    }
    return clients.with(millis(request.connectTimeout()), millis(request.readTimeout()));
  }

  private GuardClients deriveClients(DestinationGuard guard) {
    OkHttpClient.Builder b = base.newBuilder()
        // One pool per guard: connections are reused only by requests under an equal guard.
        .connectionPool(new ConnectionPool(maxIdleConnections, 5, TimeUnit.MINUTES))
        .dns(new GuardedDns(dns, guard))
        .socketFactory(new GuardedSocketFactory(guard))
        .followRedirects(false)
        .followSslRedirects(false)
        .authenticator(Authenticator.NONE)
        .cookieJar(CookieJar.NO_COOKIES)
        .cache(null)
        // The write timeout is the read timeout: both bound a stall of the receiver.
        .connectTimeout(WebhookRequest.DEFAULT_CONNECT_TIMEOUT)
        .readTimeout(WebhookRequest.DEFAULT_READ_TIMEOUT)
        .writeTimeout(WebhookRequest.DEFAULT_READ_TIMEOUT);
    if (!guard.equals(ALLOW_ALL)) {
      b.proxy(Proxy.NO_PROXY);
    }
    return new GuardClients(b.build());
  }

  /**
   * One guard's clients: the one with the endpoint default timeouts, and those derived from it
   * for other timeouts. All share its connection pool, resolver and socket factory.
   */
  private static final class GuardClients {
    final OkHttpClient defaults;
    private final ConcurrentHashMap<Long, OkHttpClient> byTimeouts = new ConcurrentHashMap<>();

    GuardClients(OkHttpClient defaults) {
      this.defaults = defaults;
    }

    OkHttpClient with(int connectMillis, int readMillis) {
      if (connectMillis == defaults.connectTimeoutMillis()
          && readMillis == defaults.readTimeoutMillis()) {
        return defaults; // the usual request: no key to box, no lookup
      }
      Long key = ((long) connectMillis << 32) | readMillis;
      OkHttpClient client = byTimeouts.get(key);
      if (client != null) {
        return client;
      }
      if (byTimeouts.size() >= MAX_CLIENTS_PER_GUARD) {
        byTimeouts.clear(); // a host with ever-new timeouts: keep the cache bounded
      }
      return byTimeouts.computeIfAbsent(key, k -> defaults.newBuilder()
          .connectTimeout(connectMillis, TimeUnit.MILLISECONDS)
          .readTimeout(readMillis, TimeUnit.MILLISECONDS)
          .writeTimeout(readMillis, TimeUnit.MILLISECONDS)
          .build());
    }
  }

  /**
   * The URL parsed, from a small cache: an endpoint sends every request to one URL, and parsing
   * it (host canonicalisation, IDNA mapping) and deriving its {@link URI} for the proxy selector
   * cost more than the rest of this method. Null when OkHttp cannot parse it.
   */
  private @Nullable ParsedUrl parse(String text) {
    ParsedUrl cached = urls.get(text);
    if (cached != null) {
      return cached;
    }
    HttpUrl url = HttpUrl.parse(text);
    if (url == null) {
      return null;
    }
    ParsedUrl parsed = new ParsedUrl(url);
    if (urls.size() >= MAX_CACHED_URLS) {
      urls.clear(); // a host sending to ever-new URLs: keep the cache bounded
    }
    urls.put(text, parsed);
    return parsed;
  }

  /** A parsed URL and its {@link URI}, both immutable. */
  private static final class ParsedUrl {
    final HttpUrl url;
    final URI uri;

    ParsedUrl(HttpUrl url) {
      this.url = url;
      this.uri = url.uri();
    }
  }

  private void refuseProxiedDestination(ParsedUrl parsed) throws DestinationRefusedException {
    HttpUrl url = parsed.url;
    List<Proxy> proxies;
    Proxy configured = base.proxy();
    if (configured != null) {
      proxies = List.of(configured);
    } else if (base.proxySelector() == ProxySelector.getDefault() && noJvmProxyConfigured()) {
      return; // what the JVM's default selector answers then: DIRECT, at a fraction of the cost
    } else {
      try {
        // Asked on every request: the JVM's proxy settings may change while it runs.
        proxies = base.proxySelector().select(parsed.uri);
      } catch (RuntimeException e) {
        proxies = List.of(); // OkHttp treats a failing selector as "no proxy" too
      }
    }
    for (Proxy p : proxies) {
      if (p != null && p.type() != Proxy.Type.DIRECT) {
        String proxy = String.valueOf(p.address());
        throw new DestinationRefusedException(url.host(), proxy,
            "destination " + url.host() + " would be reached through the " + p.type()
                .name().toLowerCase(Locale.ROOT) + " proxy " + proxy + ", where the"
                + " DestinationGuard cannot check the address it connects to; refused. Configure"
                + " the OkHttpClient with proxy(Proxy.NO_PROXY) to connect directly, or use"
                + " DestinationGuard.allowAll() if the proxy itself filters internal addresses");
      }
    }
  }

  /**
   * Whether none of the system properties that make the JVM's default {@link ProxySelector}
   * answer with a proxy is set. Read per request, like the selector itself reads them.
   */
  private static boolean noJvmProxyConfigured() {
    for (String property : JVM_PROXY_PROPERTIES) {
      if (System.getProperty(property) != null) {
        return false;
      }
    }
    return true;
  }

  private WebhookResponse toWebhookResponse(Response response) throws IOException {
    int status = response.code();
    if (status < 100 || status > 599) {
      throw new ProtocolException("the receiver answered with an invalid status " + status);
    }
    return WebhookResponse.of(status, headers(response.headers()), readSnippet(response));
  }

  /** The headers as read, grouped into a map only if someone asks (usually nobody does). */
  private static ReceivedHeaders headers(Headers headers) {
    int n = headers.size();
    String[] namesAndValues = new String[2 * n];
    for (int i = 0; i < n; i++) {
      namesAndValues[2 * i] = headers.name(i);
      namesAndValues[2 * i + 1] = headers.value(i);
    }
    return ReceivedHeaders.of(namesAndValues);
  }

  private String readSnippet(Response response) {
    if (bodySnippetBytes == 0 || response.body().contentLength() == 0) {
      return ""; // the usual webhook answer: no buffer, no copy
    }
    Buffer buffer = new Buffer();
    try {
      BufferedSource source = response.body().source();
      while (buffer.size() < bodySnippetBytes) {
        if (source.read(buffer, bodySnippetBytes - buffer.size()) == -1) {
          break;
        }
      }
    } catch (IOException e) {
      // The status and headers arrived: that is the receiver's answer. Keep what was read.
    }
    byte[] bytes = buffer.readByteArray();
    return Utf8Snippets.decode(bytes);
  }

  /** The refusal behind an OkHttp failure, looking through causes and suppressed exceptions. */
  static @Nullable DestinationRefusedException findRefusal(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> todo = new ArrayList<>();
    todo.add(failure);
    while (!todo.isEmpty()) {
      Throwable t = todo.remove(todo.size() - 1);
      if (t == null || !seen.add(t)) {
        continue;
      }
      if (t instanceof DestinationRefusedException) {
        return (DestinationRefusedException) t;
      }
      todo.add(t.getCause());
      Collections.addAll(todo, t.getSuppressed());
    }
    return null;
  }

  private static int millis(Duration d) {
    // At least 1 ms: 0 means "no timeout" to OkHttp.
    long ms = Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    return (int) ms;
  }

  /**
   * Builds an {@link OkHttpTransport}. Not thread-safe.
   *
   * <pre>{@code
   * OkHttpTransport transport = OkHttpTransport.builder()
   *     .client(sharedClient)
   *     .bodySnippetBytes(8 * 1024)
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    /** Idle connections kept per pool unless {@link #maxIdleConnections(int)} says otherwise. */
    public static final int DEFAULT_MAX_IDLE_CONNECTIONS = 64;

    /** The largest body snippet a transport can be configured to keep: 16 MiB. */
    public static final int MAX_BODY_SNIPPET_BYTES = 16 * 1024 * 1024;

    private @Nullable OkHttpClient client;
    private @Nullable Dns dns;
    private int bodySnippetBytes = WebhookResponse.DEFAULT_BODY_SNIPPET_BYTES;
    private int maxIdleConnections = DEFAULT_MAX_IDLE_CONNECTIONS;

    private Builder() {}

    /**
     * Sets how many idle keep-alive connections each connection pool keeps (there is one pool
     * per distinct {@link DestinationGuard}); idle ones are closed after 5 minutes. Default
     * {@value #DEFAULT_MAX_IDLE_CONNECTIONS}, so that the connections of a typical set of
     * delivery workers survive a lull instead of being reopened: OkHttp's own default of 5
     * made 64 busy workers reconnect hundreds of times a second.
     *
     * @param connections 0 (close each connection after use) to 1,024
     * @return this builder
     * @throws IllegalArgumentException if {@code connections} is out of range
     */
    public Builder maxIdleConnections(int connections) {
      if (connections < 0 || connections > 1024) {
        throw new IllegalArgumentException(
            "maxIdleConnections must be 0 to 1024, was " + connections);
      }
      this.maxIdleConnections = connections;
      return this;
    }

    /**
     * Uses the host's client (its dispatcher, TLS configuration, protocols, interceptors and
     * event listener). The transport derives its own clients from it with {@code newBuilder()}
     * and never closes it. Default: a new client owned by the transport.
     *
     * @param client the host's client; it must use the JVM's default socket factory
     * @return this builder
     */
    public Builder client(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client must not be null");
      return this;
    }

    /**
     * Resolves host names with {@code dns} instead of the client's resolver (a split-horizon
     * resolver, a fixed mapping in tests). Its answers still pass the {@link DestinationGuard}.
     *
     * @param dns the resolver
     * @return this builder
     */
    public Builder dns(Dns dns) {
      this.dns = Objects.requireNonNull(dns, "dns must not be null");
      return this;
    }

    /**
     * Sets how many bytes of a response body to keep. Default {@value
     * WebhookResponse#DEFAULT_BODY_SNIPPET_BYTES}. The rest is not read.
     *
     * @param bytes 0 to {@value #MAX_BODY_SNIPPET_BYTES}
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is out of range
     */
    public Builder bodySnippetBytes(int bytes) {
      if (bytes < 0 || bytes > MAX_BODY_SNIPPET_BYTES) {
        throw new IllegalArgumentException(
            "bodySnippetBytes must be 0 to " + MAX_BODY_SNIPPET_BYTES + ", was " + bytes);
      }
      this.bodySnippetBytes = bytes;
      return this;
    }

    /**
     * Builds the transport.
     *
     * @return a new transport
     * @throws IllegalArgumentException if the client has a custom {@link SocketFactory}: the
     *     transport's own factory is what enforces the guard and TCP_NODELAY
     */
    public OkHttpTransport build() {
      if (client != null && client.socketFactory() != SocketFactory.getDefault()) {
        throw new IllegalArgumentException("client has a custom SocketFactory ("
            + client.socketFactory().getClass().getName() + "); OkHttpTransport installs its own"
            + " to check every connected address against the DestinationGuard and to set"
            + " TCP_NODELAY. Pass a client without socketFactory(...)");
      }
      return new OkHttpTransport(this);
    }
  }
}
