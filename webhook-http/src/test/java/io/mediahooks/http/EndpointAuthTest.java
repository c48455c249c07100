package io.mediahooks.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.http.okhttp.OkHttpTransport;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EndpointAuthTest {
  private MockWebServer server;
  private OkHttpTransport transport;
  private EndpointAuth.Context context;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    transport = OkHttpTransport.create();
    context = new EndpointAuth.Context(transport, Clock.systemUTC(),
        DestinationGuard.allowingPrivateNetworks());
  }

  @AfterEach
  void stop() {
    transport.close();
    server.close();
  }

  private RecordedRequest sendWith(EndpointAuth auth) throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    WebhookRequest request = WebhookRequest.builder(
            "http://127.0.0.1:" + server.getPort() + "/hook")
        .body("application/json", ByteBuffer.wrap("{}".getBytes(UTF_8)))
        .addHeader("Authorization", "stale")
        .guard(DestinationGuard.allowingPrivateNetworks())
        .build();
    transport.send(auth.authenticate(request, context));
    RecordedRequest recorded = server.takeRequest(10, TimeUnit.SECONDS);
    assertThat(recorded).isNotNull();
    return recorded;
  }

  @Test
  void basicSendsTheRfc7617Credentials() throws Exception {
    // RFC 7617 section 2 example.
    RecordedRequest received = sendWith(EndpointAuth.basic("Aladdin", "open sesame"));

    assertThat(received.getHeaders().values("Authorization"))
        .containsExactly("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
  }

  @Test
  void basicEncodesNonAsciiAsUtf8() throws Exception {
    // RFC 7617 section 2.1 example: user "test", password "123£" with charset UTF-8.
    RecordedRequest received = sendWith(EndpointAuth.basic("test", "123\u00a3"));

    assertThat(received.getHeaders().get("Authorization")).isEqualTo("Basic dGVzdDoxMjPCow==");
  }

  @Test
  void basicAllowsAnEmptyPassword() throws Exception {
    RecordedRequest received = sendWith(EndpointAuth.basic("sk_live_key", ""));

    assertThat(received.getHeaders().get("Authorization")).isEqualTo(
        "Basic " + Base64.getEncoder().encodeToString("sk_live_key:".getBytes(UTF_8)));
  }

  @Test
  void bearerSendsTheToken() throws Exception {
    RecordedRequest received = sendWith(EndpointAuth.bearer("eyJhbGciOi.payload.sig-_~+/="));

    assertThat(received.getHeaders().values("Authorization"))
        .containsExactly("Bearer eyJhbGciOi.payload.sig-_~+/=");
  }

  @Test
  void customHeaderArrivesAsConfigured() throws Exception {
    RecordedRequest received = sendWith(EndpointAuth.header("X-Api-Key", "k-123 456"));

    assertThat(received.getHeaders().values("X-Api-Key")).containsExactly("k-123 456");
    assertThat(received.getHeaders().values("Authorization")).containsExactly("stale");
  }

  @Test
  void noneLeavesTheRequestAsIs() throws Exception {
    WebhookRequest request = WebhookRequest.builder("https://hooks.example.com/x").build();

    assertThat(EndpointAuth.none().authenticate(request, context)).isSameAs(request);
    assertThat(EndpointAuth.none().onUnauthorized(request, context)).isFalse();
    assertThat(EndpointAuth.none()).hasToString("EndpointAuth.none()");
  }

  @Test
  void staticAuthsDoNotRetryOn401() throws Exception {
    WebhookRequest request = WebhookRequest.builder("https://hooks.example.com/x").build();

    assertThat(EndpointAuth.bearer("t").onUnauthorized(request, context)).isFalse();
    assertThat(EndpointAuth.basic("u", "p").onUnauthorized(request, context)).isFalse();
  }

  @Test
  void invalidArgumentsFailAtCreationNamingTheArgument() {
    assertThatThrownBy(() -> EndpointAuth.basic(" ", "p"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("user must not be blank");
    assertThatThrownBy(() -> EndpointAuth.basic("a:b", "p"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user must not contain ':'");
    assertThatThrownBy(() -> EndpointAuth.basic("u", "line\nbreak"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("password must not contain control characters")
        .hasMessageNotContaining("line");
    assertThatThrownBy(() -> EndpointAuth.basic("u", null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("password");
    assertThatThrownBy(() -> EndpointAuth.bearer(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("token must not be blank");
    assertThatThrownBy(() -> EndpointAuth.bearer("has space"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token has an invalid character U+0020 at index 3");
    assertThatThrownBy(() -> EndpointAuth.header("X Key", "v"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header name");
    assertThatThrownBy(() -> EndpointAuth.header("X-Key", "caf\u00e9"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Key");
    assertThatThrownBy(() -> EndpointAuth.header("X-Key", " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be blank");
    assertThatThrownBy(() -> EndpointAuth.header("content-type", "text/plain"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set from the body");
  }

  @Test
  void toStringNeverShowsSecrets() {
    assertThat(EndpointAuth.basic("webhooks", "pa55word").toString())
        .contains("webhooks").doesNotContain("pa55word");
    assertThat(EndpointAuth.bearer("tok-xyz").toString()).doesNotContain("tok-xyz");
    assertThat(EndpointAuth.header("X-Api-Key", "key-xyz").toString())
        .contains("X-Api-Key").doesNotContain("key-xyz");
  }
}
