package io.mediahooks.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.http.okhttp.OkHttpTransport;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS) // deadlock guard only
class OAuth2AuthTest {
  private static final DestinationGuard LOOPBACK_OK = DestinationGuard.allowingPrivateNetworks();

  /** A clock the test moves by hand. */
  static final class FakeClock extends Clock {
    private volatile Instant now = Instant.parse("2026-03-01T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private MockWebServer server;
  private OkHttpTransport transport;
  private final FakeClock clock = new FakeClock();
  private EndpointAuth.Context context;
  /** Responses the token endpoint gives, in order; the last one repeats. */
  private final LinkedBlockingQueue<MockResponse> tokenResponses = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<RecordedRequest> tokenRequests =
      new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<RecordedRequest> hookRequests =
      new ConcurrentLinkedQueue<>();
  private volatile int hookStatus = 200;
  private volatile CountDownLatch tokenArrived = new CountDownLatch(0);
  private volatile CountDownLatch releaseToken = new CountDownLatch(0);

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      private volatile MockResponse last = new MockResponse.Builder().code(500).build();

      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        if (request.getTarget().startsWith("/token")) {
          tokenRequests.add(request);
          tokenArrived.countDown();
          if (!releaseToken.await(10, TimeUnit.SECONDS)) {
            return new MockResponse.Builder().code(504).build();
          }
          MockResponse next = tokenResponses.poll();
          if (next != null) {
            last = next;
          }
          return last;
        }
        hookRequests.add(request);
        return new MockResponse.Builder().code(hookStatus).build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    transport = OkHttpTransport.create();
    context = new EndpointAuth.Context(transport, clock, LOOPBACK_OK);
  }

  @AfterEach
  void stop() {
    releaseToken.countDown();
    transport.close();
    server.close();
  }

  private String tokenUrl() {
    return "http://127.0.0.1:" + server.getPort() + "/token";
  }

  private static MockResponse token(String value, Object expiresIn) {
    String expiry = expiresIn == null ? "" : ",\"expires_in\":" + expiresIn;
    return json(200, "{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\"" + expiry
        + "}");
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status)
        .addHeader("Content-Type", "application/json").body(body).build();
  }

  private WebhookRequest hookRequest() {
    return WebhookRequest.builder("http://127.0.0.1:" + server.getPort() + "/hook")
        .body("application/json", ByteBuffer.wrap("{}".getBytes(UTF_8)))
        .guard(LOOPBACK_OK)
        .build();
  }

  /** Authenticates and sends one webhook; returns the Authorization header the hook got. */
  private String deliver(EndpointAuth auth) throws Exception {
    WebhookRequest authenticated = auth.authenticate(hookRequest(), context);
    transport.send(authenticated);
    return authenticated.header("Authorization");
  }

  // --- the token request ---

