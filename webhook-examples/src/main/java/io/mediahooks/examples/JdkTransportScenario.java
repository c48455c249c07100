package io.mediahooks.examples;

import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.format.cloudevents.CloudEventsFormat;
import io.mediahooks.core.format.microcms.MicroCmsMediaFormat;
import io.mediahooks.http.DestinationGuard;
import io.mediahooks.http.MediaWebhooks;
import io.mediahooks.http.RetryPolicy;
import io.mediahooks.http.WebhookEndpoint;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Scenario: delivering through a custom {@code WebhookTransport}, {@link JdkHttpTransport} on
 * {@code java.net.http}, instead of the default OkHttp one. Everything else (formats, signing,
 * retries, the destination guard) is unchanged: the transport is only the seam that sends one
 * request. A transport the host passes in is the host's to close; the {@link MediaWebhooks}
 * closes only one it created.
 *
 * <pre>{@code
 * java -cp mediahooks.jar io.mediahooks.examples.JdkTransportScenario [RECEIVER_BASE_URL]
 * }</pre>
 */
public final class JdkTransportScenario {
  private JdkTransportScenario() {}

  /**
   * Runs the scenario against its own receiver, or the receiver base URL given.
   *
   * @param args nothing, or a receiver base URL
   */
  public static void main(String... args) {
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    try (ScenarioTarget target = ScenarioTarget.open(args, out);
        JdkHttpTransport transport = JdkHttpTransport.create()) {
      try (MediaWebhooks webhooks = MediaWebhooks.builder()
          .transport(transport)
          // The receiver is on 127.0.0.1: allow private networks for every endpoint here. The
          // JDK transport checks the guard too, on every address the host resolves to.
          .guard(DestinationGuard.allowingPrivateNetworks())
          .endpoint(WebhookEndpoint.builder(target.url("/jdk/microcms?auth=s3cr3t"))
              .name("microcms")
              .format(MicroCmsMediaFormat.create("acme-media"))
              .retry(RetryPolicy.none())
              .build())
          .endpoint(WebhookEndpoint.builder(target.url("/jdk/cloudevents"))
              .name("cloudevents")
              .format(CloudEventsFormat.structured())
              .build())
          .build()) {
        return Scenarios.report(out, Scenarios.publish(webhooks, List.of(
            SampleEvents.event(MediaEventType.CREATED, 1),
            SampleEvents.event(MediaEventType.UPDATED, 1),
            SampleEvents.event(MediaEventType.DELETED, 1))));
      }
    } catch (UsageException e) {
      return Scenarios.usage("jdk-transport", e, err);
    }
  }
}
