package io.mediahooks.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.format.betterez.BetterezImagesFormat;
import io.mediahooks.core.format.cloudevents.CloudEventsFormat;
import io.mediahooks.core.format.filerobot.FilerobotFormat;
import io.mediahooks.core.format.filerobot.FilerobotTrigger;
import io.mediahooks.core.format.fotoware.FotowareAssetFormat;
import io.mediahooks.core.format.microcms.MicroCmsMediaFormat;
import io.mediahooks.http.DeliveryResult;
import io.mediahooks.http.DestinationGuard;
import io.mediahooks.http.EndpointAuth;
import io.mediahooks.http.EventFilter;
import io.mediahooks.http.MediaWebhooks;
import io.mediahooks.http.PublishResult;
import io.mediahooks.http.RequestSigner;
import io.mediahooks.http.RetryPolicy;
import io.mediahooks.http.WebhookEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's quick-start configurations, with its events, delivered to a loopback receiver:
 * if a format starts to need something the README does not give it, this fails. (In one
 * {@code MediaWebhooks} every endpoint needs its own name; the README's snippets each build
 * their own, and its Fotoware one names its three endpoints, as here.)
 */
class ReadmeExamplesTest {
  @Test
  void theQuickStartEndpointsDeliverTheQuickStartEvents() throws Exception {
    MediaSnapshot uploaded = MediaSnapshot.builder()
        .id("65f1c2a9e4b0a7d3c8e90001")
        .url("https://cdn.acme-media.example/a/65f1c2a9e4b0a7d3c8e90001.jpg")
        .fileName("harbour.jpg").mimeType("image/jpeg").size(2_483_117L).dimensions(4032, 3024)
        .alt("Fishing boats moored in a harbour at dusk")
        .createdBy("ana.lima")                      // Betterez sends the user id
        .build();
    MediaSnapshot renamed = uploaded.newBuilder().fileName("bergen-harbour-at-dusk.jpg").build();
    List<MediaEvent> events = List.of(MediaEvent.created(uploaded),
        MediaEvent.updated(uploaded, renamed), MediaEvent.deleted(renamed));

    try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
      receiver.tokenEndpoint("/oauth/token", "user", "password", "token");
      FotowareAssetFormat fotoware = FotowareAssetFormat.json("https://acme.fotoware.cloud");
      List<DeliveryResult> results = new ArrayList<>();
      try (MediaWebhooks webhooks = MediaWebhooks.builder()
          .guard(DestinationGuard.allowingPrivateNetworks())
          .endpoint(WebhookEndpoint.builder(receiver.url("/media?auth=s3cr3t"))
              .name("microcms")
              .format(MicroCmsMediaFormat.create("my-service"))
              .retry(RetryPolicy.none())
              .build())
          .endpoint(WebhookEndpoint.builder(receiver.url("/images"))
              .name("betterez")
              .format(BetterezImagesFormat.builder().accountId("52a377ec430c7d4e220001fc")
                  .build())
              .signer(RequestSigner.betterez("private-key"))
              .build())
          .endpoint(WebhookEndpoint.builder(receiver.url("/fotoware/ingested"))
              .name("fotoware-ingested")
              .format(fotoware).filter(EventFilter.types(MediaEventType.CREATED)).build())
          .endpoint(WebhookEndpoint.builder(receiver.url("/fotoware/modified"))
              .name("fotoware-modified")
              .format(fotoware).filter(EventFilter.types(MediaEventType.UPDATED)).build())
          .endpoint(WebhookEndpoint.builder(receiver.url("/fotoware/deleted"))
              .name("fotoware-deleted")
              .format(fotoware).filter(EventFilter.types(MediaEventType.DELETED)).build())
          .endpoint(WebhookEndpoint.builder(receiver.url("/filerobot"))
              .name("filerobot")
              .format(FilerobotFormat.builder()
                  .on(FilerobotTrigger.UPLOAD, FilerobotTrigger.RENAME, FilerobotTrigger.DELETE)
                  .onMetaChange("status", "approved")
                  .build())
              .auth(EndpointAuth.oauth2Password(receiver.url("/oauth/token"), "user",
                  "password"))
              .header("X-Tenant", "acme")
              .build())
          .endpoint(WebhookEndpoint.builder(receiver.url("/events"))
              .name("cloudevents")
              .format(CloudEventsFormat.builder()
                  .source("https://dam.example.com")
                  .mode(CloudEventsFormat.Mode.STRUCTURED)
                  .build())
              .signer(RequestSigner.standardWebhooks("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
              .build())
          .build()) {
        for (MediaEvent event : events) {
          PublishResult published = webhooks.publish(event).get(30, TimeUnit.SECONDS);
          results.addAll(published.results());
        }
      }

      assertThat(results).noneMatch(DeliveryResult::isDeadLettered);
      // microCMS 3, Betterez 2 (no update), Fotoware 3, Filerobot 3, CloudEvents 3.
      assertThat(results).filteredOn(DeliveryResult::isDelivered).hasSize(14);
    }
  }
}
