package io.mediahooks.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.core.Attempt;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.WebhookPayload;
import io.mediahooks.http.RetryPolicy;
import io.mediahooks.http.WebhookEndpoint;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The benchmarks measure the work they claim to: real bodies, the intended endpoints. */
class WorkloadsTest {
  private static final Attempt ATTEMPT = Attempt.first(Instant.parse("2026-03-07T12:00:00Z"));

  @Test
  void fotowareBodyIsTheCaptureRenderedByteForByteFromTheSnapshotExtension() {
    Workloads.Body body = Workloads.fotowareCapture();

    byte[] capture = Workloads.fotowareCaptureBytes();
    assertThat(capture).hasSize(9534);
    assertThat(new String(body.bytes, StandardCharsets.UTF_8))
        .isEqualTo(new String(capture, StandardCharsets.UTF_8));
    assertThat(body.bytes).isEqualTo(capture);
    assertThat(body.contentType).isEqualTo("application/json");
    assertThat(body.headers).containsEntry("User-Agent", "FotoWeb/8.1");
    // Rendering again (what each delivery does) gives the same bytes.
    assertThat(body.format.render(body.event, ATTEMPT).orElseThrow().bodyBytes())
        .isEqualTo(capture);
  }

  @Test
  void microCmsBodyIsTheSmallNewMediaWebhook() {
    Workloads.Body body = Workloads.microCmsSmall();

    assertThat(new String(body.bytes, StandardCharsets.UTF_8)).isEqualTo("{\"service\":"
        + "\"acme-media\",\"type\":\"new\",\"old\":null,\"new\":{\"url\":"
        + "\"https://images.microcms-assets.io/assets/7a8f3c/harbour-at-dusk.jpg\","
        + "\"width\":2976,\"height\":1984,\"alt\":\"Fishing boats in the harbour at dusk\"}}");
    assertThat(body.contentType).isEqualTo("application/json");
    assertThat(body.path).isEqualTo("/microcms?auth=s3cr3t");
  }

  @Test
  void everyEndpointRendersTheCreatedImage() {
    assertThat(sentBy(Workloads.created(7)))
        .containsExactly("microcms", "betterez", "fotoware", "cloudevents");
  }

  @Test
  void onlyFotowareSendsTheMetadataEditTheOthersFilterItOnTheHostThread() {
    MediaEvent edit = Workloads.metadataEdited(7);

    assertThat(sentBy(edit)).containsExactly("fotoware");
    List<WebhookEndpoint> endpoints = endpoints();
    // Two formats decline in skipReason, one endpoint filter declines: no rendering needed.
    assertThat(endpoints.get(0).format().skipReason(edit)).isPresent();
    assertThat(endpoints.get(1).format().skipReason(edit)).isPresent();
    assertThat(endpoints.get(3).filter().matches(edit)).isFalse();
  }

  @Test
  void eventsAreDistinctPerNumber() {
    assertThat(Workloads.created(1).id()).isNotEqualTo(Workloads.created(2).id());
    assertThat(Workloads.created(1).after().id()).isNotEqualTo(Workloads.created(2).after().id());
  }

  private static List<WebhookEndpoint> endpoints() {
    return Workloads.fourEndpoints("https://hooks.acme.example", RetryPolicy.none(), false);
  }

  private static List<String> sentBy(MediaEvent event) {
    List<String> names = new ArrayList<>();
    for (WebhookEndpoint e : endpoints()) {
      if (!e.filter().matches(event) || e.format().skipReason(event).isPresent()) {
        continue;
      }
      Optional<WebhookPayload> payload = e.format().render(event, ATTEMPT);
      assertThat(payload).as(e.name()).isPresent();
      assertThat(payload.orElseThrow().bodyLength()).as(e.name()).isPositive();
      names.add(e.name());
    }
    return names;
  }
}
