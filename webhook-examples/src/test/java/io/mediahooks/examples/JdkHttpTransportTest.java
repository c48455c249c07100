package io.mediahooks.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.http.DestinationGuard;
import io.mediahooks.http.DestinationRefusedException;
import io.mediahooks.http.WebhookRequest;
import io.mediahooks.http.WebhookResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code WebhookTransport} contract, checked against a real HTTP server on loopback. */
class JdkHttpTransportTest {
  private final MockWebServer server = new MockWebServer();
  private final JdkHttpTransport transport = JdkHttpTransport.create();
  private String base = "";

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    base = "http://127.0.0.1:" + server.getPort();
  }

  @AfterEach
  void stop() {
    transport.close();
    server.close();
  }

  private WebhookRequest.Builder post(String pathAndQuery) {
    return WebhookRequest.builder(base + pathAndQuery)
        .guard(DestinationGuard.allowingPrivateNetworks());
  }

  private RecordedRequest taken() throws InterruptedException {
    RecordedRequest r = server.takeRequest(10, TimeUnit.SECONDS);
    assertThat(r).as("request received").isNotNull();
    return r;
  }

  @Test
  void sendsMethodTargetHeadersAndBodyExactly() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    byte[] body = "{\"alt\":\"Båtar i hamnen\",\"n\":1}".getBytes(UTF_8);

    WebhookResponse response = transport.send(post("/hooks/media?auth=a%2Fb&x=%7e&flag")
        .addHeader("User-Agent", "FotoWeb/8.1")
        .addHeader("X-Trace", "one")
        .addHeader("X-Trace", "two")
        .body("application/json", ByteBuffer.wrap(body))
        .build());

    assertThat(response.status()).isEqualTo(200);
    RecordedRequest r = taken();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getTarget()).isEqualTo("/hooks/media?auth=a%2Fb&x=%7e&flag");
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(r.getHeaders().get("Content-Length")).isEqualTo(Integer.toString(body.length));
    assertThat(r.getHeaders().get("User-Agent")).isEqualTo("FotoWeb/8.1");
    assertThat(r.getHeaders().values("X-Trace")).containsExactly("one", "two");
    assertThat(r.getBody()).isNotNull();
    assertThat(r.getBody().toByteArray()).isEqualTo(body);
  }

  @Test
  void cleartextRequestsAreHttp11WithoutAnH2cUpgrade() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());

    transport.send(post("/h").body("application/json", ByteBuffer.wrap(new byte[] {'{', '}'}))
        .build());

    RecordedRequest r = taken();
    assertThat(r.getVersion()).isEqualTo("HTTP/1.1");
    assertThat(r.getHeaders().get("Upgrade")).isNull();
    assertThat(r.getHeaders().get("HTTP2-Settings")).isNull();
  }

  @Test
  void contentTypeIsSentExactlyAsGivenWithoutAddingACharset() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());

    transport.send(post("/form").body("application/x-www-form-urlencoded",
        ByteBuffer.wrap("a=1&b=%C3%A5".getBytes(UTF_8))).build());

    assertThat(taken().getHeaders().get("Content-Type"))
        .isEqualTo("application/x-www-form-urlencoded");
  }

  @Test
  void aRequestWithoutBodySendsNoContentType() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());

    transport.send(post("/ping").method("PUT").build());

    RecordedRequest r = taken();
    assertThat(r.getMethod()).isEqualTo("PUT");
    assertThat(r.getHeaders().get("Content-Type")).isNull();
    assertThat(r.getBodySize()).isZero();
  }

  @Test
  void errorStatusesAreReturnedAsResponsesWithHeadersAndBody() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "120")
        .body("busy, try later").build());

    WebhookResponse response = transport.send(post("/h").build());

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.isSuccessful()).isFalse();
    assertThat(response.header("retry-after")).isEqualTo("120");
    assertThat(response.bodySnippet()).isEqualTo("busy, try later");
  }

  @Test
  void redirectsAreReturnedNotFollowed() throws Exception {
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/elsewhere")
        .build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    WebhookResponse response = transport.send(post("/h").build());

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location")).isEqualTo("/elsewhere");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void bodySnippetIsCappedAtTheDefaultSnippetSize() throws Exception {
    server.enqueue(new MockResponse.Builder().code(500).body("x".repeat(100_000)).build());

    WebhookResponse response = transport.send(post("/h").build());

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.bodySnippet()).hasSize(WebhookResponse.DEFAULT_BODY_SNIPPET_BYTES)
        .matches("x+");
  }

  @Test
  void strictGuardRefusesLoopbackBeforeConnecting() {
    WebhookRequest request = WebhookRequest.builder(base + "/h").build();

    assertThatThrownBy(() -> transport.send(request))
        .isInstanceOf(DestinationRefusedException.class)
        .hasMessageContaining("127.0.0.1")
        .hasMessageContaining("loopback")
        .hasMessageContaining("--allow-private");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aHostNameResolvingToAPrivateAddressIsRefused() throws Exception {
    InetAddress internal = InetAddress.getByName("10.1.2.3");
    try (JdkHttpTransport faked = JdkHttpTransport.create(host -> new InetAddress[] {internal})) {
      WebhookRequest request = WebhookRequest.builder("http://hooks.example.test/h").build();

      assertThatThrownBy(() -> faked.send(request))
          .isInstanceOfSatisfying(DestinationRefusedException.class, e -> {
            assertThat(e.host()).isEqualTo("hooks.example.test");
            assertThat(e.address()).isEqualTo("10.1.2.3");
          });
    }
  }

  @Test
  void oneRefusedAddressAmongSeveralRefusesTheRequest() throws Exception {
    // The JDK client, not the transport, picks the address it connects to, so every resolved
    // address must pass.
    InetAddress[] answer = {InetAddress.getByName("93.184.216.34"),
        InetAddress.getByName("169.254.169.254")};
    try (JdkHttpTransport faked = JdkHttpTransport.create(host -> answer)) {
      WebhookRequest request = WebhookRequest.builder("http://mixed.example.test/h").build();

      assertThatThrownBy(() -> faked.send(request))
          .isInstanceOf(DestinationRefusedException.class)
          .hasMessageContaining("169.254.169.254");
    }
  }

  @Test
  void theGuardCanAllowOneHostByName() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    WebhookRequest request = WebhookRequest.builder(base + "/h")
        .guard(DestinationGuard.builder().allow("127.0.0.1").build())
        .build();

    assertThat(transport.send(request).status()).isEqualTo(200);
  }

  @Test
  void lateResponseHeadersHitTheReadTimeout() {
    server.enqueue(new MockResponse.Builder().code(200)
        .headersDelay(10, TimeUnit.SECONDS).build());
    WebhookRequest request = post("/slow")
        .timeouts(Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofSeconds(30))
        .build();

    assertThatThrownBy(() -> transport.send(request))
        .isInstanceOf(SocketTimeoutException.class)
        .hasCauseInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void aSlowBodyHitsTheCallTimeout() {
    server.enqueue(new MockResponse.Builder().code(200).body("late")
        .bodyDelay(10, TimeUnit.SECONDS).build());
    WebhookRequest request = post("/slow-body")
        .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(300))
        .build();

    assertThatThrownBy(() -> transport.send(request))
        .isInstanceOf(SocketTimeoutException.class)
        .hasMessageContaining("call timed out");
  }

  @Test
  void aRefusedConnectionIsAnIoExceptionNotAResponse() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    WebhookRequest request = WebhookRequest.builder("http://127.0.0.1:" + closedPort + "/h")
        .guard(DestinationGuard.allowingPrivateNetworks())
        .build();

    assertThatThrownBy(() -> transport.send(request))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(DestinationRefusedException.class);
  }

  @Test
  void aHeaderTheJdkClientCannotSendFailsAtOnceNamingIt() {
    WebhookRequest request = post("/h").addHeader("Connection", "close").build();

    assertThatThrownBy(() -> transport.send(request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"Connection\"");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void sendAfterCloseFails() {
    transport.close();

    assertThatThrownBy(() -> transport.send(post("/h").build()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void oneInstanceServesManyThreadsAtOnce() throws Exception {
    int n = 16;
    for (int i = 0; i < n; i++) {
      server.enqueue(new MockResponse.Builder().code(200).build());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<WebhookResponse>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String path = "/h" + i;
        futures.add(pool.submit(() -> transport.send(post(path).build())));
      }
      for (Future<WebhookResponse> f : futures) {
        assertThat(f.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> targets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      targets.add(taken().getTarget());
    }
    assertThat(targets).hasSize(n).doesNotHaveDuplicates();
  }
}
