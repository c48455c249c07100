package io.mediahooks.core.format.fotoware;

import static io.mediahooks.core.format.fotoware.Fixtures.body;
import static io.mediahooks.core.format.fotoware.Fixtures.keys;
import static io.mediahooks.core.format.fotoware.Fixtures.node;
import static io.mediahooks.core.format.fotoware.Fixtures.render;
import static io.mediahooks.core.format.fotoware.SampleEvents.created;
import static io.mediahooks.core.format.fotoware.SampleEvents.deleted;
import static io.mediahooks.core.format.fotoware.SampleEvents.photo;
import static io.mediahooks.core.format.fotoware.SampleEvents.updated;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.MetadataValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The asset representation: the host's as given, or a minimal one built from the snapshot. */
class FotowareRepresentationTest {
  private final FotowareAssetFormat format = FotowareAssetFormat.json();

  @Test
  void builtRepresentationHasTheCapturedKeyOrder() {
    JsonNode data = body(format, created(photo())).get("data");

    assertThat(keys(data)).containsExactly("archiveHREF", "createdBy", "modified", "href",
        "linkstance", "builtinFields", "filename", "modifiedBy", "filesize", "archiveId",
        "metadata", "previews", "created", "renditions", "doctype", "attributes");
    assertThat(data.get("archiveHREF").asText()).isEqualTo("/fotoweb/archives/5000-All-files/");
    assertThat(data.get("archiveId").asInt()).isEqualTo(5000);
    assertThat(data.get("linkstance")).isEqualTo(data.get("href"));
    assertThat(data.get("createdBy").asText()).isEqualTo("ada");
    assertThat(data.get("modifiedBy").asText()).isEqualTo("grace");
  }

  @Test
  void unknownValuesAreLeftOutOfTheBuiltRepresentation() {
    MediaSnapshot bare = MediaSnapshot.builder().fileName("notes.bin").build();

    JsonNode data = body(format, deleted(bare)).get("data");

    assertThat(keys(data)).containsExactly("archiveHREF", "href", "linkstance", "builtinFields",
        "filename", "archiveId", "metadata", "previews", "doctype", "attributes");
    assertThat(data.get("metadata")).isEqualTo(node("{}"));
    assertThat(data.get("previews")).isEqualTo(node("[]"));
    assertThat(data.get("doctype").asText()).isEqualTo("generic");
    assertThat(data.get("attributes")).isEqualTo(node("{}"));
  }

  @Test
  void metadataIsKeyedByFotowareFieldIdWithTextOrListValues() {
    JsonNode metadata = body(format, created(photo())).at("/data/metadata");

    assertThat(metadata).isEqualTo(node("{"
        + "\"116\": {\"value\": \"ACME Ltd\"},"
        + "\"110\": {\"value\": \"Add credit\"},"
        + "\"5\": {\"value\": \"Harbour at dusk\"},"
        + "\"120\": {\"value\": \"Some long description line\"},"
        + "\"25\": {\"value\": [\"harbour\", \"dusk\"]},"
        + "\"80\": {\"value\": [\"Ada Lovelace\", \"Grace Hopper\"]}}"));
  }

  @Test
  void mappedNamesAreCaseInsensitiveAndCustomMappingsAndLabelsApply() {
    FotowareAssetFormat custom = format.newBuilder()
        .metadataField("rights", 116, "Rights")
        .metadataField("Project", 300, "Project")
        .build();
    MediaSnapshot before = MediaSnapshot.builder().fileName("a.jpg")
        .metadata("City", MetadataValue.of("Oslo"))
        .metadata("Caption", MetadataValue.of("c"))
        .build();
    MediaSnapshot after = before.newBuilder()
        .metadata("rights", MetadataValue.of("ACME"))
        .metadata("project", MetadataValue.of("Apollo"))
        .build();

    JsonNode body = body(custom, updated(before, after));

    assertThat(body.at("/data/asset/metadata/90/value").asText()).isEqualTo("Oslo");
    assertThat(body.at("/data/asset/metadata/120/value").asText()).isEqualTo("c");
    assertThat(body.at("/data/asset/metadata/116/value").asText()).isEqualTo("ACME");
    assertThat(body.at("/data/asset/metadata/300/value").asText()).isEqualTo("Apollo");
    assertThat(body.at("/data/metadataDiff/changedFields/0/field"))
        .isEqualTo(node("{\"id\": 116, \"label\": \"Rights\"}"));
    assertThat(body.at("/data/metadataDiff/changedFields/1/field"))
        .isEqualTo(node("{\"id\": 300, \"label\": \"Project\"}"));
  }

