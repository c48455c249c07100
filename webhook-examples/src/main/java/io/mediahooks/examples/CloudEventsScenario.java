package io.mediahooks.examples;

import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.format.cloudevents.CloudEventsFormat;
import io.mediahooks.http.DestinationGuard;
import io.mediahooks.http.MediaWebhooks;
import io.mediahooks.http.RequestSigner;
import io.mediahooks.http.WebhookEndpoint;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Scenario: CloudEvents 1.0 in both HTTP content modes, signed with Standard Webhooks. The
 * structured endpoint sends the whole event as {@code application/cloudevents+json}; the binary
 * endpoint sends the data as {@code application/json} and the attributes as {@code ce-*}
 * headers. Both carry {@code webhook-id} (the event id, the same on every retry), {@code
 * webhook-timestamp} and {@code webhook-signature}.
 *
 * <p>The sender is in the middle of a secret rotation: it signs with the new secret and the old
 * one ({@code v1,<new> v1,<old>}), while this receiver still knows only the old one; one
 * matching signature is enough ({@link ReceiverSignatures#standardWebhooks}), so nothing is
 * refused while receivers move to the new secret.
 *
 * <pre>{@code
 * java -cp mediahooks.jar io.mediahooks.examples.CloudEventsScenario [RECEIVER_BASE_URL]
 * }</pre>
 */
public final class CloudEventsScenario {
  static final String NEW_SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
  static final String OLD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private CloudEventsScenario() {}

  /**
   * Runs the scenario against its own receiver, or the receiver base URL given.
   *
   * @param args nothing, or a receiver base URL
   */
  public static void main(String... args) {
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    try (ScenarioTarget target = ScenarioTarget.open(args, out)) {
      target.ifLocal(receiver -> {
        for (String path : List.of("/cloudevents/structured", "/cloudevents/binary")) {
          receiver.check(path, "webhook-signature with the old secret",
              request -> ReceiverSignatures.standardWebhooks(OLD_SECRET, request.body(),
                  request.header("webhook-id"), request.header("webhook-timestamp"),
                  request.header("webhook-signature"), Instant.now(), Duration.ofMinutes(5)));
        }
      });

      RequestSigner rotating = RequestSigner.standardWebhooks(NEW_SECRET, OLD_SECRET);
      try (MediaWebhooks webhooks = MediaWebhooks.builder()
          // The receiver is on 127.0.0.1: allow private networks for every endpoint here.
          .guard(DestinationGuard.allowingPrivateNetworks())
          .endpoint(WebhookEndpoint.builder(target.url("/cloudevents/structured"))
              .name("structured")
              .format(CloudEventsFormat.structured())
              .signer(rotating)
              .build())
          .endpoint(WebhookEndpoint.builder(target.url("/cloudevents/binary"))
              .name("binary")
              .format(CloudEventsFormat.builder()
                  .mode(CloudEventsFormat.Mode.BINARY)
                  .extensionAttribute("tenant", "acme")
                  .build())
              .signer(rotating)
              .build())
          .build()) {
        return Scenarios.report(out, Scenarios.publish(webhooks, List.of(
            SampleEvents.event(MediaEventType.CREATED, 1),
            SampleEvents.event(MediaEventType.UPDATED, 1),
            SampleEvents.event(MediaEventType.DELETED, 1))));
      }
    } catch (UsageException e) {
      return Scenarios.usage("cloudevents", e, err);
    }
  }
}
