package io.mediahooks.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahooks.core.Attempt;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.http.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code send} end to end: through the library to a real HTTP server on loopback. */
class SendCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockWebServer server = new MockWebServer();
  private final List<RecordedRequest> received = new ArrayList<>();
  private final ConcurrentLinkedQueue<MockResponse> scripted = new ConcurrentLinkedQueue<>();
  private Function<RecordedRequest, MockResponse> answer =
      r -> new MockResponse.Builder().code(200).build();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private String base = "";

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        synchronized (received) {
          received.add(request);
        }
        MockResponse next = scripted.poll();
        return next != null ? next : answer.apply(request);
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    base = "http://127.0.0.1:" + server.getPort();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private int send(String... args) {
    return SendCommand.run(Arrays.asList(args), new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8));
  }

  private String out() {
    return out.toString(UTF_8);
  }

  private String err() {
    return err.toString(UTF_8);
  }

  private List<RecordedRequest> received() {
    synchronized (received) {
      return new ArrayList<>(received);
    }
  }

  private static String body(RecordedRequest r) {
    return r.getBody() == null ? "" : r.getBody().utf8();
  }

  private static byte[] bodyBytes(RecordedRequest r) {
    return r.getBody() == null ? new byte[0] : r.getBody().toByteArray();
  }

  private static JsonNode json(RecordedRequest r) throws IOException {
    return JSON.readTree(body(r));
  }

  private static byte[] hmac(byte[] key, byte[] message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(message);
  }

  private static byte[] concat(String prefix, byte[] body) {
    byte[] p = prefix.getBytes(UTF_8);
    byte[] all = Arrays.copyOf(p, p.length + body.length);
    System.arraycopy(body, 0, all, p.length, body.length);
    return all;
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      fields.put(URLDecoder.decode(pair.substring(0, eq), UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), UTF_8));
    }
    return fields;
  }

  @Test
  void microCmsSendsEachEventOnceInOrderWithTheQueryKeptByteForByte() throws Exception {
    int exit = send("--format", "microcms", "--url", base + "/hooks?auth=s3cr3t%2F&x=%7e",
        "--allow-private");

    assertThat(exit).isZero();
    List<RecordedRequest> got = received();
    assertThat(got).hasSize(3);
    assertThat(got).extracting(RecordedRequest::getTarget)
        .containsOnly("/hooks?auth=s3cr3t%2F&x=%7e");
    assertThat(got).extracting(r -> r.getHeaders().get("Content-Type"))
        .containsOnly("application/json");
    List<String> types = new ArrayList<>();
    for (RecordedRequest r : got) {
      types.add(json(r).get("type").asText());
    }
    assertThat(types).containsExactly("new", "edit", "delete");
    // microCMS bodies carry no id or time, so the exact bytes are known in advance.
    byte[] expected = SendOptions.Format.MICROCMS.webhookFormat()
        .render(SampleEvents.event(MediaEventType.CREATED, 1), Attempt.first(Instant.now()))
        .orElseThrow().bodyBytes();
    assertThat(bodyBytes(got.get(0))).isEqualTo(expected);
    assertThat(out()).contains("3 events: 3 delivered, 0 filtered, 0 dead-lettered")
        .doesNotContain("s3cr3t");
  }

  @Test
  void eachDeliveryGetsALineWithEventEndpointOutcomeAttemptsAndStatus() {
    send("--format", "microcms", "--url", base + "/h", "--allow-private");

    assertThat(out()).containsPattern("(?m)^created  microcms\\s+delivered\\s+1  200\\s+new$")
        .containsPattern("(?m)^updated  microcms\\s+delivered\\s+1  200\\s+edit$")
        .containsPattern("(?m)^deleted  microcms\\s+delivered\\s+1  200\\s+delete$")
        .contains("EVENT    ENDPOINT");
  }

  @Test
  void betterezSendsItsTwoEventsSignedAndTheSignatureVerifies() throws Exception {
    int exit = send("--format", "betterez", "--url", base + "/btrz", "--sign",
        "betterez:my-private-key", "--allow-private");

    assertThat(exit).isZero();
    List<RecordedRequest> got = received();
    assertThat(got).extracting(r -> json(r).get("event").asText())
        .containsExactly("images.created", "images.deleted");
    for (RecordedRequest r : got) {
      String header = r.getHeaders().get("x-btrz-signature");
      assertThat(header).matches("t=\\d+,s=[0-9a-f]{64},s2=[0-9a-f]{64}");
      String t = header.substring(2, header.indexOf(','));
      String s2 = header.substring(header.indexOf("s2=") + 3);
      // Recomputed here independently of both the library and ReceiverSignatures.
      assertThat(s2).isEqualTo(HexFormat.of().formatHex(
          hmac("my-private-key".getBytes(UTF_8), concat(t + ".", bodyBytes(r)))));
      assertThat(ReceiverSignatures.betterez("my-private-key", bodyBytes(r), header,
          Instant.now(), Duration.ofMinutes(5))).isTrue();
    }
  }

  @Test
  void anExplicitEventTheFormatDoesNotHaveEndsFilteredWithTheReason() {
    int exit = send("--format", "betterez", "--url", base + "/btrz", "--event", "updated",
        "--allow-private");

    assertThat(exit).isZero();
    assertThat(received()).isEmpty();
    assertThat(out()).containsPattern("(?m)^updated  betterez\\s+filtered\\s+0  -\\s+.*update")
        .contains("1 event: 0 delivered, 1 filtered, 0 dead-lettered");
  }

  @Test
  void fotowareJsonSendsFotowebsHeadersAndOperations() throws Exception {
    int exit = send("--format", "fotoware", "--url", base + "/fw", "--allow-private");

    assertThat(exit).isZero();
    List<RecordedRequest> got = received();
    assertThat(got).hasSize(3);
    assertThat(got).extracting(r -> r.getHeaders().get("Content-Type"))
        .containsOnly("application/json");
    assertThat(got).extracting(r -> r.getHeaders().get("User-Agent")).containsOnly(
        "FotoWeb/8.1");
    assertThat(json(got.get(0)).get("operation-name").asText()).isEqualTo("upload");
    JsonNode renamed = json(got.get(1));
    assertThat(renamed.get("operation-name").asText()).isEqualTo("rename");
    assertThat(renamed.get("previous-name").asText()).isEqualTo("harbour.jpg");
    assertThat(renamed.at("/data/asset/filename").asText())
        .isEqualTo("bergen-harbour-at-dusk.jpg");
    assertThat(json(got.get(2)).at("/data/filename").asText())
        .isEqualTo("bergen-harbour-at-dusk.jpg");
  }

  @Test
  void fotowareFormSendsFormFields() {
    int exit = send("--format", "fotoware-form", "--url", base + "/fw", "--event", "created",
        "--allow-private");

    assertThat(exit).isZero();
    RecordedRequest r = received().get(0);
    assertThat(r.getHeaders().get("Content-Type"))
        .isEqualTo("application/x-www-form-urlencoded");
    Map<String, String> fields = form(body(r));
    assertThat(fields).containsEntry("pixel-width", "4032").containsEntry("type", "asset")
        .containsEntry("byline", "Ana Lima; Tomás Berg").containsKey("data");
  }

  @Test
  void filerobotFetchesAnOauth2TokenAndSendsItWithTheCustomHeaders() throws Exception {
    answer = r -> r.getTarget().equals("/oauth/token")
        ? new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body("{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}")
            .build()
        : new MockResponse.Builder().code(200).build();

    int exit = send("--format", "filerobot", "--url", base + "/fr", "--oauth2-token-url",
        base + "/oauth/token", "--username", "dam", "--password", "p@ss word", "--header",
        "X-Tenant=acme", "--header", "X-Env=test", "--allow-private");

    assertThat(exit).isZero();
    List<RecordedRequest> got = received();
    assertThat(got.get(0).getTarget()).isEqualTo("/oauth/token");
    assertThat(form(body(got.get(0)))).containsEntry("grant_type", "password")
        .containsEntry("username", "dam").containsEntry("password", "p@ss word");
    List<RecordedRequest> hooks = got.subList(1, got.size());
    assertThat(hooks).hasSize(3); // one token for all three: it is cached
    assertThat(hooks).extracting(r -> r.getHeaders().get("Authorization"))
        .containsOnly("Bearer tok-1");
    assertThat(hooks).extracting(r -> r.getHeaders().get("X-Tenant")).containsOnly("acme");
    assertThat(hooks).extracting(r -> r.getHeaders().get("X-Env")).containsOnly("test");
    assertThat(hooks).extracting(r -> json(r).get("trigger").asText())
        .containsExactly("on_upload", "on_rename", "on_delete");
    assertThat(out()).doesNotContain("p@ss word", "tok-1");
  }

  @Test
  void cloudEventsStructuredCarriesAVerifiableStandardWebhooksSignature() throws Exception {
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    int exit = send("--format", "cloudevents", "--url", base + "/ce", "--sign",
        "standard:" + secret, "--allow-private");

    assertThat(exit).isZero();
    List<RecordedRequest> got = received();
    assertThat(got).hasSize(3);
    for (RecordedRequest r : got) {
      assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/cloudevents+json");
      JsonNode event = json(r);
      String id = r.getHeaders().get("webhook-id");
      assertThat(id).isEqualTo(event.get("id").asText());
      String ts = r.getHeaders().get("webhook-timestamp");
      byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
      assertThat(r.getHeaders().get("webhook-signature")).isEqualTo("v1," + Base64.getEncoder()
          .encodeToString(hmac(key, concat(id + "." + ts + ".", bodyBytes(r)))));
    }
    assertThat(json(got.get(1)).get("type").asText()).isEqualTo("io.mediahooks.media.updated");
  }

  @Test
  void cloudEventsBinaryPutsAttributesInHeaders() throws Exception {
    int exit = send("--format", "cloudevents-binary", "--url", base + "/ce", "--event",
        "deleted", "--allow-private");

    assertThat(exit).isZero();
    RecordedRequest r = received().get(0);
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(r.getHeaders().get("ce-specversion")).isEqualTo("1.0");
    assertThat(r.getHeaders().get("ce-type")).isEqualTo("io.mediahooks.media.deleted");
    assertThat(r.getHeaders().get("ce-subject")).isEqualTo("65f1c2a9e4b0a7d3c8e90001");
    assertThat(json(r).get("after").isNull()).isTrue();
  }

  @Test
  void signCombinesWithAnyFormat() throws Exception {
    int exit = send("--format", "fotoware", "--url", base + "/fw", "--event", "created",
        "--sign", "microcms:sëcret", "--allow-private");

    assertThat(exit).isZero();
    RecordedRequest r = received().get(0);
    assertThat(r.getHeaders().get("x-microcms-signature")).isEqualTo(HexFormat.of().formatHex(
        hmac("sëcret".getBytes(UTF_8), bodyBytes(r))));
  }

  @Test
  void basicAndBearerSetTheAuthorizationHeader() {
    send("--format", "cloudevents", "--url", base + "/a", "--event", "created", "--basic",
        "user:pa:ss", "--allow-private");
    send("--format", "cloudevents", "--url", base + "/b", "--event", "created", "--bearer",
        "t0ken", "--allow-private");

    List<RecordedRequest> got = received();
    assertThat(got.get(0).getHeaders().get("Authorization")).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString("user:pa:ss".getBytes(UTF_8)));
    assertThat(got.get(1).getHeaders().get("Authorization")).isEqualTo("Bearer t0ken");
  }

  @Test
  void countSendsThatManyEventsOfEachKindAboutDifferentPhotos() throws Exception {
    int exit = send("--format", "cloudevents", "--url", base + "/ce", "--event", "created",
        "--count", "3", "--allow-private");

    assertThat(exit).isZero();
    assertThat(received()).extracting(r -> json(r).get("subject").asText()).containsExactly(
        "65f1c2a9e4b0a7d3c8e90001", "65f1c2a9e4b0a7d3c8e90002", "65f1c2a9e4b0a7d3c8e90003");
    assertThat(out()).contains("created #1", "created #2", "created #3",
        "3 events: 3 delivered");
  }

  @Test
  void loopbackWithoutAllowPrivateIsDeadLetteredWithExit1NamingTheOption() {
    int exit = send("--format", "microcms", "--url", base + "/h", "--event", "created");

    assertThat(exit).isEqualTo(1);
    assertThat(received()).isEmpty();
    assertThat(out()).containsPattern("(?m)^created  microcms\\s+dead-lettered\\s+1  -\\s+"
        + "destination 127.0.0.1 .* loopback")
        .contains("--allow-private")
        .contains("1 event: 0 delivered, 0 filtered, 1 dead-lettered");
  }

  @Test
  void theGuardCoversTheOauth2TokenUrlToo() {
    // The token URL names "localhost", the webhook "127.0.0.1": the refusal names the former,
    // so it is the token request that the guard stopped, before any webhook was sent.
    int exit = send("--format", "filerobot", "--url", base + "/fr", "--event", "created",
        "--oauth2-token-url", "http://localhost:" + server.getPort() + "/oauth/token",
        "--username", "u", "--password", "p");

    assertThat(exit).isEqualTo(1);
    assertThat(received()).isEmpty();
    assertThat(out()).contains("dead-lettered").contains("(localhost)")
        .contains("--allow-private");
  }

  @Test
  void exponentialRetryHonoursRetryAfterAndDelivers() {
    scripted.add(new MockResponse.Builder().code(503).addHeader("Retry-After", "1").build());
    scripted.add(new MockResponse.Builder().code(500).build());

    int exit = send("--format", "cloudevents", "--url", base + "/ce", "--event", "created",
        "--retry", "exponential:3:50", "--allow-private");

    assertThat(exit).isZero();
    assertThat(received()).hasSize(3);
    assertThat(out()).containsPattern("(?m)^created  cloudevents\\s+delivered\\s+3  200")
        .contains("attempt 1 failed (HTTP 503)").contains("attempt 2 failed (HTTP 500)");
  }

  @Test
  void exhaustedRetriesAreDeadLetteredWithExit1() {
    answer = r -> new MockResponse.Builder().code(502).build();

    int exit = send("--format", "betterez", "--url", base + "/b", "--event", "created",
        "--retry", "exponential:2:10", "--allow-private");

    assertThat(exit).isEqualTo(1);
    assertThat(received()).hasSize(2);
    assertThat(out()).containsPattern("(?m)^created  betterez\\s+dead-lettered\\s+2  502");
  }

  @Test
  void microCmsIsNotRetriedByDefault() {
    answer = r -> new MockResponse.Builder().code(500).build();

    int exit = send("--format", "microcms", "--url", base + "/m", "--event", "created",
        "--allow-private");

    assertThat(exit).isEqualTo(1);
    assertThat(received()).hasSize(1);
  }

  @Test
  void aClientErrorIsNotRetried() {
    answer = r -> new MockResponse.Builder().code(400).build();

    int exit = send("--format", "cloudevents", "--url", base + "/c", "--event", "created",
        "--allow-private");

    assertThat(exit).isEqualTo(1);
    assertThat(received()).hasSize(1);
  }

  @Test
  void usageErrorsExitWith2NameTheOptionAndSendNothing() {
    assertThat(send("--format", "microcms", "--url", base + "/h", "--count", "0")).isEqualTo(2);
    assertThat(err()).contains("mediahooks send: --count must be a whole number")
        .contains("send --help");
    assertThat(send("--format", "microcms")).isEqualTo(2);
    assertThat(err()).contains("--url is required");
    assertThat(send("--format", "microcms", "--url", base, "--sign", "standard:whsec_c2hvcnQ="))
        .isEqualTo(2);
    assertThat(err()).contains("--sign standard: the key after whsec_ must decode to 24");
    assertThat(received()).isEmpty();
    assertThat(out()).isEmpty();
  }

  @Test
  void helpDocumentsEveryOptionAndExits0() {
    assertThat(send("--help")).isZero();

    assertThat(out()).contains("--format", "--url", "--event", "--count", "--sign", "--basic",
        "--bearer", "--oauth2-token-url", "--username", "--password", "--header", "--retry",
        "--allow-private", "--help", "microcms", "betterez", "fotoware", "fotoware-form",
        "filerobot", "cloudevents", "cloudevents-binary", "exponential", "schedule",
        "Exit status");
    assertThat(err()).isEmpty();
  }

  @Test
  void retryOptionsBecomeTheLibrarysPolicies() throws Exception {
    SendOptions schedule = SendOptions.parse(List.of("--format", "fotoware", "--url", base,
        "--retry", "schedule"));
    SendOptions exponential = SendOptions.parse(List.of("--format", "fotoware", "--url", base,
        "--retry", "exponential:4:250"));
    SendOptions microCms = SendOptions.parse(List.of("--format", "microcms", "--url", base));

    assertThat(SendCommand.retryPolicy(schedule)).isEqualTo(RetryPolicy.defaultSchedule());
    RetryPolicy policy = SendCommand.retryPolicy(exponential);
    assertThat(policy.maxAttempts()).isEqualTo(4);
    assertThat(policy.nominalDelays()).containsExactly(Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(policy.throttledMinimum()).isZero();
    assertThat(SendCommand.retryPolicy(microCms)).isEqualTo(RetryPolicy.none());
  }

  @Test
  void allMeansEveryEventTheFormatHas() throws Exception {
    SendOptions betterez = SendOptions.parse(List.of("--format", "betterez", "--url", base));
    SendOptions filerobot = SendOptions.parse(List.of("--format", "filerobot", "--url", base));

    assertThat(SendCommand.types(betterez, betterez.format().webhookFormat()))
        .containsExactly(MediaEventType.CREATED, MediaEventType.DELETED);
    assertThat(SendCommand.types(filerobot, filerobot.format().webhookFormat()))
        .containsExactly(MediaEventType.values());
  }
}