  @Test
  void unmappedMetadataNamesAreLeftOutByDefault() {
    MediaSnapshot s = MediaSnapshot.builder().fileName("a.jpg")
        .metadata("sku", MetadataValue.of("A-1")).build();

    assertThat(body(format, created(s)).at("/data/metadata")).isEqualTo(node("{}"));
  }

  @Test
  void dedicatedFieldsOverrideMetadataOfTheSameIdAndEmptyValuesAreAbsent() {
    MediaSnapshot s = MediaSnapshot.builder().fileName("a.jpg")
        .metadata("5", MetadataValue.of("from metadata"))
        .metadata("credit", MetadataValue.of(""))
        .metadata("keywords", MetadataValue.of(List.of()))
        .title("from title")
        .build();

    JsonNode body = body(format, created(s));

    assertThat(body.at("/data/metadata")).isEqualTo(node("{\"5\": {\"value\": \"from title\"}}"));
    assertThat(body.get("title").asText()).isEqualTo("from title");
  }

  @Test
  void builtinFieldsCarryTitleDescriptionTagsAndStatusRatingNotes() {
    MediaSnapshot s = photo().newBuilder()
        .metadata("status", MetadataValue.of("Approved"))
        .metadata("Rating", MetadataValue.of("5"))
        .build();

    JsonNode builtin = body(format, created(s)).at("/data/builtinFields");

    assertThat(builtin).isEqualTo(node("["
        + "{\"field\": \"title\", \"required\": false, \"value\": \"Harbour at dusk\"},"
        + "{\"field\": \"description\", \"required\": false,"
        + " \"value\": \"Some long description line\"},"
        + "{\"field\": \"tags\", \"required\": false, \"value\": [\"harbour\", \"dusk\"]},"
        + "{\"field\": \"status\", \"required\": false, \"value\": \"Approved\"},"
        + "{\"field\": \"rating\", \"required\": false, \"value\": \"5\"},"
        + "{\"field\": \"notes\", \"required\": false, \"value\": \"\"}]"));
    assertThat(body(format, created(s)).at("/data/metadata").has("status")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
      "2021-04-19T13:37:56Z, 2021-04-19T13:37:56Z",
      "2023-06-19T12:48:02.129Z, 2023-06-19T12:48:02.129Z",
      "2022-11-18T09:20:11.617123Z, 2022-11-18T09:20:11.617123Z",
      "2022-11-18T09:20:11.617123456Z, 2022-11-18T09:20:11.617123Z",
      "2022-11-18T09:20:11.100Z, 2022-11-18T09:20:11.100Z"})
  void assetDatesKeepThePrecisionTheyHave(String given, String printed) {
    MediaSnapshot s = photo().newBuilder()
        .createdAt(Instant.parse(given)).modifiedAt(Instant.parse(given)).build();

    JsonNode data = body(format, created(s)).get("data");

    assertThat(data.get("created").asText()).isEqualTo(printed);
    assertThat(data.get("modified").asText()).isEqualTo(printed);
  }

