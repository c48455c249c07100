package io.mediahooks.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A webhook receiver on {@code 127.0.0.1} for the demo, the scenarios and tests: it records every
 * request, answers as scripted per path, checks signatures or credentials, serves an OAuth2 token
 * endpoint, and prints each request as it arrives (secrets masked, bodies pretty-printed).
 *
 * <p>By default every path answers {@code 200} with an empty body. {@link #reply(String,
 * Reply...)} queues answers for one path (used in order, then the default again), {@link
 * #replyAlways(String, Reply)} changes a path's default, {@link #check(String, String,
 * Predicate)} makes a path answer {@code 401} to requests that fail a check, and {@link
 * #tokenEndpoint(String, String, String, String)} turns a path into an OAuth2 token endpoint.
 * Delayed answers are sent from a scheduler, never by sleeping a request thread.
 *
 * <p>Get one with {@link #start()} (quiet) or {@link #start(PrintStream)} (prints each request);
 * it listens on a free port of the loopback interface, so deliveries to it need the destination
 * guard's private-network allowance. Close it to stop the server. Thread-safe.
 *
 * <pre>{@code
 * try (LoopbackReceiver receiver = LoopbackReceiver.start(System.out)) {
 *   receiver.reply("/hooks", LoopbackReceiver.Reply.status(503).retryAfter(Duration.ofSeconds(1)));
 *   String url = receiver.url("/hooks?auth=s3cr3t");
 *   // ... publish to url ...
 *   List<ReceivedRequest> got = receiver.await(2, Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class LoopbackReceiver implements AutoCloseable {
  /** Bodies larger than this are refused with 413: this receiver is for webhooks, not uploads. */
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private final HttpServer server;
  private final ExecutorService handlers;
  private final ScheduledExecutorService delays;
  private final @Nullable PrintStream out;
  private final long startNanos = System.nanoTime();
  private final AtomicInteger sequence = new AtomicInteger();

  private final Object lock = new Object();
  private final List<ReceivedRequest> received = new ArrayList<>();
  private final Map<String, Deque<Reply>> scripted = new HashMap<>();
  private final Map<String, Reply> defaults = new HashMap<>();
  private final Map<String, Check> checks = new HashMap<>();
  private final Map<String, TokenGrant> tokenEndpoints = new HashMap<>();

  private LoopbackReceiver(@Nullable PrintStream out) throws IOException {
    this.out = out;
    AtomicInteger threads = new AtomicInteger();
    this.handlers = Executors.newCachedThreadPool(r -> daemon(r, "loopback-receiver-"
        + threads.incrementAndGet()));
    this.delays = Executors.newSingleThreadScheduledExecutor(
        r -> daemon(r, "loopback-receiver-delays"));
    this.server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(handlers);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Starts a receiver that records quietly.
   *
   * @return the running receiver
   * @throws UncheckedIOException if no loopback port could be opened
   */
  public static LoopbackReceiver start() {
    return create(null);
  }

  /**
   * Starts a receiver that prints each request to {@code out} as it arrives.
   *
   * @param out where to print
   * @return the running receiver
   * @throws UncheckedIOException if no loopback port could be opened
   */
  public static LoopbackReceiver start(PrintStream out) {
    return create(Objects.requireNonNull(out, "out must not be null"));
  }

  private static LoopbackReceiver create(@Nullable PrintStream out) {
    try {
      return new LoopbackReceiver(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a port on the loopback interface", e);
    }
  }

  /**
   * The port the receiver listens on.
   *
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * An absolute URL on this receiver.
   *
   * @param pathAndQuery a path starting with {@code /}, optionally with a query
   * @return {@code http://127.0.0.1:PORT} followed by {@code pathAndQuery}
   * @throws IllegalArgumentException if {@code pathAndQuery} does not start with {@code /}
   */
  public String url(String pathAndQuery) {
    if (!pathAndQuery.startsWith("/")) {
      throw new IllegalArgumentException(
          "pathAndQuery must start with '/', was \"" + pathAndQuery + '"');
    }
    return "http://" + server.getAddress().getAddress().getHostAddress() + ':' + port()
        + pathAndQuery;
  }

  /**
   * Queues answers for one path: the next requests to it get these, in order; after them the
   * path's default applies again.
   *
   * @param path the path, without query
   * @param replies the answers
   * @return this receiver
   */
  public LoopbackReceiver reply(String path, Reply... replies) {
    synchronized (lock) {
      Deque<Reply> queue = scripted.computeIfAbsent(checkPath(path), p -> new ArrayDeque<>());
      for (Reply r : replies) {
        queue.add(Objects.requireNonNull(r, "replies must not contain null"));
      }
    }
    return this;
  }

  /**
   * Sets the answer a path gives when nothing is queued for it. Default {@code 200}.
   *
   * @param path the path, without query
   * @param reply the answer
   * @return this receiver
   */
  public LoopbackReceiver replyAlways(String path, Reply reply) {
    synchronized (lock) {
      defaults.put(checkPath(path), Objects.requireNonNull(reply, "reply must not be null"));
    }
    return this;
  }

  /**
   * Checks every request to a path, as a real receiver checks a signature or credentials before
   * it trusts a webhook: a request that fails is answered {@code 401} (queued replies are kept
   * for the next request), and the printout says whether the check passed.
   *
   * @param path the path, without query
   * @param name what is checked, for the printout, for example {@code "x-btrz-signature"}
   * @param check returns true to accept the request
   * @return this receiver
   */
  public LoopbackReceiver check(String path, String name, Predicate<ReceivedRequest> check) {
    synchronized (lock) {
      checks.put(checkPath(path), new Check(Objects.requireNonNull(name, "name"),
          Objects.requireNonNull(check, "check")));
    }
    return this;
  }

  /**
   * Makes a path an OAuth2 token endpoint (RFC 6749): a {@code POST} with the password grant
   * ({@code grant_type=password&username=..&password=..}) or the client-credentials grant
   * ({@code client_id}/{@code client_secret} in the form or as HTTP Basic) whose credentials
   * equal {@code user} and {@code password} gets {@code {"access_token": token, "token_type":
   * "Bearer", "expires_in": 3600}}; anything else gets {@code 401 {"error": "invalid_grant"}}.
   *
   * @param path the path, without query
   * @param user the expected user name or client id
   * @param password the expected password or client secret
   * @param accessToken the token to hand out
   * @return this receiver
   */
  public LoopbackReceiver tokenEndpoint(String path, String user, String password,
      String accessToken) {
    synchronized (lock) {
      tokenEndpoints.put(checkPath(path), new TokenGrant(Objects.requireNonNull(user, "user"),
          Objects.requireNonNull(password, "password"),
          Objects.requireNonNull(accessToken, "accessToken")));
    }
    return this;
  }

  /**
   * Every request received so far, in arrival order.
   *
   * @return a copy of the list
   */
  public List<ReceivedRequest> requests() {
    synchronized (lock) {
      return List.copyOf(received);
    }
  }

  /**
   * The requests received so far on one path, in arrival order.
   *
   * @param path the path, without query
   * @return a new list
   */
  public List<ReceivedRequest> requests(String path) {
    List<ReceivedRequest> matching = new ArrayList<>();
    for (ReceivedRequest r : requests()) {
      if (r.path().equals(path)) {
        matching.add(r);
      }
    }
    return matching;
  }

  /**
   * Waits until at least {@code count} requests have arrived.
   *
   * @param count how many requests to wait for
   * @param timeout the longest wait
   * @return the requests received so far (at least {@code count})
   * @throws TimeoutException if fewer arrived within the timeout; the message says how many
   * @throws InterruptedException if interrupted while waiting
   */
  public List<ReceivedRequest> await(int count, Duration timeout)
      throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (received.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new TimeoutException("expected " + count + " requests within " + timeout
              + ", got " + received.size());
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return List.copyOf(received);
    }
  }

  /** Stops the server; requests in progress are cut off. */
  @Override
  public void close() {
    server.stop(0);
    delays.shutdownNow();
    handlers.shutdownNow();
  }

  @Override
  public String toString() {
    return "LoopbackReceiver{" + url("/") + ", " + requests().size() + " requests}";
  }

  private void handle(HttpExchange exchange) throws IOException {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    String target = exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null ? ""
            : "?" + exchange.getRequestURI().getRawQuery());
    String path = exchange.getRequestURI().getRawPath();
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());

    Reply reply;
    @Nullable String checkName = null;
    boolean passed = true;
    Check check;
    TokenGrant grant;
    synchronized (lock) {
      check = checks.get(path);
      grant = tokenEndpoints.get(path);
    }
    ReceivedRequest probe = new ReceivedRequest(0, elapsed, exchange.getRequestMethod(), target,
        headers, body, 0, null, true);
    if (body.length > MAX_BODY_BYTES) {
      reply = Reply.status(413);
    } else if (grant != null) {
      checkName = "OAuth2 token request";
      passed = grant.accepts(probe);
      reply = passed ? grant.tokenReply() : Reply.status(401)
          .body("application/json", "{\"error\":\"invalid_grant\"}");
    } else {
      if (check != null) {
        checkName = check.name;
        passed = safeTest(check.predicate, probe);
      }
      reply = passed ? nextReply(path) : Reply.status(401);
    }

    synchronized (lock) {
      // Numbered, recorded and printed under one lock, so the printout is in arrival order.
      ReceivedRequest request = new ReceivedRequest(sequence.incrementAndGet(), elapsed,
          exchange.getRequestMethod(), target, headers, body, reply.status, checkName, passed);
      received.add(request);
      lock.notifyAll();
      PrintStream o = out;
      if (o != null) {
        o.print(RequestPrinter.format(request, reply.describe()));
        o.flush();
      }
    }
    if (reply.delay.isZero()) {
      respond(exchange, reply);
    } else {
      delays.schedule(() -> respond(exchange, reply), reply.delay.toNanos(),
          TimeUnit.NANOSECONDS);
    }
  }

  private Reply nextReply(String path) {
    synchronized (lock) {
      Deque<Reply> queue = scripted.get(path);
      if (queue != null && !queue.isEmpty()) {
        return queue.poll();
      }
      return defaults.getOrDefault(path, Reply.ok());
    }
  }

  private static boolean safeTest(Predicate<ReceivedRequest> predicate, ReceivedRequest r) {
    try {
      return predicate.test(r);
    } catch (RuntimeException e) {
      return false; // a check that cannot even parse the request rejects it
    }
  }

  private static void respond(HttpExchange exchange, Reply reply) {
    try (exchange) {
      reply.headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      byte[] bytes = reply.body.getBytes(StandardCharsets.UTF_8);
      if (!reply.contentType.isEmpty()) {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType);
      }
      exchange.sendResponseHeaders(reply.status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(bytes);
        }
      }
    } catch (IOException e) {
      // The sender gave up (timed out) before the answer: nothing to deliver it to.
    }
  }

  private static String checkPath(String path) {
    Objects.requireNonNull(path, "path must not be null");
    if (!path.startsWith("/") || path.indexOf('?') >= 0) {
      throw new IllegalArgumentException(
          "path must start with '/' and have no query, was \"" + path + '"');
    }
    return path;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static final class Check {
    final String name;
    final Predicate<ReceivedRequest> predicate;

    Check(String name, Predicate<ReceivedRequest> predicate) {
      this.name = name;
      this.predicate = predicate;
    }
  }

  private static final class TokenGrant {
    final String user;
    final String password;
    final String token;

    TokenGrant(String user, String password, String token) {
      this.user = user;
      this.password = password;
      this.token = token;
    }

    boolean accepts(ReceivedRequest r) {
      if (!r.method().equals("POST")) {
        return false;
      }
      Map<String, String> form = formFields(r.bodyString());
      String grantType = form.getOrDefault("grant_type", "");
      if (grantType.equals("password")) {
        return user.equals(form.get("username")) && password.equals(form.get("password"));
      }
      if (grantType.equals("client_credentials")) {
        String basic = r.header("authorization");
        if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
          String decoded = new String(Base64.getDecoder().decode(basic.substring(6).trim()),
              StandardCharsets.UTF_8);
          return decoded.equals(user + ':' + password);
        }
        return user.equals(form.get("client_id")) && password.equals(form.get("client_secret"));
      }
      return false;
    }

    Reply tokenReply() {
      return Reply.ok().body("application/json", "{\"access_token\":\"" + token
          + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private static Map<String, String> formFields(String body) {
      Map<String, String> fields = new HashMap<>();
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      return fields;
    }
  }

  /**
   * One scripted answer: status, headers, body and an optional delay before it is sent.
   * Immutable: each method returns a changed copy.
   *
   * <pre>{@code
   * LoopbackReceiver.Reply busy = LoopbackReceiver.Reply.status(429)
   *     .retryAfter(Duration.ofSeconds(2));
   * LoopbackReceiver.Reply slow = LoopbackReceiver.Reply.ok().delay(Duration.ofSeconds(5));
   * }</pre>
   */
  public static final class Reply {
    private final int status;
    private final Map<String, String> headers;
    private final String contentType;
    private final String body;
    private final Duration delay;

    private Reply(int status, Map<String, String> headers, String contentType, String body,
        Duration delay) {
      this.status = status;
      this.headers = headers;
      this.contentType = contentType;
      this.body = body;
      this.delay = delay;
    }

    /**
     * A {@code 200} with no body.
     *
     * @return the reply
     */
    public static Reply ok() {
      return status(200);
    }

    /**
     * A reply with the given status and no body.
     *
     * @param status 200 to 599
     * @return the reply
     * @throws IllegalArgumentException if {@code status} is out of range
     */
    public static Reply status(int status) {
      if (status < 200 || status > 599) {
        throw new IllegalArgumentException("status must be 200 to 599, was " + status);
      }
      return new Reply(status, Map.of(), "", "", Duration.ZERO);
    }

    /**
     * Adds a response header.
     *
     * @param name the name
     * @param value the value
     * @return a changed copy
     */
    public Reply header(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return new Reply(status, Map.copyOf(h), contentType, body, delay);
    }

    /**
     * Adds {@code Retry-After} in whole seconds.
     *
     * @param after how long the sender should wait
     * @return a changed copy
     */
    public Reply retryAfter(Duration after) {
      return header("Retry-After", Long.toString(after.toSeconds()));
    }

    /**
     * Sets a body.
     *
     * @param contentType its content type
     * @param body the text, sent as UTF-8
     * @return a changed copy
     */
    public Reply body(String contentType, String body) {
      return new Reply(status, headers, Objects.requireNonNull(contentType, "contentType"),
          Objects.requireNonNull(body, "body"), delay);
    }

    /**
     * Delays the answer, to show timeouts; the request is recorded and printed at once.
     *
     * @param delay how long to wait before answering
     * @return a changed copy
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    public Reply delay(Duration delay) {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative, was " + delay);
      }
      return new Reply(status, headers, contentType, body, delay);
    }

    /**
     * The status code.
     *
     * @return the status
     */
    public int statusCode() {
      return status;
    }

    String describe() {
      StringBuilder sb = new StringBuilder(RequestPrinter.status(status));
      headers.forEach((k, v) -> sb.append(", ").append(k).append(": ").append(v));
      if (!delay.isZero()) {
        sb.append(", after ").append(delay.toMillis()).append(" ms");
      }
      return sb.toString();
    }

    @Override
    public String toString() {
      return "Reply{" + describe() + '}';
    }
  }
}
