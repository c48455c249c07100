package io.mediahooks.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.examples.LoopbackReceiver.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedded receiver: records, scripts answers, checks, serves tokens and prints. */
class LoopbackReceiverTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final LoopbackReceiver receiver =
      LoopbackReceiver.start(new PrintStream(printed, true, UTF_8));
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).build();

  @AfterEach
  void close() {
    receiver.close();
  }

  private HttpResponse<String> post(String pathAndQuery, String contentType, String body,
      String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(receiver.url(pathAndQuery)))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void listensOnLoopbackAndRecordsEachRequestByteForByte() throws Exception {
    assertThat(receiver.url("/x")).startsWith("http://127.0.0.1:" + receiver.port() + "/x");

    HttpResponse<String> response = post("/hooks?auth=a%2Fb", "application/json",
        "{\"alt\":\"Båt\"}", "X-Trace", "t-1");

    assertThat(response.statusCode()).isEqualTo(200);
    List<ReceivedRequest> got = receiver.requests();
    assertThat(got).hasSize(1);
    ReceivedRequest r = got.get(0);
    assertThat(r.number()).isEqualTo(1);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.target()).isEqualTo("/hooks?auth=a%2Fb");
    assertThat(r.path()).isEqualTo("/hooks");
    assertThat(r.query()).isEqualTo("auth=a%2Fb");
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThat(r.header("x-trace")).isEqualTo("t-1");
    assertThat(r.body()).isEqualTo("{\"alt\":\"Båt\"}".getBytes(UTF_8));
    assertThat(r.status()).isEqualTo(200);
    assertThat(receiver.requests("/hooks")).containsExactly(r);
    assertThat(receiver.requests("/other")).isEmpty();
  }

  @Test
  void scriptedRepliesAreUsedInOrderThenTheDefault() throws Exception {
    receiver.reply("/h", Reply.status(503).retryAfter(Duration.ofSeconds(2)), Reply.status(429));

    HttpResponse<String> first = post("/h", "text/plain", "1");
    HttpResponse<String> second = post("/h", "text/plain", "2");
    HttpResponse<String> third = post("/h", "text/plain", "3");

    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(first.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(receiver.requests()).extracting(ReceivedRequest::status)
        .containsExactly(503, 429, 200);
  }

  @Test
  void replyAlwaysChangesAPathsDefaultOnly() throws Exception {
    receiver.replyAlways("/down", Reply.status(500).body("text/plain", "broken"));

    HttpResponse<String> down = post("/down", "text/plain", "x");
    assertThat(down.statusCode()).isEqualTo(500);
    assertThat(down.body()).isEqualTo("broken");
    assertThat(post("/down", "text/plain", "x").statusCode()).isEqualTo(500);
    assertThat(post("/up", "text/plain", "x").statusCode()).isEqualTo(200);
  }

  @Test
  void aDelayedReplyIsRecordedAtOnceAndAnsweredLater() throws Exception {
    receiver.reply("/slow", Reply.ok().delay(Duration.ofMillis(200)));

    CompletableFuture<HttpResponse<String>> call = client.sendAsync(
        HttpRequest.newBuilder(URI.create(receiver.url("/slow")))
            .POST(HttpRequest.BodyPublishers.ofString("x")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(receiver.await(1, Duration.ofSeconds(10))).hasSize(1);
    assertThat(call.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  @Test
  void aFailedCheckIsAnswered401AndKeepsTheQueuedReplyForTheNextRequest() throws Exception {
    receiver.reply("/signed", Reply.status(202));
    receiver.check("/signed", "x-sig", r -> "good".equals(r.header("x-sig")));

    HttpResponse<String> bad = post("/signed", "text/plain", "x", "x-sig", "bad");
    HttpResponse<String> good = post("/signed", "text/plain", "x", "x-sig", "good");

    assertThat(bad.statusCode()).isEqualTo(401);
    assertThat(good.statusCode()).isEqualTo(202);
    List<ReceivedRequest> got = receiver.requests();
    assertThat(got.get(0).check()).isEqualTo("x-sig");
    assertThat(got.get(0).checkPassed()).isFalse();
    assertThat(got.get(1).checkPassed()).isTrue();
    assertThat(printed.toString(UTF_8)).contains("check: x-sig FAILED, answered 401",
        "check: x-sig passed");
  }

  @Test
  void aCheckThatThrowsRejectsTheRequest() throws Exception {
    receiver.check("/signed", "broken check", r -> {
      throw new IllegalStateException("cannot parse");
    });

    assertThat(post("/signed", "text/plain", "x").statusCode()).isEqualTo(401);
  }

  @Test
  void theTokenEndpointGrantsPasswordAndClientCredentialsAndRefusesOthers() throws Exception {
    receiver.tokenEndpoint("/oauth/token", "filerobot", "hunter2", "tok-123");
    String form = "application/x-www-form-urlencoded";

    HttpResponse<String> password = post("/oauth/token", form,
        "grant_type=password&username=filerobot&password=hunter2");
    HttpResponse<String> wrong = post("/oauth/token", form,
        "grant_type=password&username=filerobot&password=nope");
    HttpResponse<String> client = post("/oauth/token", form, "grant_type=client_credentials",
        "Authorization", "Basic " + Base64.getEncoder()
            .encodeToString("filerobot:hunter2".getBytes(UTF_8)));
    HttpResponse<String> clientInForm = post("/oauth/token", form,
        "grant_type=client_credentials&client_id=filerobot&client_secret=hunter2");

    assertThat(password.statusCode()).isEqualTo(200);
    assertThat(password.body())
        .isEqualTo("{\"access_token\":\"tok-123\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    assertThat(password.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("invalid_grant");
    assertThat(client.statusCode()).isEqualTo(200);
    assertThat(clientInForm.statusCode()).isEqualTo(200);
    assertThat(printed.toString(UTF_8)).contains("password = ***").doesNotContain("hunter2");
  }

  @Test
  void eachRequestIsPrintedAsItArrivesWithSecretsMasked() throws Exception {
    post("/microcms?auth=s3cr3t", "application/json", "{\"service\":\"acme\",\"type\":\"new\"}",
        "Authorization", "Bearer t0ken", "x-microcms-signature", "abcdef");

    String out = printed.toString(UTF_8);
    assertThat(out).contains("#1  +", "POST /microcms?auth=***  ->  200 OK",
        "    authorization: Bearer ***", "    x-microcms-signature: ***",
        "    {\"service\": \"acme\", \"type\": \"new\"}")
        .doesNotContain("s3cr3t", "t0ken", "abcdef");
  }

  @Test
  void awaitFailsNamingHowManyArrived() {
    assertThatThrownBy(() -> receiver.await(1, Duration.ofMillis(50)))
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("expected 1 requests")
        .hasMessageContaining("got 0");
  }

  @Test
  void pathsAreChecked() {
    assertThatThrownBy(() -> receiver.url("hooks")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pathAndQuery must start with '/'");
    assertThatThrownBy(() -> receiver.reply("/h?x=1", Reply.ok()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path must start with '/' and have no query");
    assertThatThrownBy(() -> Reply.status(99)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status must be 200 to 599");
  }
}