  @Test
  void missingAssetDatesFallBackToTheEventTimeOnlyWhereTheEventSetsThem() {
    MediaSnapshot undated = photo().newBuilder().createdAt(null).modifiedAt(null).build();

    JsonNode ingested = body(format, created(undated)).get("data");
    JsonNode modified = body(format, updated(undated, undated.newBuilder().title("t").build()))
        .get("data");
    JsonNode deletedData = body(format, deleted(undated)).get("data");

    assertThat(ingested.get("created").asText()).isEqualTo("2019-03-07T11:44:27.802Z");
    assertThat(ingested.get("modified").asText()).isEqualTo("2019-03-07T11:44:27.802Z");
    assertThat(modified.at("/asset/modified").asText()).isEqualTo("2019-03-07T11:44:27.802Z");
    assertThat(modified.at("/asset").has("created")).isFalse();
    assertThat(modified.at("/assetBefore").has("modified")).isFalse();
    assertThat(deletedData.has("created")).isFalse();
    assertThat(deletedData.has("modified")).isFalse();
  }

  @Test
  void previewsAreFittedIntoTheirSizeBoxAndRelativeToTheSite() {
    MediaSnapshot s = photo().newBuilder().dimensions(370, 136).build();

    JsonNode previews = body(format, created(s)).at("/data/previews");

    // The capture's 370x136 asset: 800x294 and 200x74.
    assertThat(previews).isEqualTo(node("["
        + "{\"href\": \"/fotoweb/cache/5473/like/harbour.t5c80f612.m800.xYQhD8Ty-.jpg\","
        + " \"width\": 800, \"height\": 294, \"square\": false, \"size\": 800},"
        + "{\"href\": \"/fotoweb/cache/5473/like/harbour.t5c80f612.m200.x0UnqgdCS.jpg\","
        + " \"width\": 200, \"height\": 74, \"square\": false, \"size\": 200}]"));
  }

  @Test
  void previewsOffTheSiteKeepTheirAbsoluteUrl() {
    MediaSnapshot s = photo().newBuilder().thumbnailUrl("https://cdn.example.com/t.jpg")
        .previewUrl(null).build();

    JsonNode body = body(format, created(s));

    assertThat(body.at("/data/previews/0/href").asText())
        .isEqualTo("https://cdn.example.com/t.jpg");
    assertThat(body.get("thumbnail-href").asText()).isEqualTo("https://cdn.example.com/t.jpg");
    assertThat(body.get("preview-href").asText()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "image/jpeg, image", "IMAGE/PNG, image", "image/svg+xml, graphic",
      "application/postscript, graphic", "video/mp4, movie", "audio/mpeg, audio",
      "application/pdf, document", "text/plain; charset=utf-8, document",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document, document",
      "application/zip, generic"})
  void doctypeFollowsTheMimeType(String mime, String doctype) {
    MediaSnapshot s = MediaSnapshot.builder().fileName("f").mimeType(mime).build();

    assertThat(body(format, created(s)).at("/data/doctype").asText()).isEqualTo(doctype);
  }

  @Test
  void doctypeWithoutMimeTypeComesFromDimensionsAndDuration() {
    MediaSnapshot still = MediaSnapshot.builder().fileName("f").dimensions(4, 3).build();
    MediaSnapshot clip = still.newBuilder().duration(Duration.ofSeconds(3)).build();

    assertThat(body(format, created(still)).at("/data/doctype").asText()).isEqualTo("image");
    assertThat(body(format, created(clip)).at("/data/doctype").asText()).isEqualTo("movie");
  }

  @Test
  void attributesHoldPixelSizesAsIntsPerDocumentType() {
    MediaSnapshot video = MediaSnapshot.builder().fileName("v.mp4").mimeType("video/mp4")
        .dimensions(1920, 1080).build();
    MediaSnapshot pdf = MediaSnapshot.builder().fileName("r.pdf").mimeType("application/pdf")
        .build();

    assertThat(body(format, created(photo())).at("/data/attributes")).isEqualTo(
        node("{\"imageattributes\": {\"pixelwidth\": 2976, \"pixelheight\": 3968}}"));
    assertThat(body(format, created(video)).at("/data/attributes")).isEqualTo(
        node("{\"videoattributes\": {\"pixelwidth\": 1920, \"pixelheight\": 1080}}"));
    assertThat(body(format, created(pdf)).at("/data/attributes"))
        .isEqualTo(node("{\"documentattributes\": {}}"));
  }

