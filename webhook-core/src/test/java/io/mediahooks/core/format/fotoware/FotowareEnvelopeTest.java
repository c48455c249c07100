package io.mediahooks.core.format.fotoware;

import static io.mediahooks.core.format.fotoware.Fixtures.body;
import static io.mediahooks.core.format.fotoware.Fixtures.keys;
import static io.mediahooks.core.format.fotoware.Fixtures.render;
import static io.mediahooks.core.format.fotoware.SampleEvents.created;
import static io.mediahooks.core.format.fotoware.SampleEvents.deleted;
import static io.mediahooks.core.format.fotoware.SampleEvents.photo;
import static io.mediahooks.core.format.fotoware.SampleEvents.updated;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediahooks.core.Attempt;
import io.mediahooks.core.EventSource;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.MetadataValue;
import io.mediahooks.core.WebhookPayload;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The envelope's rules: key order, string types, joins, empty values, URLs, time, headers. */
class FotowareEnvelopeTest {
  private static final List<String> INGESTED_KEYS = List.of("pixel-width", "byline",
      "description", "tags", "file-size", "title", "thumbnail-href", "created", "href",
      "operation-name", "data", "preview-href", "type", "pixel-height", "id");

  private final FotowareAssetFormat format = FotowareAssetFormat.json();

  @Test
  void envelopeKeysAreInFotowaresOrderForEveryEvent() {
    assertThat(keys(body(format, created(photo())))).isEqualTo(INGESTED_KEYS);
    assertThat(keys(body(format, updated(photo(), photo().newBuilder().title("B").build()))))
        .isEqualTo(INGESTED_KEYS);
    assertThat(keys(body(format, deleted(photo()))))
        .isEqualTo(INGESTED_KEYS.stream().filter(k -> !k.equals("operation-name")).toList());
  }

  @Test
  void pixelSizesAndFileSizeAreStringsOfDigitsWhileTheAssetKeepsInts() {
    JsonNode body = body(format, created(photo()));

    assertThat(body.get("pixel-width").isTextual()).isTrue();
    assertThat(body.get("pixel-width").asText()).isEqualTo("2976");
    assertThat(body.get("pixel-height").asText()).isEqualTo("3968");
    assertThat(body.get("file-size").isTextual()).isTrue();
    assertThat(body.get("file-size").asText()).isEqualTo("243340");
    assertThat(body.at("/data/filesize").isInt()).isTrue();
    assertThat(body.at("/data/attributes/imageattributes/pixelwidth").isInt()).isTrue();
  }

  @Test
  void bylineAndTagsJoinSeveralValuesWithSemicolonSpace() {
    JsonNode body = body(format, created(photo()));

    assertThat(body.get("byline").asText()).isEqualTo("Ada Lovelace; Grace Hopper");
    assertThat(body.get("tags").asText()).isEqualTo("harbour; dusk");
    assertThat(body.get("title").asText()).isEqualTo("Harbour at dusk");
    assertThat(body.get("description").asText()).isEqualTo("Some long description line");
  }

  @Test
  void bylineAndTagsComeFromMetadataFieldsWhenTheSnapshotHasNoCreatorsOrTags() {
    MediaSnapshot s = MediaSnapshot.builder()
        .fileName("a.jpg")
        .metadata("80", MetadataValue.of("Add author", "Another author"))
        .metadata("keywords", MetadataValue.of("Taggy"))
        .metadata("5", MetadataValue.of("From metadata"))
        .build();

    JsonNode body = body(format, created(s));

    assertThat(body.get("byline").asText()).isEqualTo("Add author; Another author");
    assertThat(body.get("tags").asText()).isEqualTo("Taggy");
    assertThat(body.get("title").asText()).isEqualTo("From metadata");
  }

  @Test
  void unknownValuesAreEmptyStringsNeverNull() {
    MediaSnapshot bare = MediaSnapshot.builder().fileName("notes.bin").build();

    JsonNode body = body(format, created(bare));

    for (String key : List.of("pixel-width", "byline", "description", "tags", "file-size",
        "title", "thumbnail-href", "preview-href", "pixel-height")) {
      assertThat(body.get(key).isTextual()).as(key).isTrue();
      assertThat(body.get(key).asText()).as(key).isEmpty();
    }
  }

  @Test
  void hrefIsTheSiteUrlFollowedByTheRelativeDataHref() {
    JsonNode body = body(format, created(photo()));

    String relative = "/fotoweb/archives/5000-All-files/Summit%20Photos/like/"
        + "IMG%202019%20harbour.jpg.info";
    assertThat(body.at("/data/href").asText()).isEqualTo(relative);
    assertThat(body.get("href").asText()).isEqualTo("https://acme.fotoware.cloud" + relative);
  }

