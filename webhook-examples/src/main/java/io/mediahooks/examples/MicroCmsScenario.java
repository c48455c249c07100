package io.mediahooks.examples;

import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.format.microcms.MicroCmsMediaFormat;
import io.mediahooks.http.MediaWebhooks;
import io.mediahooks.http.RetryPolicy;
import io.mediahooks.http.WebhookEndpoint;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * Scenario: a microCMS media webhook. microCMS media webhooks carry no signature; its docs tell
 * users to put a shared secret in the URL's query ({@code ?auth=...}), which mediahooks sends
 * byte for byte and the receiver compares. microCMS sends once and never retries, so neither
 * does this endpoint. It sends {@code edit} for a rename or re-upload only: the fourth event, a
 * change of tags alone, is filtered with the format's reason.
 *
 * <pre>{@code
 * java -cp mediahooks.jar io.mediahooks.examples.MicroCmsScenario [RECEIVER_BASE_URL]
 * }</pre>
 */
public final class MicroCmsScenario {
  static final String SECRET = "s3cr3t-from-the-microcms-settings";

  private MicroCmsScenario() {}

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
      // What the receiver does: compare the query secret, in constant time.
      target.ifLocal(receiver -> receiver.check("/microcms/media", "query secret ?auth=",
          request -> request.query() != null && MessageDigest.isEqual(
              ("auth=" + SECRET).getBytes(StandardCharsets.UTF_8),
              request.query().getBytes(StandardCharsets.UTF_8))));

      String url = target.url("/microcms/media?auth=" + SECRET); // sent byte for byte
      WebhookEndpoint microCms = WebhookEndpoint.builder(url)
          .name("microcms")
          .format(MicroCmsMediaFormat.create("acme-media"))
          .retry(RetryPolicy.none()) // microCMS sends exactly once
          .allowPrivateNetworks() // the receiver is on 127.0.0.1: allowed for this endpoint only
          .build();

      MediaEvent created = SampleEvents.event(MediaEventType.CREATED, 1);
      MediaEvent renamed = SampleEvents.event(MediaEventType.UPDATED, 1);
      MediaEvent retagged = MediaEvent.updated(renamed.after(),
          renamed.after().newBuilder().tags("harbour", "boats", "dusk", "bergen").build());
      MediaEvent deleted = SampleEvents.event(MediaEventType.DELETED, 1);

      try (MediaWebhooks webhooks = MediaWebhooks.builder().endpoint(microCms).build()) {
        return Scenarios.report(out, Scenarios.publish(webhooks,
            List.of(created, renamed, retagged, deleted)));
      }
    } catch (UsageException e) {
      return Scenarios.usage("microcms", e, err);
    }
  }
}