  @Test
  void theFileUrlIsTheOriginalRendition() {
    JsonNode renditions = body(format, created(photo())).at("/data/renditions");

    assertThat(renditions).isEqualTo(node("[{\"display_name\": \"Original File\","
        + " \"description\": \"Original File\", \"default\": true, \"height\": 3968,"
        + " \"width\": 2976, \"href\": \"https://cdn.example.com/media/harbour.jpg\","
        + " \"original\": true, \"sizeFixed\": false}]"));
  }

  @Test
  void configuredArchiveIsUsedForHrefAndArchiveId() {
    FotowareAssetFormat uploads =
        format.newBuilder().archiveHref("/fotoweb/archives/5001-My-Uploads").build();

    JsonNode body = body(uploads, created(MediaSnapshot.builder().fileName("a b.jpg").build()));

    assertThat(uploads.archiveHref()).isEqualTo("/fotoweb/archives/5001-My-Uploads/");
    assertThat(body.at("/data/href").asText())
        .isEqualTo("/fotoweb/archives/5001-My-Uploads/a%20b.jpg.info");
    assertThat(body.at("/data/archiveId").asInt()).isEqualTo(5001);
  }

  @Test
  void suppliedRepresentationIsSentAsGivenInItsKeyOrder() {
    String asset = "{\"zeta\": 1, \"filename\": \"given.jpg\", \"alpha\": [300.0, null],"
        + " \"href\": \"/fotoweb/archives/9-X/given.jpg.info\"}";
    MediaSnapshot s = MediaSnapshot.builder()
        .fileName("given.jpg")
        .extensionJson(FotowareAssetFormat.ASSET_EXTENSION, asset)
        .build();

    String body = render(format, created(s)).bodyString();

    assertThat(body).contains("\"data\": {\"zeta\": 1, \"filename\": \"given.jpg\","
        + " \"alpha\": [300.0, null], \"href\": \"/fotoweb/archives/9-X/given.jpg.info\"}");
    assertThat(body).contains(
        "\"href\": \"https://acme.fotoware.cloud/fotoweb/archives/9-X/given.jpg.info\"");
  }

  @Test
  void aSuppliedRepresentationOnOneSideDoesNotStopTheOtherBeingBuilt() {
    MediaSnapshot before = photo();
    MediaSnapshot after = photo().newBuilder().title("t")
        .extensionJson(FotowareAssetFormat.ASSET_EXTENSION,
            "{\"filename\": \"IMG 2019 harbour.jpg\", \"metadata\": {}}")
        .build();

    JsonNode data = body(format, updated(before, after)).get("data");

    assertThat(keys(data.get("asset"))).containsExactly("filename", "metadata");
    assertThat(data.at("/assetBefore/archiveHREF").asText())
        .isEqualTo("/fotoweb/archives/5000-All-files/");
  }

  @Test
  void noSiteUrlIsNeededWhenEveryUrlIsAlreadyAbsolute() {
    MediaSnapshot s = MediaSnapshot.builder()
        .extension(FotowareAssetFormat.ASSET_EXTENSION, Map.of(
            "filename", "a.jpg",
            "href", "https://x.fotoware.cloud/fotoweb/archives/1-A/a.jpg.info"))
        .build();
    MediaEvent event = MediaEvent.builder(MediaEventType.CREATED)
        .after(s).build();

    assertThat(body(format, event).get("href").asText())
        .isEqualTo("https://x.fotoware.cloud/fotoweb/archives/1-A/a.jpg.info");
  }
}
