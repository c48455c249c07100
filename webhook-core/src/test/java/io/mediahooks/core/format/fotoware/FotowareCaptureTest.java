package io.mediahooks.core.format.fotoware;

import static io.mediahooks.core.format.fotoware.Fixtures.fotoware;
import static io.mediahooks.core.format.fotoware.Fixtures.node;
import static io.mediahooks.core.format.fotoware.Fixtures.render;
import static io.mediahooks.core.format.fotoware.Fixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.core.EventSource;
import io.mediahooks.core.MediaChange;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.MetadataValue;
import io.mediahooks.core.WebhookPayload;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The format reproduces FotoWeb's captured requests and the inferred fixtures. */
class FotowareCaptureTest {
  private static final String SITE = "https://enonic.fotoware.cloud";
  private static final String INGESTED_ID = "670bf55e-bb11-46cc-874a-7ecd4a164ccb";
  private static final Instant INGESTED_AT = Instant.parse("2023-06-19T12:48:02.129Z");
  private static final String WEBP =
      "Thuringia_Schmalkalden_asv2020-07_img18_Schloss_Wilhelmsburg.jpg.webp";
  private static final String CACHE = SITE + "/fotoweb/cache/v2/";

  private final FotowareAssetFormat format = FotowareAssetFormat.json();
  private final EventSource enonic = EventSource.builder().siteUrl(SITE).build();

  /** The ingested capture's asset, as a host that fetched it from Fotoware's API holds it. */
  private static Object ingestedAsset() {
    return tree(fotoware("asset-ingested.enonic-capture.raw.json")).get("data");
  }

  private MediaSnapshot ingestedSnapshot() {
    return MediaSnapshot.builder()
        .fileName(WEBP)
        .folder("Folder 19")
        .mimeType("image/webp")
        .size(104_448L)
        .dimensions(1, 1)
        .thumbnailUrl(CACHE + "6/w/Folder%2019/" + WEBP + ".iSfhoYvVMf99B6tjkAMA.gEGcjMnSVw.jpg")
        .previewUrl(CACHE + "k/m/Folder%2019/" + WEBP + ".iSfhoYvVMf99B6tjQA0A.I-3o5WAfmx.jpg")
        .extension(FotowareAssetFormat.ASSET_EXTENSION, ingestedAsset())
        .build();
  }

  private MediaEvent.Builder ingestedEvent(MediaEventType type) {
    return MediaEvent.builder(type).id(INGESTED_ID).occurredAt(INGESTED_AT).source(enonic);
  }

  @Test
  void ingestedCaptureIsReproducedByteForByte() {
    MediaEvent event = ingestedEvent(MediaEventType.CREATED).after(ingestedSnapshot()).build();

    WebhookPayload payload = render(format, event);

    byte[] captured = Fixtures.bytes("/fixtures/fotoware/asset-ingested.enonic-capture.raw.json");
    assertThat(payload.bodyString())
        .isEqualTo(new String(captured, StandardCharsets.UTF_8));
    assertThat(payload.bodyBytes()).isEqualTo(captured);
    assertThat(payload.bodyLength()).isEqualTo(9534); // the captured Content-Length
    assertThat(payload.contentType()).isEqualTo("application/json");
    assertThat(payload.headers()).containsExactly(Map.entry("User-Agent", "FotoWeb/8.1"));
    assertThat(payload.eventName()).isEqualTo("asset-ingested");
  }

  @Test
  void ingestedCaptureIsReproducedFromTheRepresentationAlone() {
    // Envelope values the snapshot lacks come from the supplied representation: file size,
    // pixel sizes, and the size-200 / size-800 previews on the site.
    MediaSnapshot onlyAsset = MediaSnapshot.builder()
        .extension(FotowareAssetFormat.ASSET_EXTENSION, ingestedAsset())
        .build();
    MediaEvent event = ingestedEvent(MediaEventType.CREATED).after(onlyAsset).build();

    assertThat(render(format, event).bodyBytes())
        .isEqualTo(Fixtures.bytes("/fixtures/fotoware/asset-ingested.enonic-capture.raw.json"));
  }