  @Test
  void thumbnailAndPreviewHrefsAreAbsoluteEvenWhenTheSnapshotHoldsThemRelative() {
    JsonNode body = body(format, created(photo()));

    assertThat(body.get("thumbnail-href").asText()).isEqualTo(
        "https://acme.fotoware.cloud/fotoweb/cache/5473/like/harbour.t5c80f612.m200.x0UnqgdCS.jpg");
    assertThat(body.get("preview-href").asText()).isEqualTo(
        "https://acme.fotoware.cloud/fotoweb/cache/5473/like/harbour.t5c80f612.m800.xYQhD8Ty-.jpg");
  }

  @Test
  void theFormatsSiteUrlWinsOverTheEventSourcesAndATrailingSlashIsDropped() {
    FotowareAssetFormat own = FotowareAssetFormat.json("https://other.fotoware.cloud/");

    JsonNode body = body(own, created(photo()));

    assertThat(own.siteUrl()).isEqualTo("https://other.fotoware.cloud");
    assertThat(body.get("href").asText())
        .startsWith("https://other.fotoware.cloud/fotoweb/archives/");
  }

  @Test
  void theEventSourcesSiteUrlIsUsedWhenTheFormatHasNone() {
    MediaEvent event = SampleEvents.at(MediaEventType.CREATED)
        .source(EventSource.builder().siteUrl("https://tenant-b.fotoware.cloud").build())
        .after(photo())
        .build();

    assertThat(body(format, event).get("href").asText())
        .startsWith("https://tenant-b.fotoware.cloud/fotoweb/archives/");
  }

  @ParameterizedTest
  @CsvSource({
      "2023-06-19T12:48:02.129Z, 2023-06-19T12:48:02.129Z",
      "2023-06-19T12:48:02Z, 2023-06-19T12:48:02.000Z",
      "2023-06-19T12:48:02.100Z, 2023-06-19T12:48:02.100Z",
      "2023-06-19T12:48:02.129999999Z, 2023-06-19T12:48:02.129Z",
      "2023-06-19T12:48:02.000456Z, 2023-06-19T12:48:02.000Z"})
  void createdIsTheEventTimeWithExactlyThreeMillisecondDigits(String occurred, String expected) {
    MediaEvent event = SampleEvents.at(MediaEventType.CREATED)
        .occurredAt(Instant.parse(occurred))
        .after(photo())
        .build();

    assertThat(body(format, event).get("created").asText()).isEqualTo(expected);
  }

  @Test
  void everyAttemptSendsTheSameBytesBecauseCreatedIsTheEventTime() {
    MediaEvent event = created(photo());
    Attempt first = Attempt.of(1, "a1", Instant.parse("2030-01-01T00:00:00Z"));
    Attempt retry = Attempt.of(4, "a4", Instant.parse("2030-01-01T05:00:00.123Z"));

    assertThat(format.render(event, retry).orElseThrow().bodyBytes())
        .isEqualTo(format.render(event, first).orElseThrow().bodyBytes());
  }

  @Test
  void idIsTheEventIdAndTypeIsAsset() {
    JsonNode body = body(format, created(photo()));

    assertThat(body.get("id").asText()).isEqualTo(SampleEvents.ID);
    assertThat(body.get("type").asText()).isEqualTo("asset");
  }

  @Test
  void payloadCarriesFotowebUserAgentAndJsonContentTypeWithoutCharset() {
    WebhookPayload payload = render(format, created(photo()));

    assertThat(payload.headers()).containsExactly(Map.entry("User-Agent", "FotoWeb/8.1"));
    assertThat(payload.contentType()).isEqualTo("application/json");
  }

  @Test
  void userAgentIsConfigurable() {
    FotowareAssetFormat older = format.newBuilder().userAgent("FotoWeb/8.0").build();

    assertThat(render(older, created(photo())).headers())
        .containsExactly(Map.entry("User-Agent", "FotoWeb/8.0"));
  }

  @Test
  void eventNamesLetAHostRouteEachEventToItsOwnUrl() {
    assertThat(render(format, created(photo())).eventName()).isEqualTo("asset-ingested");
    assertThat(render(format, updated(photo(), photo().newBuilder().title("B").build()))
        .eventName()).isEqualTo("asset-modified");
    assertThat(render(format, deleted(photo())).eventName()).isEqualTo("asset-deleted");
  }

  @Test
  void nonAsciiTextIsEscapedAsPythonDoes() {
    MediaSnapshot s = photo().newBuilder().title("é東😀").build();

    String body = render(format, created(s)).bodyString();

    assertThat(body).contains("\"title\": \"\\u00e9\\u6771\\ud83d\\ude00\"");
    assertThat(body).doesNotContain("é");
  }
}