  @Test
  void clientCredentialsTokenRequestIsAFormPostWithBasicClientAuth() throws Exception {
    tokenResponses.add(token("tok-1", 3600));
    EndpointAuth auth = EndpointAuth.oauth2ClientCredentialsBuilder(
            tokenUrl(), "media client", "s3cr3t:+/")
        .scope("media:write hooks")
        .build();

    deliver(auth);

    RecordedRequest t = tokenRequests.remove();
    assertThat(t.getMethod()).isEqualTo("POST");
    assertThat(t.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(t.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(t.getBody().utf8())
        .isEqualTo("grant_type=client_credentials&scope=media%3Awrite+hooks");
    // RFC 6749 2.3.1: id and secret are form-encoded, then Basic-encoded.
    assertThat(t.getHeaders().get("Authorization")).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString("media+client:s3cr3t%3A%2B%2F".getBytes(UTF_8)));
  }

  @Test
  void passwordGrantSendsUsernameAndPasswordInTheForm() throws Exception {
    tokenResponses.add(token("tok-1", 3600));

    deliver(EndpointAuth.oauth2Password(tokenUrl(), "alice@example.com", "p@ss word&=ü"));

    RecordedRequest t = tokenRequests.remove();
    assertThat(t.getBody().utf8()).isEqualTo(
        "grant_type=password&username=alice%40example.com&password=p%40ss+word%26%3D%C3%BC");
    assertThat(t.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void passwordGrantCanAuthenticateTheClientInTheBodyAndAddParameters() throws Exception {
    tokenResponses.add(token("tok-1", 3600));
    EndpointAuth auth = EndpointAuth.oauth2PasswordBuilder(tokenUrl(), "alice", "pw")
        .client("dam", "dam-secret")
        .clientSecretPost()
        .parameter("audience", "https://hooks.example.com")
        .build();

    deliver(auth);

    RecordedRequest t = tokenRequests.remove();
    assertThat(t.getBody().utf8()).isEqualTo("grant_type=password&username=alice&password=pw"
        + "&client_id=dam&client_secret=dam-secret"
        + "&audience=https%3A%2F%2Fhooks.example.com");
    assertThat(t.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void publicClientSendsOnlyItsId() throws Exception {
    tokenResponses.add(token("tok-1", 3600));

    deliver(EndpointAuth.oauth2PasswordBuilder(tokenUrl(), "alice", "pw")
        .client("spa", null).build());

    assertThat(tokenRequests.remove().getBody().utf8())
        .isEqualTo("grant_type=password&username=alice&password=pw&client_id=spa");
  }

  @Test
  void tokenIsSentAsBearerToTheReceiver() throws Exception {
    tokenResponses.add(token("tok-1", 3600));

    deliver(EndpointAuth.oauth2ClientCredentials(tokenUrl(), "id", "secret"));

    assertThat(hookRequests.remove().getHeaders().values("Authorization"))
        .containsExactly("Bearer tok-1");
  }

  // --- caching and refresh ---

  @Test
  void oneTokenFetchServesManyRequests() throws Exception {
    tokenResponses.add(token("tok-1", 3600));
    EndpointAuth auth = EndpointAuth.oauth2ClientCredentials(tokenUrl(), "id", "secret");

    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofSeconds(60));
      assertThat(deliver(auth)).isEqualTo("Bearer tok-1");
    }

    assertThat(tokenRequests).hasSize(1);
    assertThat(hookRequests).hasSize(10);
  }

  @Test
  void expiryTriggersExactlyOneRefreshThirtySecondsEarly() throws Exception {
    tokenResponses.add(token("tok-1", 3600));
    tokenResponses.add(token("tok-2", 3600));
    EndpointAuth auth = EndpointAuth.oauth2ClientCredentials(tokenUrl(), "id", "secret");

    assertThat(deliver(auth)).isEqualTo("Bearer tok-1");
    clock.advance(Duration.ofSeconds(3569));
    assertThat(deliver(auth)).isEqualTo("Bearer tok-1");
    clock.advance(Duration.ofSeconds(1)); // 30 s before expiry
    assertThat(deliver(auth)).isEqualTo("Bearer tok-2");
    assertThat(deliver(auth)).isEqualTo("Bearer tok-2");

    assertThat(tokenRequests).hasSize(2);
  }

  @Test
  void shortLivedTokensRefreshTenPercentEarly() throws Exception {
    tokenResponses.add(token("tok-1", 60));
    tokenResponses.add(token("tok-2", 60));
    EndpointAuth auth = EndpointAuth.oauth2ClientCredentials(tokenUrl(), "id", "secret");

    deliver(auth);
    clock.advance(Duration.ofSeconds(53));
    assertThat(deliver(auth)).isEqualTo("Bearer tok-1");
    clock.advance(Duration.ofSeconds(1)); // 54 s: 6 s (10%) before expiry
    assertThat(deliver(auth)).isEqualTo("Bearer tok-2");
  }

  @Test
  void expiresInAsAStringIsUnderstood() throws Exception {
    tokenResponses.add(token("tok-1", "\"120\""));
    tokenResponses.add(token("tok-2", "\"120\""));
    EndpointAuth auth = EndpointAuth.oauth2ClientCredentials(tokenUrl(), "id", "secret");

    deliver(auth);
    clock.advance(Duration.ofSeconds(108));

    assertThat(deliver(auth)).isEqualTo("Bearer tok-2");
  }

  @Test
  void tokenWithoutExpiresInIsKeptUntilA401() throws Exception {
    tokenResponses.add(token("tok-1", null));
    tokenResponses.add(token("tok-2", null));
    EndpointAuth auth = EndpointAuth.oauth2ClientCredentials(tokenUrl(), "id", "secret");

    deliver(auth);
    clock.advance(Duration.ofDays(30));
    assertThat(deliver(auth)).isEqualTo("Bearer tok-1");
    assertThat(tokenRequests).hasSize(1);

    WebhookRequest refused = auth.authenticate(hookRequest(), context);
    assertThat(auth.onUnauthorized(refused, context)).isTrue();
    assertThat(deliver(auth)).isEqualTo("Bearer tok-2");
  }

  @Test
  void unauthorizedRefreshesOnceAndAsksForOneRetry() throws Exception {
    tokenResponses.add(token("tok-1", 3600));
    tokenResponses.add(token("tok-2", 3600));
    tokenResponses.add(token("tok-3", 3600));
    EndpointAuth auth = EndpointAuth.oauth2ClientCredentials(tokenUrl(), "id", "secret");
    hookStatus = 401;
    WebhookRequest first = auth.authenticate(hookRequest(), context);
    WebhookRequest second = auth.authenticate(hookRequest(), context);
    assertThat(transport.send(first).status()).isEqualTo(401);

    assertThat(auth.onUnauthorized(first, context)).isTrue();
    // A second 401 for a request that carried the same, already replaced token: no new fetch.
    assertThat(auth.onUnauthorized(second, context)).isTrue();

    hookStatus = 200;
    assertThat(deliver(auth)).isEqualTo("Bearer tok-2");
    assertThat(tokenRequests).hasSize(2);
  }

  @Test
  void concurrentCallersShareOneTokenRequest() throws Exception {
    tokenResponses.add(token("tok-1", 3600));
    tokenArrived = new CountDownLatch(1);
    releaseToken = new CountDownLatch(1);
    EndpointAuth auth = EndpointAuth.oauth2ClientCredentials(tokenUrl(), "id", "secret");
    int callers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    List<Thread> threads = new ArrayList<>();
    AtomicInteger started = new AtomicInteger();
    try {
      List<Future<String>> results = new ArrayList<>();
      results.add(pool.submit(() -> authorization(auth, threads, started)));
      // The first caller's token request is now held at the token endpoint.
      assertThat(tokenArrived.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 1; i < callers; i++) {
        results.add(pool.submit(() -> authorization(auth, threads, started)));
      }
      awaitAllParked(threads, started, callers);

      releaseToken.countDown();

      for (Future<String> f : results) {
        assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("Bearer tok-1");
      }
      assertThat(tokenRequests).hasSize(1);
    } finally {
      releaseToken.countDown();
      pool.shutdownNow();
    }
  }

  private String authorization(EndpointAuth auth, List<Thread> threads, AtomicInteger started)
      throws Exception {
    synchronized (threads) {
      threads.add(Thread.currentThread());
    }
    started.incrementAndGet();
    return auth.authenticate(hookRequest(), context).header("Authorization");
  }

  /**
   * Waits (bounded) until every caller but the first is parked waiting for the shared token
   * request. A caller that started a token request of its own would sit in a socket read
   * (RUNNABLE) instead, and this would fail.
   */
  private static void awaitAllParked(List<Thread> threads, AtomicInteger started, int callers) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      int parked = 0;
      synchronized (threads) {
        for (Thread t : threads.subList(1, threads.size())) {
          if (t.getState() == Thread.State.TIMED_WAITING) {
            parked++;
          }
        }
      }
      if (started.get() == callers && parked == callers - 1) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + parked + " of " + (callers - 1)
            + " callers waited for the shared token request");
      }
      Thread.onSpinWait();
    }
  }

  // --- failures ---

  @Test
  void tokenEndpoint400IsNotRetryableAndExplainsItself() {
    tokenResponses.add(json(400,
        "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}"));
    EndpointAuth auth = EndpointAuth.oauth2ClientCredentials(
        tokenUrl() + "?tenant=acme-secret", "id", "secret");

    assertThatThrownBy(() -> auth.authenticate(hookRequest(), context))
        .isInstanceOfSatisfying(AuthenticationException.class,
            e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("OAuth2 token endpoint " + tokenUrl() + "?***")
        .hasMessageContaining("answered 400")
        .hasMessageContaining("invalid_client: Client authentication failed")
        .hasMessageNotContaining("acme-secret");
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 429, 408})
  void transientTokenEndpointFailuresAreRetryable(int status) {
    tokenResponses.add(json(status, "{\"error\":\"temporarily_unavailable\"}"));
    EndpointAuth auth = EndpointAuth.oauth2ClientCredentials(tokenUrl(), "id", "secret");

    assertThatThrownBy(() -> auth.authenticate(hookRequest(), context))
        .isInstanceOfSatisfying(AuthenticationException.class,
            e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("answered " + status)
        .hasMessageContaining("temporarily_unavailable");
  }

  @Test
  void failureIsNotCachedTheNextCallTriesAgain() throws Exception {
    tokenResponses.add(json(503, ""));
    tokenResponses.add(token("tok-1", 3600));
    EndpointAuth auth = EndpointAuth.oauth2ClientCredentials(tokenUrl(), "id", "secret");

    assertThatThrownBy(() -> auth.authenticate(hookRequest(), context))
        .isInstanceOf(AuthenticationException.class);
    assertThat(deliver(auth)).isEqualTo("Bearer tok-1");
  }

  @Test
  void unreachableTokenEndpointIsRetryable() throws Exception {
    MockWebServer gone = new MockWebServer();
    gone.start(InetAddress.getByName("127.0.0.1"), 0);
    int port = gone.getPort();
    gone.close(); // nothing listens there now: connection refused
    EndpointAuth auth = EndpointAuth.oauth2ClientCredentials(
        "http://127.0.0.1:" + port + "/token", "id", "secret");

    assertThatThrownBy(() -> auth.authenticate(hookRequest(), context))
        .isInstanceOfSatisfying(AuthenticationException.class,
            e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("could not be reached");
  }

  @ParameterizedTest
  @ValueSource(strings = {"<html>login</html>", "[]", "{\"token_type\":\"Bearer\"}",
      "{\"access_token\":\"t\",\"token_type\":\"mac\"}", "{\"access_token\":\"has space\"}"})
  void unusableTokenResponsesFailWithoutRetry(String body) {
    tokenResponses.add(json(200, body));
    EndpointAuth auth = EndpointAuth.oauth2ClientCredentials(tokenUrl(), "id", "secret");

    assertThatThrownBy(() -> auth.authenticate(hookRequest(), context))
        .isInstanceOfSatisfying(AuthenticationException.class,
            e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("OAuth2 token endpoint " + tokenUrl() + " answered 200");
  }

  @Test
  void truncatedTokenResponseSaysToRaiseTheSnippetCap() throws Exception {
    tokenResponses.add(token("t".repeat(5000), 3600));
    EndpointAuth auth = EndpointAuth.oauth2ClientCredentials(tokenUrl(), "id", "secret");

    assertThatThrownBy(() -> auth.authenticate(hookRequest(), context))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("incomplete JSON")
        .hasMessageContaining("bodySnippetBytes");

    try (OkHttpTransport roomy = OkHttpTransport.builder().bodySnippetBytes(16 * 1024).build()) {
      tokenResponses.add(token("t".repeat(5000), 3600));
      WebhookRequest authenticated = auth.authenticate(hookRequest(),
          new EndpointAuth.Context(roomy, clock, LOOPBACK_OK));
      assertThat(authenticated.header("Authorization")).isEqualTo("Bearer " + "t".repeat(5000));
    }
  }

  @Test
  void strictGuardRefusesALoopbackTokenUrl() {
    tokenResponses.add(token("tok-1", 3600));
    EndpointAuth auth = EndpointAuth.oauth2ClientCredentials(tokenUrl(), "id", "secret");
    EndpointAuth.Context strict =
        new EndpointAuth.Context(transport, clock, DestinationGuard.strict());

    assertThatThrownBy(() -> auth.authenticate(hookRequest(), strict))
        .isInstanceOf(DestinationRefusedException.class)
        .hasMessageContaining("loopback")
        .hasMessageContaining("allowPrivateNetworks()");
    assertThat(tokenRequests).isEmpty();
  }

  // --- configuration ---

  @Test
  void invalidConfigurationFailsAtCreation() {
    assertThatThrownBy(() -> EndpointAuth.oauth2Password("ftp://auth.example.com/token", "u", "p"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenUrl");
    assertThatThrownBy(() -> EndpointAuth.oauth2Password("/token", "u", "p"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenUrl");
    assertThatThrownBy(() -> EndpointAuth.oauth2Password("https://a.example/t", " ", "p"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("username must not be blank");
    assertThatThrownBy(() -> EndpointAuth.oauth2Password("https://a.example/t", "u", ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("password must not be blank");
    assertThatThrownBy(() -> EndpointAuth.oauth2ClientCredentials("https://a.example/t", "", "s"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("clientId must not be blank");
    assertThatThrownBy(() -> EndpointAuth.oauth2ClientCredentials("https://a.example/t", "i", null))
        .isInstanceOf(NullPointerException.class).hasMessage("clientSecret must not be null");
    assertThatThrownBy(() -> EndpointAuth.oauth2ClientCredentialsBuilder(
            "https://a.example/t", "i", "s").scope("a\"b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scope");
    assertThatThrownBy(() -> EndpointAuth.oauth2ClientCredentialsBuilder(
            "https://a.example/t", "i", "s").parameter("grant_type", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grant_type");
  }

  @Test
  void toStringShowsTheSetupButNoSecret() {
    String password = EndpointAuth.oauth2Password(
        "https://auth.example.com/token?key=k-123", "alice", "pa55word").toString();
    String client = EndpointAuth.oauth2ClientCredentialsBuilder(
        "https://auth.example.com/token", "dam", "cl1ent-secret").scope("hooks").build()
        .toString();

    assertThat(password).isEqualTo(
        "EndpointAuth.oauth2Password(https://auth.example.com/token?***, username=alice)");
    assertThat(client).isEqualTo("EndpointAuth.oauth2ClientCredentials("
        + "https://auth.example.com/token, clientId=dam, client_secret_basic, scope=hooks)");
  }
}