  @Test
  void modifiedUpdateMetadataCaptureIsReproducedAsAJsonTree() {
    Map<String, Object> captured =
        tree(fotoware("asset-modified-updateMetadata.enonic-capture.keysorted.json"));
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) captured.get("data");
    MediaSnapshot before = MediaSnapshot.builder()
        .fileName("test_rename_36.jpeg")
        .folder("Folder 19/Folder 19")
        .mimeType("image/jpeg")
        .size(14_336L)
        .dimensions(370, 136)
        .creators("Add author", "Another author")
        .metadata("credit", MetadataValue.of("Add credit"))
        .metadata("115", MetadataValue.of("Add source"))
        .metadata("copyright", MetadataValue.of("Add copyright"))
        .extension(FotowareAssetFormat.ASSET_EXTENSION, data.get("assetBefore"))
        .build();
    MediaSnapshot after = before.newBuilder()
        .tags("Taggy")
        .extension(FotowareAssetFormat.ASSET_EXTENSION, data.get("asset"))
        .build();
    MediaEvent event = MediaEvent.builder(MediaEventType.UPDATED)
        .id("b63d2400-9a19-48ca-8c54-310a41fbb8bc")
        .occurredAt(Instant.parse("2023-06-23T07:39:29.222Z"))
        .source(enonic)
        .before(before)
        .after(after)
        .build();

    WebhookPayload payload = render(format, event);

    assertThat(event.changes()).containsExactly(MediaChange.TAGS);
    assertThat(payload.eventName()).isEqualTo("asset-modified");
    // The capture's key order was lost; its content, including the derived metadataDiff, not.
    assertThat(node(payload.bodyString()))
        .isEqualTo(node(fotoware("asset-modified-updateMetadata.enonic-capture.keysorted.json")));
    assertThat(payload.bodyLength()).isEqualTo(12836); // the captured Content-Length
  }

  @Test
  void inferredRenameFixtureIsReproduced() {
    MediaSnapshot after = ingestedSnapshot();
    MediaSnapshot before = after.newBuilder()
        .fileName("old_name.jpg.webp")
        .removeExtension(FotowareAssetFormat.ASSET_EXTENSION)
        .build();
    MediaEvent event = ingestedEvent(MediaEventType.UPDATED).before(before).after(after).build();

    WebhookPayload payload = render(format, event);

    String fixture = fotoware("asset-modified-rename.inferred.json");
    assertThat(node(payload.bodyString())).isEqualTo(node(fixture));
    // We also follow the fixture's guessed position of previous-name, so the bytes match.
    assertThat(payload.bodyString()).isEqualTo(fixture);
  }

  @Test
  void inferredDeletedFixtureIsReproduced() {
    MediaEvent event = ingestedEvent(MediaEventType.DELETED).before(ingestedSnapshot()).build();

    WebhookPayload payload = render(format, event);

    String fixture = fotoware("asset-deleted.inferred.json");
    assertThat(node(payload.bodyString())).isEqualTo(node(fixture));
    assertThat(payload.bodyString()).isEqualTo(fixture);
    assertThat(payload.eventName()).isEqualTo("asset-deleted");
  }

  @Test
  void vendorDocExampleEnvelopeIsReproducedForAnEquivalentEvent() {
    // The documented example elides data and predates operation-name; compare the rest.
    FotowareAssetFormat acme = FotowareAssetFormat.builder()
        .siteUrl("https://acme.fotoware.cloud")
        .archiveHref("/fotoweb/archives/5473-SummitPhotos/")
        .build();
    String cache = "https://acme.fotoware.cloud/fotoweb/cache/5473/like/IMG_20190223_135249";
    MediaSnapshot photo = MediaSnapshot.builder()
        .fileName("IMG_20190223_135249.jpg")
        .folder("like")
        .size(243_340L)
        .dimensions(2976, 3968)
        .description("Some long description line")
        .thumbnailUrl(cache + ".t5c80f612.m200.x0UnqgdCS.jpg")
        .previewUrl(cache + ".t5c80f612.m800.xYQhD8Ty-.jpg")
        .build();
    MediaEvent event = MediaEvent.builder(MediaEventType.CREATED)
        .id("12489453-7e9d-4604-af89-99b8f91db6a3")
        .occurredAt(Instant.parse("2019-03-07T11:44:27.802Z"))
        .after(photo)
        .build();

    ObjectNode ours = (ObjectNode) node(render(acme, event).bodyString());
    ObjectNode doc = (ObjectNode) node(fotoware("asset-webhook-doc-example.data-elided.json"));
    ours.remove(List.of("data", "operation-name"));
    doc.remove("data");

    assertThat(ours).isEqualTo(doc);
    assertThat(Fixtures.keys(ours)).isEqualTo(Fixtures.keys(doc));
  }
}
