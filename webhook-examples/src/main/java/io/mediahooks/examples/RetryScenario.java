package io.mediahooks.examples;

import io.mediahooks.core.Attempt;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.format.cloudevents.CloudEventsFormat;
import io.mediahooks.http.DeadLetter;
import io.mediahooks.http.DeliveryListener;
import io.mediahooks.http.DeliveryResult;
import io.mediahooks.http.DestinationGuard;
import io.mediahooks.http.MediaWebhooks;
import io.mediahooks.http.RetryPolicy;
import io.mediahooks.http.WebhookEndpoint;
import io.mediahooks.http.WebhookResponse;
import io.mediahooks.examples.LoopbackReceiver.Reply;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Scenario: retries with backoff, {@code Retry-After}, a dead letter and its redelivery.
 *
 * <p>Two endpoints get the same event. {@code flaky} answers {@code 503} with {@code
 * Retry-After: 1}, then {@code 500}, then {@code 200}: the engine retries with exponential
 * backoff (400 ms, doubling, ±20% jitter) and honours the {@code Retry-After} only within
 * [the scheduled delay, twice it], so a receiver can slow the sender down but not stall it.
 * {@code down} answers {@code 500} every time: after its three attempts the event is
 * dead-lettered. The receiver then recovers, and the dead letter is redelivered from {@link
 * MediaWebhooks#deadLetters()} with {@link MediaWebhooks#redeliver(String)}. A listener prints
 * each attempt and each scheduled retry as they happen.
 *
 * <pre>{@code
 * java -cp mediahooks.jar io.mediahooks.examples.RetryScenario
 * }</pre>
 */
public final class RetryScenario {
  private RetryScenario() {}

  /**
   * Runs the scenario against its own receiver, or the receiver base URL given (which then
   * answers as it likes: the scripted failures need the embedded receiver).
   *
   * @param args nothing, or a receiver base URL
   */
  public static void main(String... args) {
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    try (ScenarioTarget target = ScenarioTarget.open(args, out)) {
      target.ifLocal(receiver -> receiver
          .reply("/flaky", Reply.status(503).retryAfter(Duration.ofSeconds(1)), Reply.status(500))
          .replyAlways("/down", Reply.status(500).body("text/plain", "database unavailable")));

      WebhookEndpoint flaky = WebhookEndpoint.builder(target.url("/flaky"))
          .name("flaky")
          .format(CloudEventsFormat.structured())
          .retry(RetryPolicy.exponential()
              .initialDelay(Duration.ofMillis(400))
              .maxAttempts(5)
              .throttledMinimum(Duration.ZERO) // no 60 s floor after a 429, for a short run
              .build())
          .build();
      WebhookEndpoint down = WebhookEndpoint.builder(target.url("/down"))
          .name("down")
          .format(CloudEventsFormat.structured())
          .retry(RetryPolicy.exponential().initialDelay(Duration.ofMillis(200)).maxAttempts(3)
              .build())
          .build();

      try (MediaWebhooks webhooks = MediaWebhooks.builder()
          // The receiver is on 127.0.0.1: allow private networks for every endpoint here.
          .guard(DestinationGuard.allowingPrivateNetworks())
          .listener(DeliveryListener.combine(DeliveryListener.logging(), narrate(out)))
          .endpoint(flaky)
          .endpoint(down)
          .build()) {
        MediaEvent created = SampleEvents.event(MediaEventType.CREATED, 1);
        List<Report.Row> rows = new ArrayList<>(Scenarios.publish(webhooks, List.of(created)));
        Scenarios.report(out, rows);

        out.println();
        out.println("Dead letters:");
        for (DeadLetter letter : webhooks.deadLetters()) {
          out.println("  " + letter.id() + "  " + letter.endpointName() + "  attempts "
              + letter.attempts() + "  last status " + letter.lastStatus() + "  reason: "
              + letter.reason());
        }
        out.println();
        out.println("The receiver recovers; redelivering every dead letter:");
        out.println();
        target.ifLocal(receiver -> receiver.replyAlways("/down", Reply.ok()));
        List<Report.Row> redelivered = new ArrayList<>();
        for (DeadLetter letter : webhooks.deadLetters()) {
          DeliveryResult result = Scenarios.await(webhooks.redeliver(letter.id()));
          redelivered.add(new Report.Row(letter.event().type(), 1, result));
        }
        int status = Scenarios.report(out, redelivered);
        out.println(webhooks.deadLetters().size() + " dead letters left");
        return status;
      }
    } catch (UsageException e) {
      return Scenarios.usage("retries", e, err);
    }
  }

  /** Prints each attempt's end and each scheduled retry. */
  private static DeliveryListener narrate(PrintStream out) {
    return new DeliveryListener() {
      @Override
      public void attemptFinished(MediaEvent event, WebhookEndpoint endpoint, Attempt attempt,
          @Nullable WebhookResponse response, @Nullable Throwable error, Duration duration) {
        out.println("  [" + endpoint.name() + "] attempt " + attempt.number() + ": "
            + (response != null ? "HTTP " + response.status() : "no answer: " + error));
      }

      @Override
      public void retryScheduled(MediaEvent event, WebhookEndpoint endpoint, Attempt failed,
          Instant nextAttemptAt, String reason) {
        out.println("  [" + endpoint.name() + "] attempt " + (failed.number() + 1) + " in "
            + Math.max(0, Duration.between(Instant.now(), nextAttemptAt).toMillis()) + " ms ("
            + reason + ")");
      }
    };
  }
}
