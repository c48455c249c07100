package io.mediahooks.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The default listener's log lines (slf4j-simple writes them to System.err) hide secrets. */
class LoggingListenerTest {

  @Test
  void logLinesNameTheEndpointButNeverItsSecrets() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    ManualClock clock = new ManualClock(Events.T0);
    ManualScheduler scheduler = new ManualScheduler(clock);
    ScriptedTransport transport = new ScriptedTransport()
        .then(new IOException("reset by https://hooks.example.com/media?auth=s3cr3t"))
        .then(WebhookResponse.of(401, java.util.Map.of(), "bad key k3y-value"));
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (MediaWebhooks webhooks = MediaWebhooks.builder()
        .transport(transport).clock(clock).scheduler(scheduler)
        .endpoint(WebhookEndpoint.builder("https://hooks.example.com/media?auth=s3cr3t")
            .name("media").format(TestFormat.create())
            .auth(EndpointAuth.header("X-Api-Key", "k3y-value"))
            .build())
        .build()) {
      var published = webhooks.publish(Events.created("evt-1"));
      scheduler.awaitScheduled(1);
      scheduler.advance(Duration.ofMinutes(1));
      assertThat(published.get(10, java.util.concurrent.TimeUnit.SECONDS).hasDeadLetters())
          .isTrue();
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("event evt-1 attempt 1 to media failed (I/O error: IOException:"
        + " reset by https://hooks.example.com/media?***)");
    assertThat(log).contains("event evt-1 (CREATED) dead-lettered for media"
        + " https://hooks.example.com/media?*** after 2 attempt(s): HTTP 401 is not retryable");
    assertThat(log).doesNotContain("s3cr3t");
  }
}
