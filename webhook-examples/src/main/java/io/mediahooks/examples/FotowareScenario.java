package io.mediahooks.examples;

import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.format.fotoware.FotowareAssetFormat;
import io.mediahooks.http.DestinationGuard;
import io.mediahooks.http.EventFilter;
import io.mediahooks.http.MediaWebhooks;
import io.mediahooks.http.WebhookEndpoint;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Scenario: Fotoware asset webhooks. Fotoware configures one URL per event ("Asset ingested",
 * "Asset modified", "Asset deleted"), so there are three endpoints, each with an {@link
 * EventFilter} for its event type; every event reaches exactly one of them and is filtered by
 * the other two. The bodies are FotoWeb's: Python {@code json.dumps} bytes, {@code
 * Content-Type: application/json} without charset, and {@code User-Agent: FotoWeb/8.1}, which
 * receivers such as Enonic's check (this one too). The rename is sent as {@code
 * operation-name: rename} with {@code previous-name}.
 *
 * <pre>{@code
 * java -cp mediahooks.jar io.mediahooks.examples.FotowareScenario [RECEIVER_BASE_URL]
 * }</pre>
 */
public final class FotowareScenario {
  private FotowareScenario() {}

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
        for (String path : List.of("/fotoware/ingested", "/fotoware/modified",
            "/fotoware/deleted")) {
          receiver.check(path, "User-Agent FotoWeb/8.1",
              request -> "FotoWeb/8.1".equals(request.header("user-agent")));
        }
      });

      FotowareAssetFormat fotoware = FotowareAssetFormat.json("https://acme.fotoware.cloud");
      try (MediaWebhooks webhooks = MediaWebhooks.builder()
          // The receiver is on 127.0.0.1: allow private networks for every endpoint here.
          .guard(DestinationGuard.allowingPrivateNetworks())
          .endpoint(WebhookEndpoint.builder(target.url("/fotoware/ingested"))
              .name("asset-ingested")
              .format(fotoware)
              .filter(EventFilter.types(MediaEventType.CREATED))
              .build())
          .endpoint(WebhookEndpoint.builder(target.url("/fotoware/modified"))
              .name("asset-modified")
              .format(fotoware)
              .filter(EventFilter.types(MediaEventType.UPDATED))
              .build())
          .endpoint(WebhookEndpoint.builder(target.url("/fotoware/deleted"))
              .name("asset-deleted")
              .format(fotoware)
              .filter(EventFilter.types(MediaEventType.DELETED))
              .build())
          .build()) {
        return Scenarios.report(out, Scenarios.publish(webhooks, List.of(
            SampleEvents.event(MediaEventType.CREATED, 1),
            SampleEvents.event(MediaEventType.UPDATED, 1),
            SampleEvents.event(MediaEventType.DELETED, 1))));
      }
    } catch (UsageException e) {
      return Scenarios.usage("fotoware", e, err);
    }
  }
}
