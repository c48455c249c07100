package io.mediahooks.core.format.filerobot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahooks.core.Attempt;
import io.mediahooks.core.FormatException;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.MetadataValue;
import io.mediahooks.core.WebhookPayload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilerobotBodyTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Attempt ATTEMPT =
      Attempt.of(1, "20ebdb3d-85e1-47a4-a81d-7b6c7dd1a481", Instant.parse("2024-05-06T07:08:09Z"));

  private final MediaSnapshot image = MediaSnapshot.builder()
      .id("1f78b9d1-98fe-53db-82a4-8c9aafb50000")
      .url("https://fdocs.filerobot.com/api-demo/product_0f0.jpg?vh=123abc")
      .fileName("product_0f0.jpg")
      .folder("/api-demo")
      .mimeType("image/jpeg")
      .size(4_905_337L)
      .dimensions(5616, 3744)
      .sha1("67a13e1d12b0da04cda3a4e599d42cbc78ca7d98")
      .tags("scarf")
      .labels("hero")
      .metadata("sku", MetadataValue.of("SC04-GRLX6"))
      .createdAt(Instant.parse("2020-04-03T14:19:02.123456Z"))
      .modifiedAt(Instant.parse("2020-10-27T15:37:25.999Z"))
      .build();

  private final MediaSnapshot video = MediaSnapshot.builder()
      .id("7e57a1d0-0000-4000-8000-000000000001")
      .url("https://fdocs.filerobot.com/videos/launch.mp4")
      .fileName("launch.mp4")
      .folder("/videos")
      .mimeType("video/mp4")
      .size(52_428_800L)
      .dimensions(1920, 1080)
      .duration(Duration.ofMillis(94_500))
      .bitrate(4_500_000L)
      .streamingUrl("https://fdocs.filerobot.com/videos/launch.m3u8")
      .build();

  private static WebhookPayload render(FilerobotFormat format, MediaSnapshot snapshot) {
    return format.render(MediaEvent.created(snapshot), ATTEMPT).orElseThrow();
  }

  private static JsonNode file(FilerobotFormat format, MediaSnapshot snapshot) throws IOException {
    return MAPPER.readTree(render(format, snapshot).bodyBytes()).get("file");
  }

  private static FilerobotFormat.Builder upload() {
    return FilerobotFormat.builder().on(FilerobotTrigger.UPLOAD);
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void fileGroupRendersExactlyTheFileKeysAsExactBytes() {
    FilerobotFormat format = upload().fieldGroups(FilerobotField.Group.FILE).build();

    assertThat(render(format, image).bodyString()).isEqualTo("{\"trigger\":\"on_upload\",\"file\":"
        + "{\"uuid\":\"1f78b9d1-98fe-53db-82a4-8c9aafb50000\",\"name\":\"product_0f0.jpg\","
        + "\"extension\":\"jpg\",\"size\":{\"bytes\":4905337,\"pretty\":\"4.68 MB\"},"
        + "\"type\":\"image/jpeg\",\"url\":{\"cdn\":"
        + "\"https://fdocs.filerobot.com/api-demo/product_0f0.jpg?vh=123abc\","
        + "\"path\":\"/api-demo/product_0f0.jpg\"}}}");
  }

  @Test
  void eachFileFieldRendersOnlyItsOwnKey() throws IOException {
    Map<FilerobotField, String> expected = new LinkedHashMap<>();
    expected.put(FilerobotField.NAME, "{\"name\":\"product_0f0.jpg\",\"extension\":\"jpg\"}");
    expected.put(FilerobotField.SIZE, "{\"size\":{\"bytes\":4905337,\"pretty\":\"4.68 MB\"}}");
    expected.put(FilerobotField.PATH, "{\"url\":{\"path\":\"/api-demo/product_0f0.jpg\"}}");
    expected.put(FilerobotField.MIME_TYPE, "{\"type\":\"image/jpeg\"}");
    expected.put(FilerobotField.CDN_LINK,
        "{\"url\":{\"cdn\":\"https://fdocs.filerobot.com/api-demo/product_0f0.jpg?vh=123abc\"}}");
    expected.put(FilerobotField.UUID, "{\"uuid\":\"1f78b9d1-98fe-53db-82a4-8c9aafb50000\"}");
    for (Map.Entry<FilerobotField, String> e : expected.entrySet()) {
      FilerobotFormat format = upload().fields(e.getKey()).build();
      assertThat(file(format, image).toString()).as(e.getKey().name()).isEqualTo(e.getValue());
    }
  }

  @Test
  void imageGroupRendersImgHAndImgWForImagesOnly() throws IOException {
    FilerobotFormat format = upload().fieldGroups(FilerobotField.Group.IMAGE).build();

    assertThat(file(format, image).toString())
        .isEqualTo("{\"info\":{\"img_h\":3744,\"img_w\":5616}}");
    assertThat(file(format, video).toString()).isEqualTo("{}");
  }

  @Test
  void videoGroupRendersVideoInfoAndPlaylistForVideosOnly() throws IOException {
    FilerobotFormat format = upload().fieldGroups(FilerobotField.Group.VIDEO).build();

    assertThat(file(format, video).toString()).isEqualTo("{\"info\":{\"video_h\":1080,"
        + "\"video_w\":1920,\"video_length\":94.5,\"video_bitrate\":4500000},"
        + "\"url\":{\"playlist\":\"https://fdocs.filerobot.com/videos/launch.m3u8\"}}");
    assertThat(file(format, image).toString()).isEqualTo("{}");
  }

  @Test
  void wholeSecondVideoLengthIsAnInteger() throws IOException {
    FilerobotFormat format = upload().fields(FilerobotField.VIDEO_LENGTH).build();
    MediaSnapshot whole = video.newBuilder().duration(Duration.ofSeconds(94)).build();

    assertThat(file(format, whole).toString()).isEqualTo("{\"info\":{\"video_length\":94}}");
  }

  @Test
  void videoWithoutMimeTypeIsRecognisedByDurationAndDimensions() throws IOException {
    FilerobotFormat format = upload().fieldGroups(FilerobotField.Group.VIDEO,
        FilerobotField.Group.IMAGE).build();
    MediaSnapshot untyped = video.newBuilder().mimeType(null).build();

    assertThat(keys(file(format, untyped).get("info")))
        .containsExactly("video_h", "video_w", "video_length", "video_bitrate");
  }

  @Test
  void additionalGroupRendersMetaSystemAndEmbeddedMetadata() throws IOException {
    FilerobotFormat format = upload().fieldGroups(FilerobotField.Group.ADDITIONAL).build();
    MediaSnapshot withExtensions = image.newBuilder()
        .extension(FilerobotFormat.EMBEDDED_EXTENSION, Map.of("EXIF", Map.of("Make", "Canon")))
        .build();

    assertThat(file(format, withExtensions).toString()).isEqualTo(
        "{\"meta\":{\"sku\":\"SC04-GRLX6\"},"
        + "\"tags\":[\"scarf\"],\"labels\":[\"hero\"],"
        + "\"hash\":{\"sha1\":\"67a13e1d12b0da04cda3a4e599d42cbc78ca7d98\"},"
        + "\"created_at\":\"2020-04-03T14:19:02Z\",\"modified_at\":\"2020-10-27T15:37:25Z\","
        + "\"embedded_meta\":{\"EXIF\":{\"Make\":\"Canon\"}}}");
  }

  @Test
  void eachAdditionalFieldRendersOnlyItsOwnKeys() throws IOException {
    MediaSnapshot withExtensions = image.newBuilder()
        .extension(FilerobotFormat.EMBEDDED_EXTENSION, Map.of("IPTC", Map.of()))
        .build();

    assertThat(keys(file(upload().fields(FilerobotField.SYSTEM_METADATA).build(), withExtensions)))
        .containsExactly("tags", "labels", "hash", "created_at", "modified_at");
    assertThat(keys(file(upload().fields(FilerobotField.CUSTOM_METADATA).build(), withExtensions)))
        .containsExactly("meta");
    assertThat(keys(file(upload().fields(FilerobotField.EMBEDDED_METADATA).build(),
        withExtensions))).containsExactly("embedded_meta");
  }

  @Test
  void selectedMetadataGroupsRenderEmptyCollectionsAndOmitUnknownScalars() throws IOException {
    FilerobotFormat format = upload().fieldGroups(FilerobotField.Group.ADDITIONAL).build();
    MediaSnapshot bare = MediaSnapshot.builder().id("x").fileName("a.pdf").build();

    assertThat(file(format, bare).toString())
        .isEqualTo("{\"meta\":{},\"tags\":[],\"labels\":[]}");
  }

  @Test
  void metadataValuesRenderAsStringListOrLocaleObjectAndTitleFillsIn() throws IOException {
    FilerobotFormat format = upload().fields(FilerobotField.CUSTOM_METADATA).build();
    Map<String, String> title = new LinkedHashMap<>();
    title.put("de_DE", "Luxusschal");
    title.put("en_US", "Luxury Scarf");
    MediaSnapshot s = image.newBuilder()
        .metadata("color", MetadataValue.of("red", "blue"))
        .metadata("title", MetadataValue.localized(title))
        .title("ignored: metadata has a title")
        .description("Silk")
        .build();

    assertThat(file(format, s).get("meta").toString()).isEqualTo("{\"sku\":\"SC04-GRLX6\","
        + "\"color\":[\"red\",\"blue\"],\"title\":{\"de_DE\":\"Luxusschal\",\"en_US\":"
        + "\"Luxury Scarf\"},\"description\":\"Silk\"}");
  }

  @Test
  void systemExtensionReplacesDerivedKeysAndKeepsTheApiKeyOrder() throws IOException {
    FilerobotFormat format = upload().fields(FilerobotField.SYSTEM_METADATA).build();
    Map<String, Object> hash = new LinkedHashMap<>();
    hash.put("sha1", "67a13e1d12b0da04cda3a4e599d42cbc78ca7d98");
    hash.put("blurhash", null);
    Map<String, Object> system = new LinkedHashMap<>();
    system.put("custom_flag", true);
    system.put("hash", hash);
    system.put("flags", List.of());
    MediaSnapshot s = image.newBuilder().extension(FilerobotFormat.SYSTEM_EXTENSION, system)
        .build();

    JsonNode file = file(format, s);
    assertThat(keys(file)).containsExactly(
        "flags", "tags", "labels", "hash", "created_at", "modified_at", "custom_flag");
    assertThat(file.get("hash").toString())
        .isEqualTo("{\"sha1\":\"67a13e1d12b0da04cda3a4e599d42cbc78ca7d98\",\"blurhash\":null}");
  }

  @Test
  void systemExtensionIsNotSentUnlessSystemMetadataIsSelected() throws IOException {
    MediaSnapshot s = image.newBuilder()
        .extension(FilerobotFormat.SYSTEM_EXTENSION, Map.of("flags", List.of())).build();

    assertThat(keys(file(upload().build(), s))).doesNotContain("flags");
  }

  @Test
  void filerobotExtensionThatIsNotAnObjectIsAFormatException() {
    FilerobotFormat format = upload().fieldGroups(FilerobotField.Group.ADDITIONAL).build();
    MediaSnapshot s = image.newBuilder().extension(FilerobotFormat.EMBEDDED_EXTENSION, "EXIF")
        .build();

    assertThatThrownBy(() -> render(format, s))
        .isInstanceOf(FormatException.class)
        .hasMessage("filerobot: snapshot extension \"filerobot.embedded\" must be a JSON object,"
            + " was String");
  }

  @Test
  void defaultSelectionIsTheFileImageAndVideoGroups() throws IOException {
    FilerobotFormat format = FilerobotFormat.create(FilerobotTrigger.UPLOAD);

    assertThat(format.fields()).containsExactly(FilerobotField.NAME, FilerobotField.SIZE,
        FilerobotField.PATH, FilerobotField.MIME_TYPE, FilerobotField.CDN_LINK,
        FilerobotField.UUID, FilerobotField.VIDEO_WIDTH, FilerobotField.VIDEO_HEIGHT,
        FilerobotField.VIDEO_LENGTH, FilerobotField.VIDEO_BITRATE,
        FilerobotField.VIDEO_PLAYLIST_URL, FilerobotField.IMAGE_WIDTH,
        FilerobotField.IMAGE_HEIGHT);
    assertThat(keys(file(format, image)))
        .containsExactly("uuid", "name", "extension", "size", "type", "info", "url");
    assertThat(keys(file(format, video)))
        .containsExactly("uuid", "name", "extension", "size", "type", "info", "url");
    assertThat(keys(file(format, video).get("url"))).containsExactly("cdn", "path", "playlist");
  }

  @ParameterizedTest
  @CsvSource({
      "0, 0 B",
      "1023, 1023 B",
      "1024, 1.00 KB",
      "1152, 1.13 KB",
      "1536, 1.50 KB",
      "109999, 107.42 KB",
      "1048575, 1024.00 KB",
      "1048576, 1.00 MB",
      "4905337, 4.68 MB",
      "2684354560, 2.50 GB",
      "1099511627776, 1.00 TB",
      "9223372036854775807, 8.00 EB"
  })
  void sizePrettyIs1024BasedWithTwoDecimalsRoundedHalfUp(long bytes, String pretty) {
    assertThat(FileObject.pretty(bytes)).isEqualTo(pretty);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/dima_test_7_en:old_1599643375 | 116675.jpeg | /dima_test_7_en%3Aold_1599643375/116675.jpeg",
      "                               | a.jpg       | /a.jpg",
      "/                              | a.jpg       | /a.jpg",
      "marketing/2026/                | a b.jpg     | /marketing/2026/a%20b.jpg",
      "/été                           | x/y~z.png   | /%C3%A9t%C3%A9/x%2Fy~z.png"
  })
  void pathIsFolderAndNameWithEachSegmentPercentEncoded(String folder, String name, String path) {
    assertThat(FileObject.path(folder, name)).isEqualTo(path);
  }

  @Test
  void datesHaveSecondPrecisionInUtcWithZ() {
    assertThat(FileObject.timestamp(Instant.parse("2020-10-27T15:37:25.999999999Z")))
        .isEqualTo("2020-10-27T15:37:25Z");
    assertThat(FileObject.timestamp(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
  }

  @Test
  void extensionIsLeftOutWhenTheNameHasNone() throws IOException {
    FilerobotFormat format = upload().fields(FilerobotField.NAME).build();

    assertThat(file(format, image.newBuilder().fileName("README").build()).toString())
        .isEqualTo("{\"name\":\"README\"}");
    assertThat(file(format, image.newBuilder().fileName(".profile").build()).toString())
        .isEqualTo("{\"name\":\".profile\"}");
  }

  @Test
  void missingIdIsAFormatExceptionNamingUuidWhenUuidIsSelected() throws IOException {
    MediaSnapshot noId = image.newBuilder().id(null).build();

    assertThatThrownBy(() -> render(upload().build(), noId))
        .isInstanceOf(FormatException.class)
        .hasMessage("filerobot: file.uuid is required but MediaSnapshot.id is not set (field UUID"
            + " is selected)");
    assertThat(file(upload().fields(FilerobotField.NAME).build(), noId).toString())
        .isEqualTo("{\"name\":\"product_0f0.jpg\",\"extension\":\"jpg\"}");
  }

  @Test
  void missingFileNameIsAFormatExceptionNamingNameWhenNameIsSelected() throws IOException {
    MediaSnapshot noName = image.newBuilder().fileName(null).build();

    assertThatThrownBy(() -> render(upload().build(), noName))
        .isInstanceOf(FormatException.class)
        .hasMessage("filerobot: file.name is required but MediaSnapshot.fileName is not set"
            + " (field NAME is selected)");
    assertThat(file(upload().fields(FilerobotField.PATH, FilerobotField.UUID).build(), noName)
        .toString()).isEqualTo("{\"uuid\":\"1f78b9d1-98fe-53db-82a4-8c9aafb50000\"}");
  }

  @Test
  void deletionDescribesTheAssetAsItWasBefore() throws IOException {
    FilerobotFormat format = FilerobotFormat.create(FilerobotTrigger.DELETE);
    WebhookPayload payload = format.render(MediaEvent.deleted(image), ATTEMPT).orElseThrow();

    JsonNode body = MAPPER.readTree(payload.bodyBytes());
    assertThat(body.get("trigger").asText()).isEqualTo("on_delete");
    assertThat(body.get("file").get("uuid").asText())
        .isEqualTo("1f78b9d1-98fe-53db-82a4-8c9aafb50000");
  }

  @Test
  void payloadIsApplicationJsonWithoutHeadersNamedAfterTheTrigger() {
    WebhookPayload payload = render(FilerobotFormat.create(FilerobotTrigger.UPLOAD), image);

    assertThat(payload.contentType()).isEqualTo("application/json");
    assertThat(payload.headers()).isEmpty();
    assertThat(payload.eventName()).isEqualTo("on_upload");
  }

  @Test
  void nonAsciiIsEscapedAsLowercaseBackslashUByDefaultAndUtf8WhenTurnedOff() {
    MediaSnapshot s = image.newBuilder().fileName("Écharpe☃.jpg").build();

    byte[] ascii = render(upload().fields(FilerobotField.NAME).build(), s).bodyBytes();
    assertThat(new String(ascii, StandardCharsets.US_ASCII))
        .contains("\"name\":\"\\u00c9charpe\\u2603.jpg\"");
    for (byte b : ascii) {
      assertThat(b & 0xff).isLessThan(0x80);
    }
    assertThat(render(upload().fields(FilerobotField.NAME).asciiOnly(false).build(), s)
        .bodyString()).contains("\"name\":\"Écharpe☃.jpg\"");
  }

  @Test
  void fullEventMatchesPythonReferenceBytes() throws IOException {
    Map<String, String> title = new LinkedHashMap<>();
    title.put("en_US", "Luxury Scarf");
    title.put("fr_FR", "Écharpe de luxe");
    Map<String, Object> hash = new LinkedHashMap<>();
    hash.put("sha1", "67a13e1d12b0da04cda3a4e599d42cbc78ca7d98");
    hash.put("blurhash", null);
    Map<String, Object> visibility = new LinkedHashMap<>();
    visibility.put("value", "VISIBILITY_INHERIT");
    visibility.put("actual", "VISIBILITY_PUBLIC");
    Map<String, Object> system = new LinkedHashMap<>();
    system.put("hash", hash);
    system.put("visibility", visibility);
    Map<String, Object> exif = new LinkedHashMap<>();
    exif.put("Make", "Canon");
    exif.put("FNumber", 2.8);
    MediaSnapshot s = MediaSnapshot.builder()
        .id("1f78b9d1-98fe-53db-82a4-8c9aafb50000")
        .url("https://fdocs.filerobot.com/api-demo/%C3%A9t%C3%A9/%C3%89charpe%20de%20luxe.jpg"
            + "?vh=123abc")
        .fileName("Écharpe de luxe.jpg")
        .folder("/api-demo/été")
        .mimeType("image/jpeg")
        .size(4_905_337L)
        .dimensions(5616, 3744)
        .metadata("sku", MetadataValue.of("SC04-GRLX6"))
        .metadata("color", MetadataValue.of(List.of("@itm_v1_70e8447c_4@")))
        .metadata("title", MetadataValue.localized(title))
        .description("Silk \"scarf\"\n\uD83D\uDE00")
        .tags("scarf", "luxe")
        .labels("hero")
        .sha1("67a13e1d12b0da04cda3a4e599d42cbc78ca7d98")
        .createdAt(Instant.parse("2020-04-03T14:19:02.123Z"))
        .modifiedAt(Instant.parse("2020-10-27T15:37:25Z"))
        .extension(FilerobotFormat.SYSTEM_EXTENSION, system)
        .extension(FilerobotFormat.EMBEDDED_EXTENSION, Map.of("EXIF", exif))
        .build();
    FilerobotFormat format = upload().fields(FilerobotField.values()).build();

    assertThat(render(format, s).bodyBytes())
        .isEqualTo(resource("/expected/filerobot/full-upload.expected.json"));
  }

  static byte[] resource(String path) throws IOException {
    try (InputStream in = FilerobotBodyTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return in.readAllBytes();
    }
  }
}
