package io.mediahooks.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario runs offline on its own receiver and ends as it says it does. */
class ScenariosTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String name, String... args) {
    Main.Command scenario = Scenarios.byName(name);
    assertThat(scenario).as("scenario %s", name).isNotNull();
    return scenario.run(List.of(args), new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8));
  }

  private String out() {
    return out.toString(UTF_8);
  }

  static List<String> names() {
    return Scenarios.names();
  }

  @ParameterizedTest
  @MethodSource("names")
  void eachScenarioRunsOfflineAndExits0WithEveryCheckPassed(String name) {
    assertThat(run(name)).as(out()).isZero();
    assertThat(out()).contains("Embedded receiver on http://127.0.0.1:")
        .doesNotContain("FAILED, answered 401");
  }

  @Test
  void theRegistryNamesEveryScenario() {
    assertThat(Scenarios.names()).containsExactly("microcms", "fotoware", "filerobot",
        "betterez", "cloudevents", "retries", "jdk-transport");
  }

  @Test
  void microCmsFiltersAnUpdateThatIsNotARenameOrReupload() {
    run("microcms");

    assertThat(out()).containsPattern("(?m)^updated  microcms\\s+filtered\\s+0  -\\s+.*TAGS")
        .contains("3 delivered, 1 filtered, 0 dead-lettered")
        .contains("check: query secret ?auth= passed");
  }

  @Test
  void fotowareSendsEachEventToItsOwnUrl() {
    run("fotoware");

    assertThat(out()).contains("POST /fotoware/ingested", "POST /fotoware/modified",
        "POST /fotoware/deleted", "3 delivered, 6 filtered, 0 dead-lettered");
  }

  @Test
  void filerobotFetchesOneTokenAndIsAcceptedWithIt() {
    run("filerobot");

    assertThat(out()).contains("POST /oauth/token", "check: OAuth2 bearer token passed",
        "x-acme-tenant: acme", "on_rename").doesNotContain(FilerobotScenario.PASSWORD,
        FilerobotScenario.TOKEN);
  }

  @Test
  void betterezShowsTheSignatureCoversTheExactBytes() {
    run("betterez");

    assertThat(out()).contains("check: x-btrz-signature s2 (HMAC-SHA256 of t.body) passed")
        .containsPattern("as received: +true")
        .containsPattern("with the event name changed in the body: false")
        .containsPattern("with another key: +false");
  }

  @Test
  void cloudEventsVerifyWithTheOldSecretDuringRotation() {
    run("cloudevents");

    assertThat(out()).contains("check: webhook-signature with the old secret passed",
        "ce-specversion: 1.0", "content-type: application/cloudevents+json",
        "6 delivered, 0 filtered, 0 dead-lettered");
  }

  @Test
  void retriesEndDeliveredAfterBackoffAndTheDeadLetterIsRedelivered() {
    run("retries");

    assertThat(out()).contains("[flaky] attempt 1: HTTP 503", "[flaky] attempt 3: HTTP 200",
        "[down] attempt 3: HTTP 500", "1 delivered, 0 filtered, 1 dead-lettered",
        "Dead letters:", "redelivering", "0 dead letters left");
  }

  @Test
  void theJdkTransportScenarioSendsWithJavaNetHttp() {
    run("jdk-transport");

    assertThat(out()).contains("user-agent: Java-http-client/")
        .doesNotContain("user-agent: okhttp");
  }

  @Test
  void aScenarioSendsToTheBaseUrlGivenAsItsArgument() throws IOException, InterruptedException {
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return new MockResponse.Builder().code(200).build();
        }
      });
      server.start(InetAddress.getByName("127.0.0.1"), 0);

      int exit = run("microcms", "http://127.0.0.1:" + server.getPort() + "/base/");

      assertThat(exit).isZero();
      RecordedRequest first = server.takeRequest(10, TimeUnit.SECONDS);
      assertThat(first).isNotNull();
      assertThat(first.getTarget())
          .isEqualTo("/base/microcms/media?auth=" + MicroCmsScenario.SECRET);
      assertThat(out()).contains("no embedded receiver").doesNotContain(MicroCmsScenario.SECRET);
    }
  }

  @Test
  void aBadArgumentIsAUsageError() {
    assertThat(run("fotoware", "ftp://example.com")).isEqualTo(2);
    assertThat(err.toString(UTF_8)).contains("mediahooks fotoware: the argument must be an http"
        + " or https base URL");
    assertThat(run("betterez", "http://a.example", "extra")).isEqualTo(2);
    assertThat(err.toString(UTF_8)).contains("takes at most one argument");
  }
}
