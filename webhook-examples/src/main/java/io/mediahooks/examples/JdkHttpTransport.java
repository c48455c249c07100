package io.mediahooks.examples;

import io.mediahooks.http.DestinationGuard;
import io.mediahooks.http.DestinationRefusedException;
import io.mediahooks.http.WebhookRequest;
import io.mediahooks.http.WebhookResponse;
import io.mediahooks.http.WebhookTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A {@link WebhookTransport} on the JDK's own {@link HttpClient} ({@code java.net.http}): the
 * proof that the transport SPI works with a client other than OkHttp, and a transport for hosts
 * that want no OkHttp on their class path.
 *
 * <p>What it does for each request, following the {@link WebhookTransport} contract:
 * <ul>
 *   <li>sends {@link WebhookRequest#method()} to {@link WebhookRequest#url()} with the raw path
 *       and query exactly as given, the headers, and the body with exactly {@link
 *       WebhookRequest#contentType()} (java.net.http adds no charset); HTTP/1.1 for {@code http}
 *       URLs (no {@code h2c} upgrade headers), HTTP/2 with HTTP/1.1 fallback for {@code https};
 *   <li>never follows redirects ({@link HttpClient.Redirect#NEVER}): a 3xx is returned as is;
 *   <li>applies the request's timeouts: the connect timeout (one client per distinct value,
 *       because java.net.http sets it per client), the read timeout as the time allowed for the
 *       response headers to arrive, and the call timeout as a deadline for the whole exchange,
 *       body snippet included;
 *   <li>reads at most {@link WebhookResponse#DEFAULT_BODY_SNIPPET_BYTES} of the response body,
 *       then stops reading and drops the connection;
 *   <li>returns any status as a {@link WebhookResponse} and throws {@link IOException} only when
 *       no response was received.
 * </ul>
 *
 * <p><b>Destination guard: weaker than {@code OkHttpTransport}.</b> Before connecting, the host
 * is resolved and <em>every</em> address it resolves to is checked against {@link
 * WebhookRequest#guard()}; one refused address refuses the request with {@link
 * DestinationRefusedException} (every one, not the first, because the JDK client, not this
 * class, picks the address it connects to). But java.net.http has no hook at connect time: it
 * resolves the host again itself, so a DNS answer that changes between the check and the
 * connection (DNS rebinding) is not seen. {@code OkHttpTransport} checks the addresses its own
 * DNS lookup returns, the ones it connects to, and has no such gap. Use this transport for
 * endpoints whose DNS you trust, or behind an egress proxy that enforces the same rules.
 *
 * <p>Timeouts are thrown as {@link SocketTimeoutException}, as OkHttp reports them, so the
 * delivery engine treats them as timeouts (an overloaded receiver) rather than as other I/O
 * errors.
 *
 * <p>Other limits of java.net.http: headers are sent grouped by name in the client's own order,
 * not in the request's order (values of one name keep their order); the read timeout does not
 * apply between body bytes (the call timeout bounds the body); and the headers {@code
 * Connection}, {@code Expect}, {@code Host} and {@code Upgrade} cannot be set, so a request
 * carrying one fails with an {@link IllegalArgumentException} naming it (a configuration error
 * that retrying cannot fix, so the engine dead-letters at once).
 *
 * <p>Get one with {@link #create()}; {@link #close()} stops its worker threads. Thread-safe: one
 * instance serves every worker of a {@code MediaWebhooks}.
 *
 * <pre>{@code
 * MediaWebhooks webhooks = MediaWebhooks.builder()
 *     .transport(JdkHttpTransport.create())
 *     .endpoint(WebhookEndpoint.builder("https://hooks.example.com/media?auth=s3cr3t")
 *         .format(MicroCmsMediaFormat.create("acme-media"))
 *         .build())
 *     .build();
 * }</pre>
 */
public final class JdkHttpTransport implements WebhookTransport {
  /** Resolves a host name the way the guard sees it; replaced in tests to fake DNS. */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final Resolver resolver;
  private final int snippetBytes;
  private final ExecutorService executor;
  private final ConcurrentMap<Duration, HttpClient> clients = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private JdkHttpTransport(Resolver resolver, int snippetBytes) {
    this.resolver = resolver;
    this.snippetBytes = snippetBytes;
    int instance = INSTANCES.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    // Our own executor, so that close() can stop the client's threads on Java 17, where
    // HttpClient has no close().
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "jdk-http-transport-" + instance + "-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Returns a transport with its own clients and worker threads.
   *
   * @return a new transport
   */
  public static JdkHttpTransport create() {
    return new JdkHttpTransport(
        InetAddress::getAllByName, WebhookResponse.DEFAULT_BODY_SNIPPET_BYTES);
  }

  /** A transport whose guard sees the given resolver's answers (tests fake DNS with it). */
  static JdkHttpTransport create(Resolver resolver) {
    return new JdkHttpTransport(resolver, WebhookResponse.DEFAULT_BODY_SNIPPET_BYTES);
  }

  /**
   * Sends the request and waits for the response, as the {@link WebhookTransport} contract says.
   *
   * @param request the request
   * @return the response, whatever its status
   * @throws DestinationRefusedException if the guard refuses an address the host resolves to
   * @throws IOException if no response was received: unknown host, refused connection, reset,
   *     or a timeout ({@link SocketTimeoutException})
   * @throws IllegalArgumentException if the request has a header java.net.http cannot send
   */
  @Override
  public WebhookResponse send(WebhookRequest request) throws IOException {
    if (closed) {
      throw new IOException("JdkHttpTransport is closed");
    }
    long deadline = System.nanoTime() + request.callTimeout().toNanos();
    URI uri = URI.create(request.url());
    checkDestination(uri, request.guard());

    HttpRequest httpRequest = toHttpRequest(uri, request);
    HttpClient client = clients.computeIfAbsent(request.connectTimeout(), this::newClient);
    CompletableFuture<HttpResponse<byte[]>> call =
        client.sendAsync(httpRequest, info -> new SnippetSubscriber(snippetBytes));
    HttpResponse<byte[]> response;
    try {
      response = call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw timeout("call timed out after " + request.callTimeout(), e);
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while sending " + request);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw timeout(cause.getMessage(), cause);
      }
      if (cause instanceof IOException) {
        throw (IOException) cause;
      }
      throw new IOException("sending " + request + " failed: " + cause, cause);
    }
    return WebhookResponse.of(response.statusCode(), headersOf(response),
        new String(response.body(), StandardCharsets.UTF_8));
  }

  /** Checks every address the host resolves to: the JDK client picks which one it uses. */
  private void checkDestination(URI uri, DestinationGuard guard) throws IOException {
    String host = uri.getHost();
    String lookup = host.startsWith("[") && host.endsWith("]")
        ? host.substring(1, host.length() - 1) : host;
    for (InetAddress address : resolver.resolve(lookup)) {
      guard.check(host, address);
    }
  }

  /**
   * A timeout as OkHttp reports one, a {@link SocketTimeoutException} (an {@link
   * InterruptedIOException}), so the engine treats it as a timeout and not as any I/O error.
   */
  private static SocketTimeoutException timeout(String message, Throwable cause) {
    SocketTimeoutException e = new SocketTimeoutException(message);
    e.initCause(cause);
    return e;
  }

  private HttpRequest toHttpRequest(URI uri, WebhookRequest request) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .timeout(min(request.readTimeout(), request.callTimeout()));
    if ("http".equals(uri.getScheme().toLowerCase(Locale.ROOT))) {
      // Without this the client offers an h2c upgrade on the first request, adding Connection,
      // Upgrade and HTTP2-Settings headers the receiver did not ask for.
      b.version(HttpClient.Version.HTTP_1_1);
    }
    for (WebhookRequest.Header h : request.headers()) {
      try {
        b.header(h.name(), h.value());
      } catch (IllegalArgumentException e) {
        // Unchecked on purpose: sending again cannot help, so the engine gives up at once.
        throw new IllegalArgumentException("java.net.http cannot send the header \""
            + h.name() + "\" (" + e.getMessage() + "); remove it from the endpoint or use"
            + " OkHttpTransport", e);
      }
    }
    String contentType = request.contentType();
    if (contentType == null) {
      b.method(request.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", contentType);
      ByteBuffer body = request.body();
      byte[] bytes = new byte[body.remaining()];
      body.get(bytes);
      b.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(bytes));
    }
    return b.build();
  }

  private HttpClient newClient(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(executor)
        .build();
  }

  private static Map<String, List<String>> headersOf(HttpResponse<?> response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response.headers().map().forEach((name, values) -> {
      if (!name.startsWith(":")) { // HTTP/2 pseudo-headers such as ":status"
        headers.put(name, values);
      }
    });
    return headers;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * Stops this transport's worker threads. Requests in flight fail; later {@link #send} calls
   * throw {@link IOException}.
   */
  @Override
  public void close() {
    closed = true;
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "JdkHttpTransport{clients=" + clients.size() + ", closed=" + closed + '}';
  }

  /** Keeps the first {@code cap} bytes of a body, then cancels the rest of the stream. */
  static final class SnippetSubscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final int cap;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.@Nullable Subscription subscription;

    SnippetSubscriber(int cap) {
      this.cap = cap;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      Flow.Subscription s = subscription;
      if (result.isDone() || s == null) {
        return; // items may still arrive after cancel()
      }
      for (ByteBuffer item : items) {
        int take = Math.min(item.remaining(), cap - bytes.size());
        byte[] chunk = new byte[take];
        item.get(chunk);
        bytes.write(chunk, 0, take);
        if (bytes.size() >= cap) {
          result.complete(bytes.toByteArray());
          s.cancel();
          return;
        }
      }
      s.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }
}
