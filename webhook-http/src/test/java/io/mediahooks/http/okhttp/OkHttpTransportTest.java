package io.mediahooks.http.okhttp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.http.DestinationGuard;
import io.mediahooks.http.DestinationRefusedException;
import io.mediahooks.http.WebhookRequest;
import io.mediahooks.http.WebhookResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.Dns;
import okhttp3.EventListener;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS) // deadlock guard only
class OkHttpTransportTest {
  private static final DestinationGuard LOOPBACK_OK = DestinationGuard.allowingPrivateNetworks();
  private static final Duration SHORT = Duration.ofMillis(300);
  private static final Duration LONG = Duration.ofSeconds(20);

  private MockWebServer server;
  private OkHttpTransport transport;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    transport = OkHttpTransport.create();
  }

  @AfterEach
  void stop() {
    transport.close();
    server.close();
  }

  private String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.getPort() + pathAndQuery;
  }

  private WebhookRequest.Builder post(String pathAndQuery, String contentType, byte[] body) {
    return WebhookRequest.builder(url(pathAndQuery))
        .body(contentType, ByteBuffer.wrap(body))
        .guard(LOOPBACK_OK);
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(10, TimeUnit.SECONDS);
    assertThat(r).as("request received by the server").isNotNull();
    return r;
  }

  // --- what goes on the wire ---

  @Test
  void bodyBytesOnTheWireAreTheBufferRemainingBytes() throws Exception {
    byte[] backing = new byte[70_000];
    for (int i = 0; i < backing.length; i++) {
      backing[i] = (byte) (i * 31 + 7);
    }
    // A slice in the middle of a larger array: only the remaining bytes are the body.
    ByteBuffer body = ByteBuffer.wrap(backing, 5, 65_000).slice();
    server.enqueue(new MockResponse.Builder().code(204).build());

    WebhookResponse response = transport.send(WebhookRequest.builder(url("/hook"))
        .body("application/octet-stream", body).guard(LOOPBACK_OK).build());

    assertThat(response.status()).isEqualTo(204);
    RecordedRequest recorded = take();
    assertThat(recorded.getBody().toByteArray())
        .isEqualTo(Arrays.copyOfRange(backing, 5, 65_005));
    assertThat(recorded.getHeaders().get("Content-Length")).isEqualTo("65000");
  }

  @Test
  void sendingPutsTheWatchdogPacerInPlaceAndItLeavesOnceRequestsStop() throws Exception {
    // Real time here: okio's watchdog fires the pacer once a period (1 s). Bounded waits, no
    // timing assertions: only that it leaves when quiet and comes back with the next request.
    long bound = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (WatchdogPacer.INSTANCE.isArmed()) { // other tests' requests may have armed it
      assertThat(System.nanoTime() - bound).as("pacer left after a quiet period").isNegative();
      Thread.sleep(50);
    }
    server.enqueue(new MockResponse.Builder().code(200).build());

    transport.send(post("/hook", "application/json", "{}".getBytes(UTF_8)).build());

    assertThat(WatchdogPacer.INSTANCE.isArmed()).isTrue();
  }

  @Test
  void directBufferBodyIsSentExactly() throws Exception {
    byte[] json = "{\"type\":\"edit\",\"note\":\"Ünïcödé ✓\"}".getBytes(UTF_8);
    ByteBuffer direct = ByteBuffer.allocateDirect(json.length);
    direct.put(json).flip();
    server.enqueue(new MockResponse.Builder().code(200).build());

    transport.send(WebhookRequest.builder(url("/hook"))
        .body("application/json", direct).guard(LOOPBACK_OK).build());

    assertThat(take().getBody().toByteArray()).isEqualTo(json);
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "application/x-www-form-urlencoded", "text/plain",
      "application/cloudevents+json; charset=UTF-8", "application/vnd.acme+json;v=2"})
  void contentTypeArrivesExactlyAsGivenWithoutAnAddedCharset(String contentType)
      throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());

    transport.send(post("/hook", contentType, "{}".getBytes(UTF_8)).build());

    assertThat(take().getHeaders().values("Content-Type")).containsExactly(contentType);
  }

  @Test
  void headersArriveInOrderWithRepeatsBeforeTheBodyHeaders() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());

    transport.send(post("/hook", "application/json", "{}".getBytes(UTF_8))
        .addHeader("X-First", "1")
        .addHeader("X-Second", "2")
        .addHeader("X-First", "3")
        .addHeader("User-Agent", "FotoWeb/8.1")
        .build());

    Headers headers = take().getHeaders();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      lines.add(headers.name(i) + ": " + headers.value(i));
    }
    assertThat(lines).containsExactly("X-First: 1", "X-Second: 2", "X-First: 3",
        "User-Agent: FotoWeb/8.1", "Content-Type: application/json");
    assertThat(headers.values("User-Agent")).containsExactly("FotoWeb/8.1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/media?auth=a%2Fb+c&x=%E3%81%82",
      "/hook?auth=s3cr3t&auth=&flag&&x==y&",
      "/p/a%2Fb/%7Euser?q=%7e%7E!$()*,;:@/?&t=%25",
      "/empty-query?"})
  void pathAndQueryAreSentByteForByte(String pathAndQuery) throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());

    transport.send(post(pathAndQuery, "application/json", "{}".getBytes(UTF_8)).build());

    RecordedRequest recorded = take();
    assertThat(recorded.getTarget()).isEqualTo(pathAndQuery);
    assertThat(recorded.getRequestLine()).isEqualTo("POST " + pathAndQuery + " HTTP/1.1");
  }

  @Test
  void methodIsSentAndABodylessPostSendsAnEmptyBody() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    transport.send(WebhookRequest.builder(url("/a")).method("PUT")
        .body("application/json", ByteBuffer.wrap("[]".getBytes(UTF_8))).guard(LOOPBACK_OK)
        .build());
    transport.send(WebhookRequest.builder(url("/b")).guard(LOOPBACK_OK).build());

    RecordedRequest put = take();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getBody().utf8()).isEqualTo("[]");
    RecordedRequest empty = take();
    assertThat(empty.getMethod()).isEqualTo("POST");
    assertThat(empty.getHeaders().get("Content-Length")).isEqualTo("0");
    assertThat(empty.getHeaders().get("Content-Type")).isNull();
  }

  // --- what comes back ---

  @Test
  void redirectIsReturnedNotFollowedEvenWhenTheHostClientFollowsRedirects() throws Exception {
    OkHttpClient following = new OkHttpClient.Builder()
        .followRedirects(true).followSslRedirects(true).build();
    try (OkHttpTransport hostTransport = OkHttpTransport.builder().client(following).build()) {
      server.enqueue(new MockResponse.Builder().code(302)
          .addHeader("Location", url("/elsewhere")).build());
      server.enqueue(new MockResponse.Builder().code(200).body("followed").build());

      WebhookResponse response =
          hostTransport.send(post("/hook", "application/json", new byte[0]).build());

      assertThat(response.status()).isEqualTo(302);
      assertThat(response.isSuccessful()).isFalse();
      assertThat(response.header("location")).isEqualTo(url("/elsewhere"));
      assertThat(server.getRequestCount()).isEqualTo(1);
    } finally {
      following.connectionPool().evictAll();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 404, 410, 429, 500, 503})
  void everyStatusIsAResponseNotAnException(int status) throws Exception {
    server.enqueue(new MockResponse.Builder().code(status)
        .addHeader("Retry-After", "120").body("nope").build());

    WebhookResponse response = transport.send(post("/hook", "application/json", new byte[0])
        .build());

    assertThat(response.status()).isEqualTo(status);
    assertThat(response.header("retry-after")).isEqualTo("120");
    assertThat(response.bodySnippet()).isEqualTo("nope");
  }

  @Test
  void responseHeadersKeepNamesOrderAndRepeatedValues() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200)
        .addHeader("X-Trace", "a").addHeader("Set-Thing", "1").addHeader("x-trace", "b")
        .build());

    WebhookResponse response = transport.send(post("/hook", "application/json", new byte[0])
        .build());

    assertThat(response.headers().get("X-Trace")).containsExactly("a", "b");
    assertThat(response.headers().get("Set-Thing")).containsExactly("1");
    assertThat(response.header("X-TRACE")).isEqualTo("a");
  }

  @Test
  void bodySnippetIsCappedAtFourKibByDefault() throws Exception {
    server.enqueue(new MockResponse.Builder().code(500).body("x".repeat(100_000)).build());

    WebhookResponse response = transport.send(post("/hook", "application/json", new byte[0])
        .build());

    assertThat(transport.bodySnippetBytes()).isEqualTo(4096);
    assertThat(response.bodySnippet()).isEqualTo("x".repeat(4096));
  }

  @Test
  void bodySnippetCapDropsACharacterItCutsInHalf() throws Exception {
    try (OkHttpTransport small = OkHttpTransport.builder().bodySnippetBytes(10).build()) {
      // 9 ASCII bytes, then a 2-byte 'é': the cap at 10 bytes cuts it.
      server.enqueue(new MockResponse.Builder().code(500).body("aaaaaaaaaébc").build());
      server.enqueue(new MockResponse.Builder().code(500).body("aaaaaaaaé").build());

      assertThat(small.send(post("/a", "application/json", new byte[0]).build()).bodySnippet())
          .isEqualTo("aaaaaaaaa");
      assertThat(small.send(post("/b", "application/json", new byte[0]).build()).bodySnippet())
          .isEqualTo("aaaaaaaaé");
    }
  }

  @Test
  void snippetCapOfZeroReadsNoBody() throws Exception {
    try (OkHttpTransport none = OkHttpTransport.builder().bodySnippetBytes(0).build()) {
      server.enqueue(new MockResponse.Builder().code(200).body("ignored").build());

      assertThat(none.send(post("/a", "application/json", new byte[0]).build()).bodySnippet())
          .isEmpty();
    }
  }

  @Test
  void bodySnippetCapMustBeInRange() {
    assertThatThrownBy(() -> OkHttpTransport.builder().bodySnippetBytes(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bodySnippetBytes");
  }

  // --- timeouts ---

  @Test
  void readTimeoutFiresWhenTheReceiverNeverAnswers() {
    // The host client waits forever: only the request's own read timeout can end this call.
    OkHttpClient patient = new OkHttpClient.Builder()
        .readTimeout(Duration.ZERO).callTimeout(Duration.ZERO).build();
    try (OkHttpTransport t = OkHttpTransport.builder().client(patient).build()) {
      server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE)
          .build());

      assertThatThrownBy(() -> t.send(post("/hook", "application/json", new byte[0])
          .timeouts(LONG, SHORT, LONG).build()))
          .isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void callTimeoutBoundsTheWholeExchange() {
    OkHttpClient patient = new OkHttpClient.Builder()
        .readTimeout(Duration.ZERO).callTimeout(Duration.ZERO).build();
    try (OkHttpTransport t = OkHttpTransport.builder().client(patient).build()) {
      server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE)
          .build());

      assertThatThrownBy(() -> t.send(post("/hook", "application/json", new byte[0])
          .timeouts(LONG, LONG, SHORT).build()))
          .isInstanceOf(InterruptedIOException.class)
          .hasMessageContaining("timeout");
    }
  }

  @Test
  void eachRequestsTimeoutsReachTheCall() throws Exception {
    List<Long> seen = new CopyOnWriteArrayList<>();
    OkHttpClient observing = new OkHttpClient.Builder()
        .addNetworkInterceptor(chain -> {
          seen.add((long) chain.connectTimeoutMillis());
          seen.add((long) chain.readTimeoutMillis());
          seen.add((long) chain.writeTimeoutMillis());
          seen.add(TimeUnit.NANOSECONDS.toMillis(chain.call().timeout().timeoutNanos()));
          return chain.proceed(chain.request());
        })
        .build();
    try (OkHttpTransport t = OkHttpTransport.builder().client(observing).build()) {
      server.enqueue(new MockResponse.Builder().code(200).build());

      t.send(post("/hook", "application/json", new byte[0])
          .timeouts(Duration.ofMillis(1234), Duration.ofMillis(2345), Duration.ofMillis(3456))
          .build());

      assertThat(seen).containsExactly(1234L, 2345L, 2345L, 3456L);
    }
  }

  @Test
  void requestsWithDifferentTimeoutsShareOneConnectionAndKeepTheirOwnTimeouts() throws Exception {
    List<Long> seen = new CopyOnWriteArrayList<>();
    OkHttpClient observing = new OkHttpClient.Builder()
        .addNetworkInterceptor(chain -> {
          seen.add((long) chain.readTimeoutMillis());
          return chain.proceed(chain.request());
        })
        .build();
    try (OkHttpTransport t = OkHttpTransport.builder().client(observing).build()) {
      Duration[] reads = {Duration.ofMillis(2345), WebhookRequest.DEFAULT_READ_TIMEOUT,
          Duration.ofMillis(777), Duration.ofMillis(2345)};
      for (Duration read : reads) {
        server.enqueue(new MockResponse.Builder().code(200).build());
        t.send(post("/hook", "application/json", new byte[0])
            .timeouts(WebhookRequest.DEFAULT_CONNECT_TIMEOUT, read,
                WebhookRequest.DEFAULT_CALL_TIMEOUT)
            .build());
      }

      assertThat(seen).containsExactly(2345L, WebhookRequest.DEFAULT_READ_TIMEOUT.toMillis(),
          777L, 2345L);
      // One pool per guard, whatever the timeouts: all four went over the first connection.
      for (int i = 0; i < reads.length; i++) {
        assertThat(server.takeRequest().getConnectionIndex()).isZero();
      }
    }
  }

  @Test
  void defaultTimeoutsReachTheCallWhateverTheHostClientSays() throws Exception {
    List<Long> seen = new CopyOnWriteArrayList<>();
    OkHttpClient observing = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(1))
        .readTimeout(Duration.ofSeconds(2))
        .writeTimeout(Duration.ofSeconds(3))
        .addNetworkInterceptor(chain -> {
          seen.add((long) chain.connectTimeoutMillis());
          seen.add((long) chain.readTimeoutMillis());
          seen.add((long) chain.writeTimeoutMillis());
          return chain.proceed(chain.request());
        })
        .build();
    try (OkHttpTransport t = OkHttpTransport.builder().client(observing).build()) {
      server.enqueue(new MockResponse.Builder().code(200).build());

      t.send(post("/hook", "application/json", new byte[0]).build());

      assertThat(seen).containsExactly(WebhookRequest.DEFAULT_CONNECT_TIMEOUT.toMillis(),
          WebhookRequest.DEFAULT_READ_TIMEOUT.toMillis(),
          WebhookRequest.DEFAULT_READ_TIMEOUT.toMillis());
    }
  }

  @Test
  void statusIsReturnedWithWhatWasReadWhenTheBodyStalls() throws Exception {
    // MockWebServer writes part of the body, then stalls until our read timeout fires.
    server.enqueue(new MockResponse.Builder().code(202).body("accepted")
        .onResponseBody(SocketEffect.Stall.INSTANCE).build());

    WebhookResponse response = transport.send(post("/hook", "application/json", new byte[0])
        .timeouts(LONG, SHORT, LONG).build());

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.bodySnippet()).hasSizeLessThan("accepted".length());
    assertThat("accepted").startsWith(response.bodySnippet());
  }

  // --- the destination guard ---

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "169.254.169.254", "[::1]", "192.168.1.10",
      "[fd00::1]", "[::ffff:127.0.0.1]"})
  void strictGuardRefusesInternalAddressLiteralsBeforeConnecting(String host) {
    WebhookRequest request = WebhookRequest.builder(
            "http://" + host + ":" + server.getPort() + "/latest/meta-data")
        .body("application/json", ByteBuffer.wrap("{}".getBytes(UTF_8)))
        .timeouts(SHORT, SHORT, SHORT)
        .build(); // strict by default

    assertThatThrownBy(() -> transport.send(request))
        .isInstanceOf(DestinationRefusedException.class)
        .hasMessageContaining("refused by the DestinationGuard")
        .hasMessageContaining("allowPrivateNetworks()");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void strictGuardRefusesLocalhostByName() {
    WebhookRequest request = WebhookRequest.builder(
        "http://localhost:" + server.getPort() + "/hook").build();

    assertThatThrownBy(() -> transport.send(request))
        .isInstanceOf(DestinationRefusedException.class)
        .hasMessageContaining("(localhost) is a loopback address")
        .hasMessageContaining(".allow(\"localhost\")");
    assertThat(server.getRequestCount()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.1", "169.254.169.254", "::1", "127.0.0.1", "100.64.1.1"})
  void strictGuardRefusesHostNamesResolvingToInternalAddresses(String ip) throws Exception {
    InetAddress internal = InetAddress.getByName(ip);
    Dns fixed = host -> List.of(internal);
    try (OkHttpTransport t = OkHttpTransport.builder().dns(fixed).build()) {
      WebhookRequest request = WebhookRequest.builder("http://hooks.partner.test/hook")
          .timeouts(SHORT, SHORT, SHORT).build();

      assertThatThrownBy(() -> t.send(request))
          .isInstanceOfSatisfying(DestinationRefusedException.class, e -> {
            assertThat(e.host()).isEqualTo("hooks.partner.test");
            assertThat(e.address()).isEqualTo(internal.getHostAddress());
          })
          .hasMessageContaining("(hooks.partner.test)")
          .hasMessageContaining("allowPrivateNetworks()");
    }
  }

  @Test
  void refusedAddressesOfAHostAreSkippedAndAnAllowedOneIsUsed() throws Exception {
    // 10.0.0.1 first: it must be filtered out before any connect, never tried.
    Dns mixed = host -> List.of(InetAddress.getByName("10.0.0.1"),
        InetAddress.getByName("127.0.0.1"));
    DestinationGuard onlyLoopbackRange = DestinationGuard.builder().allow("127.0.0.0/8").build();
    try (OkHttpTransport t = OkHttpTransport.builder().dns(mixed).build()) {
      server.enqueue(new MockResponse.Builder().code(200).build());

      WebhookResponse response = t.send(WebhookRequest.builder(
              "http://hooks.partner.test:" + server.getPort() + "/hook")
          .guard(onlyLoopbackRange).timeouts(SHORT, LONG, LONG).build());

      assertThat(response.status()).isEqualTo(200);
      assertThat(take().getHeaders().get("Host"))
          .isEqualTo("hooks.partner.test:" + server.getPort());
    }
  }

  @Test
  void hostNameOnTheAllowListIsHonouredAtConnectTime() throws Exception {
    // The resolver returns a bare address (no host name attached); the connect-time check must
    // still know it was resolved for the allowed host.
    Dns bare = host -> List.of(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
    DestinationGuard allowOneHost = DestinationGuard.builder().allow("hooks.internal.test")
        .build();
    try (OkHttpTransport t = OkHttpTransport.builder().dns(bare).build()) {
      server.enqueue(new MockResponse.Builder().code(200).build());

      WebhookResponse response = t.send(WebhookRequest.builder(
          "http://hooks.internal.test:" + server.getPort() + "/hook").guard(allowOneHost).build());

      assertThat(response.status()).isEqualTo(200);
      assertThatThrownBy(() -> t.send(WebhookRequest.builder(
              "http://other.internal.test:" + server.getPort() + "/hook")
          .guard(allowOneHost).build()))
          .isInstanceOf(DestinationRefusedException.class);
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void socketChecksTheAddressItConnectsToSoRebindingCannotSlipThrough() throws Exception {
    // Whatever a resolver said earlier, the socket refuses a loopback address under the strict
    // guard at connect time.
    Socket socket = new GuardedSocketFactory(DestinationGuard.strict()).createSocket();
    try (socket) {
      InetSocketAddress target = new InetSocketAddress(
          InetAddress.getByAddress("hooks.partner.test", new byte[] {127, 0, 0, 1}),
          server.getPort());
      assertThatThrownBy(() -> socket.connect(target, 1000))
          .isInstanceOf(DestinationRefusedException.class)
          .hasMessageContaining("127.0.0.1 (hooks.partner.test) is a loopback address");
      assertThat(socket.isConnected()).isFalse();
    }
  }

  @Test
  void connectionPooledUnderAPermissiveGuardIsNeverReusedUnderAStricterOne() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    assertThat(transport.send(post("/first", "application/json", new byte[0]).build()).status())
        .isEqualTo(200);
    WebhookRequest strict = post("/second", "application/json", new byte[0])
        .guard(DestinationGuard.strict()).build();

    assertThatThrownBy(() -> transport.send(strict))
        .isInstanceOf(DestinationRefusedException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void requestsUnderEqualGuardsShareConnectionsAndOtherGuardsDoNot() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(200).build());
    }
    DestinationGuard another = DestinationGuard.builder().allowPrivateNetworks()
        .allow("hooks.example.com").build();

    transport.send(post("/1", "application/json", new byte[0])
        .guard(DestinationGuard.allowingPrivateNetworks()).build());
    transport.send(post("/2", "application/json", new byte[0])
        .guard(DestinationGuard.allowingPrivateNetworks()).build());
    transport.send(post("/3", "application/json", new byte[0]).guard(another).build());

    RecordedRequest first = take();
    RecordedRequest second = take();
    RecordedRequest third = take();
    assertThat(second.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
    assertThat(second.getExchangeIndex()).isEqualTo(first.getExchangeIndex() + 1);
    assertThat(third.getConnectionIndex()).isNotEqualTo(first.getConnectionIndex());
  }

  @Test
  void concurrentDeliveriesKeepTheirConnectionsAcrossALull() throws Exception {
    int concurrency = 12; // above OkHttp's default of 5 idle connections
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(
        concurrency);
    server.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        try {
          // Every request of a wave waits for the others: each needs a connection of its own.
          together.await(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.BrokenBarrierException
            | java.util.concurrent.TimeoutException e) {
          return new MockResponse.Builder().code(500).build();
        }
        return new MockResponse.Builder().code(200).build();
      }
    });
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(concurrency);
    try {
      for (int wave = 0; wave < 2; wave++) {
        List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
          statuses.add(pool.submit(() ->
              transport.send(post("/hook", "application/json", new byte[0]).build()).status()));
        }
        for (java.util.concurrent.Future<Integer> f : statuses) {
          assertThat(f.get(20, TimeUnit.SECONDS)).isEqualTo(200);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    java.util.Set<Integer> connections = new java.util.HashSet<>();
    for (int i = 0; i < 2 * concurrency; i++) {
      connections.add(take().getConnectionIndex());
    }
    assertThat(connections).hasSize(concurrency);
  }

  @Test
  void maxIdleConnectionsMustBeInRange() {
    assertThatThrownBy(() -> OkHttpTransport.builder().maxIdleConnections(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxIdleConnections must be 0 to 1024, was -1");
  }

  // --- proxies ---

  @Test
  void guardedRequestIsRefusedRatherThanSentThroughAProxy() {
    OkHttpClient proxied = new OkHttpClient.Builder()
        .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", server.getPort())))
        .build();
    try (OkHttpTransport t = OkHttpTransport.builder().client(proxied).build()) {
      WebhookRequest request = WebhookRequest.builder("http://hooks.partner.test/hook")
          .guard(LOOPBACK_OK).build();

      assertThatThrownBy(() -> t.send(request))
          .isInstanceOf(DestinationRefusedException.class)
          .hasMessageContaining("through the http proxy")
          .hasMessageContaining("Proxy.NO_PROXY")
          .hasMessageContaining("DestinationGuard.allowAll()");
      assertThat(server.getRequestCount()).isZero();
    }
  }

  @Test
  void guardedRequestIsRefusedWhenTheProxySelectorWouldProxyIt() {
    ProxySelector selector = new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        return uri.getHost().endsWith(".partner.test")
            ? List.of(new Proxy(Proxy.Type.SOCKS,
                InetSocketAddress.createUnresolved("socks.corp.test", 1080)))
            : List.of(Proxy.NO_PROXY);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException e) {}
    };
    OkHttpClient selecting = new OkHttpClient.Builder().proxySelector(selector).build();
    try (OkHttpTransport t = OkHttpTransport.builder().client(selecting).build()) {
      assertThatThrownBy(() -> t.send(WebhookRequest.builder("https://hooks.partner.test/hook")
              .build()))
          .isInstanceOfSatisfying(DestinationRefusedException.class,
              e -> assertThat(e.address()).contains("socks.corp.test"))
          .hasMessageContaining("through the socks proxy");
    }
  }

  @Test
  void guardedRequestIsRefusedWhenTheJvmProxyPropertiesWouldProxyIt() {
    // The default selector reads these properties per request; so must the transport's
    // shortcut for "no proxy configured".
    String before = System.getProperty("https.proxyHost");
    System.setProperty("https.proxyHost", "proxy.corp.test");
    try (OkHttpTransport t = OkHttpTransport.create()) {
      assertThatThrownBy(() -> t.send(WebhookRequest.builder("https://hooks.partner.test/hook")
              .build()))
          .isInstanceOfSatisfying(DestinationRefusedException.class,
              e -> assertThat(e.address()).contains("proxy.corp.test"))
          .hasMessageContaining("through the http proxy");
    } finally {
      if (before == null) {
        System.clearProperty("https.proxyHost");
      } else {
        System.setProperty("https.proxyHost", before);
      }
    }
  }

  @Test
  void allowAllGuardUsesTheClientsProxy() throws Exception {
    OkHttpClient proxied = new OkHttpClient.Builder()
        .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", server.getPort())))
        .build();
    try (OkHttpTransport t = OkHttpTransport.builder().client(proxied).build()) {
      server.enqueue(new MockResponse.Builder().code(200).build());

      t.send(WebhookRequest.builder("http://hooks.partner.test/hook?a=1")
          .guard(DestinationGuard.allowAll()).build());

      // The proxy (our loopback server) got the absolute-form request for the target.
      assertThat(take().getRequestLine())
          .isEqualTo("POST http://hooks.partner.test/hook?a=1 HTTP/1.1");
    }
  }

  // --- sockets and lifecycle ---

  @Test
  void everySocketHasTcpNoDelay() throws Exception {
    List<Boolean> noDelay = new CopyOnWriteArrayList<>();
    OkHttpClient observing = new OkHttpClient.Builder()
        .eventListener(new EventListener() {
          @Override
          public void connectionAcquired(Call call, Connection connection) {
            try {
              noDelay.add(connection.socket().getTcpNoDelay());
            } catch (IOException e) {
              throw new AssertionError(e);
            }
          }
        })
        .build();
    try (OkHttpTransport t = OkHttpTransport.builder().client(observing).build()) {
      server.enqueue(new MockResponse.Builder().code(200).build());
      server.enqueue(new MockResponse.Builder().code(200).build());

      t.send(post("/1", "application/json", new byte[9_500]).build());
      t.send(post("/2", "application/json", new byte[9_500])
          .guard(DestinationGuard.allowAll()).build());
    }
    assertThat(noDelay).containsExactly(true, true);
    assertThat(new GuardedSocketFactory(DestinationGuard.strict()).createSocket().getTcpNoDelay())
        .isTrue();
  }

  @Test
  void writesLeaveTheSocketTogetherAtTheFlush() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        Socket client = new GuardedSocketFactory(LOOPBACK_OK).createSocket()) {
      client.connect(listener.getLocalSocketAddress(), 5_000);
      try (Socket peer = listener.accept()) {
        OutputStream out = client.getOutputStream();
        assertThat(client.getOutputStream()).isSameAs(out);
        // What OkHttp hands the socket for a 9.5 KB request: the head, then 8 KiB segments.
        byte[] head = pattern(185, 1);
        byte[] segment = pattern(8_192, 2);
        byte[] rest = pattern(1_342, 3);
        out.write(head);
        out.write(segment);
        out.write(rest);

        peer.setSoTimeout(300);
        assertThatThrownBy(() -> peer.getInputStream().read())
            .as("nothing is sent before the flush")
            .isInstanceOf(SocketTimeoutException.class);

        out.flush();
        peer.setSoTimeout(10_000);
        byte[] received = peer.getInputStream().readNBytes(185 + 8_192 + 1_342);
        ByteBuffer expected = ByteBuffer.allocate(received.length).put(head).put(segment).put(rest);
        assertThat(received).isEqualTo(expected.array());

        // A write larger than the buffer goes out without waiting for a flush.
        byte[] large = pattern(GuardedSocketFactory.COALESCE_BYTES + 1, 4);
        out.write(large);
        assertThat(peer.getInputStream().readNBytes(large.length)).isEqualTo(large);
      }
    }
  }

  @Test
  void expectContinueHeadIsSentBeforeTheBody() throws Exception {
    // OkHttp sends the head, flushes and waits for "100 Continue" before the body: the head
    // must not wait in the socket's buffer for a reply that needs it.
    server.enqueue(new MockResponse.Builder().add100Continue().code(200).build());
    byte[] body = pattern(9_534, 5);

    WebhookResponse response = transport.send(post("/hook", "application/json", body)
        .setHeader("Expect", "100-continue")
        .timeouts(LONG, Duration.ofSeconds(5), LONG)
        .build());

    assertThat(response.status()).isEqualTo(200);
    assertThat(take().getBody().toByteArray()).isEqualTo(body);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "http/1.1"})
  void httpsDeliversWholeBodiesThroughTheCoalescingSocket(String protocol) throws Exception {
    HeldCertificate certificate = new HeldCertificate.Builder()
        .addSubjectAlternativeName("127.0.0.1")
        .build();
    HandshakeCertificates serverCertificates = new HandshakeCertificates.Builder()
        .heldCertificate(certificate)
        .build();
    HandshakeCertificates clientCertificates = new HandshakeCertificates.Builder()
        .addTrustedCertificate(certificate.certificate())
        .build();
    server.useHttps(serverCertificates.sslSocketFactory());
    server.setProtocols(protocol.equals("h2")
        ? List.of(Protocol.HTTP_2, Protocol.HTTP_1_1) : List.of(Protocol.HTTP_1_1));
    OkHttpClient trusting = new OkHttpClient.Builder()
        .sslSocketFactory(clientCertificates.sslSocketFactory(),
            clientCertificates.trustManager())
        .build();
    byte[] small = pattern(9_534, 6);
    byte[] large = pattern(70_000, 7);
    server.enqueue(new MockResponse.Builder().code(200).build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    try (OkHttpTransport t = OkHttpTransport.builder().client(trusting).build()) {
      String url = "https://127.0.0.1:" + server.getPort() + "/hook";
      for (byte[] body : List.of(small, large)) {
        WebhookResponse response = t.send(WebhookRequest.builder(url)
            .body("application/json", ByteBuffer.wrap(body))
            .guard(LOOPBACK_OK)
            .timeouts(LONG, Duration.ofSeconds(5), LONG)
            .build());
        assertThat(response.status()).isEqualTo(200);
      }
    }

    RecordedRequest first = take();
    assertThat(first.getHandshake()).isNotNull();
    assertThat(first.getBody().toByteArray()).isEqualTo(small);
    assertThat(take().getBody().toByteArray()).isEqualTo(large);
  }

  private static byte[] pattern(int length, int seed) {
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      b[i] = (byte) (i * 31 + seed);
    }
    return b;
  }

  @Test
  void hostClientWithItsOwnSocketFactoryIsRejected() {
    OkHttpClient custom = new OkHttpClient.Builder()
        .socketFactory(new SocketFactory() {
          @Override
          public Socket createSocket() {
            return new Socket();
          }

          @Override
          public Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Socket createSocket(String host, int port, InetAddress local, int localPort) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Socket createSocket(InetAddress host, int port) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Socket createSocket(InetAddress host, int port, InetAddress local,
              int localPort) {
            throw new UnsupportedOperationException();
          }
        })
        .build();

    assertThatThrownBy(() -> OkHttpTransport.builder().client(custom).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("custom SocketFactory")
        .hasMessageContaining("DestinationGuard");
  }

  @Test
  void closingDoesNotCloseTheHostsClient() throws Exception {
    OkHttpClient host = new OkHttpClient();
    OkHttpTransport t = OkHttpTransport.builder().client(host).build();
    server.enqueue(new MockResponse.Builder().code(200).build());
    t.send(post("/1", "application/json", new byte[0]).build());

    t.close();

    assertThat(host.dispatcher().executorService().isShutdown()).isFalse();
    server.enqueue(new MockResponse.Builder().code(200).body("still works").build());
    try (okhttp3.Response r = host.newCall(new okhttp3.Request.Builder().url(url("/2")).build())
        .execute()) {
      assertThat(r.body().string()).isEqualTo("still works");
    }
    host.dispatcher().executorService().shutdown();
    host.connectionPool().evictAll();
  }

  @Test
  void closedTransportSendsNothing() {
    transport.close();

    assertThatThrownBy(() -> transport.send(post("/1", "application/json", new byte[0]).build()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("closed");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void refusalWrappedByOkHttpIsFoundInCausesAndSuppressed() throws Exception {
    DestinationRefusedException refusal = new DestinationRefusedException(
        "h", InetAddress.getByName("10.0.0.1"), "a private-network address");
    IOException outer = new IOException("route failed");
    IOException suppressed = new IOException("first route", refusal);
    outer.addSuppressed(suppressed);

    assertThat(OkHttpTransport.findRefusal(outer)).isSameAs(refusal);
    assertThat(OkHttpTransport.findRefusal(new IOException("plain"))).isNull();
  }

  @Test
  void toStringSaysWhoseClientItIs() {
    assertThat(transport.toString()).contains("own client").contains("4096");
  }
}
