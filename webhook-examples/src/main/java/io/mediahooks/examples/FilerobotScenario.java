package io.mediahooks.examples;

import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.format.filerobot.FilerobotFormat;
import io.mediahooks.core.format.filerobot.FilerobotTrigger;
import io.mediahooks.http.EndpointAuth;
import io.mediahooks.http.MediaWebhooks;
import io.mediahooks.http.WebhookEndpoint;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Scenario: a Scaleflex Filerobot DAM webhook with OAuth2 authentication and custom headers,
 * the two things Filerobot lets a user configure on a webhook. The token comes from the token
 * endpoint with the password grant (here the receiver's {@code /oauth/token}; with a base URL
 * argument, that URL's {@code /oauth/token}), is cached until it expires and sent as {@code
 * Authorization: Bearer}; the receiver refuses the webhook without it. The token request passes
 * the same destination guard as the webhook. Triggers: upload, rename, delete, and a change of
 * the {@code status} metadata to {@code approved}; the rename-and-approve update is sent once,
 * as {@code on_rename}, the first matching trigger in Filerobot's order.
 *
 * <pre>{@code
 * java -cp mediahooks.jar io.mediahooks.examples.FilerobotScenario [RECEIVER_BASE_URL]
 * }</pre>
 */
public final class FilerobotScenario {
  static final String USER = "acme-dam";
  static final String PASSWORD = "correct-horse-battery-staple";
  static final String TOKEN = "scenario-access-token";

  private FilerobotScenario() {}

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
      target.ifLocal(receiver -> receiver
          .tokenEndpoint("/oauth/token", USER, PASSWORD, TOKEN)
          .check("/filerobot", "OAuth2 bearer token",
              request -> ("Bearer " + TOKEN).equals(request.header("authorization"))));

      WebhookEndpoint filerobot = WebhookEndpoint.builder(target.url("/filerobot"))
          .name("filerobot")
          .format(FilerobotFormat.builder()
              .on(FilerobotTrigger.UPLOAD, FilerobotTrigger.RENAME, FilerobotTrigger.DELETE)
              .onMetaChange("status", "approved")
              .build())
          .auth(EndpointAuth.oauth2Password(target.url("/oauth/token"), USER, PASSWORD))
          .header("X-Acme-Tenant", "acme")
          .header("X-Acme-Environment", "staging")
          .allowPrivateNetworks() // loopback receiver; covers the token request too
          .build();

      try (MediaWebhooks webhooks = MediaWebhooks.builder().endpoint(filerobot).build()) {
        return Scenarios.report(out, Scenarios.publish(webhooks, List.of(
            SampleEvents.event(MediaEventType.CREATED, 1),
            SampleEvents.event(MediaEventType.UPDATED, 1),
            SampleEvents.event(MediaEventType.DELETED, 1))));
      }
    } catch (UsageException e) {
      return Scenarios.usage("filerobot", e, err);
    }
  }
}
