package io.mediahooks.core.format.filerobot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.core.Attempt;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.MetadataValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Structural comparisons with the vendor's (partial) REST API file objects and the inferred
 * webhook placeholder, copied from shared/fixtures/filerobot with their .source.txt.
 */
class FilerobotFixtureTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Attempt ATTEMPT =
      Attempt.of(1, "20ebdb3d-85e1-47a4-a81d-7b6c7dd1a481", Instant.parse("2024-05-06T07:08:09Z"));

  private static JsonNode fixture(String name) throws IOException {
    return MAPPER.readTree(FilerobotBodyTest.resource("/fixtures/filerobot/" + name));
  }

  private static String renderUpload(FilerobotFormat format, MediaSnapshot s) {
    return format.render(MediaEvent.created(s), ATTEMPT).orElseThrow().bodyString();
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void defaultUploadMatchesTheInferredPlaceholderPlusTheApiExtensionKey() throws IOException {
    JsonNode expected = fixture("webhook-on-upload.inferred.json");
    MediaSnapshot s = MediaSnapshot.builder()
        .id("1f78b9d1-98fe-53db-82a4-8c9aafb50000")
        .fileName("product_0f0.jpg")
        .folder("/api-demo")
        .size(4_905_337L)
        .mimeType("image/jpeg")
        .dimensions(5616, 3744)
        .url("https://fdocs.filerobot.com/api-demo/product_0f0.jpg?vh=123abc")
        .build();

    JsonNode actual = MAPPER.readTree(renderUpload(FilerobotFormat.create(
        FilerobotTrigger.UPLOAD), s));

    // The placeholder predates the API v4 "extension" key, which NAME also renders.
    assertThat(actual.get("file").get("extension").asText()).isEqualTo("jpg");
    ((ObjectNode) actual.get("file")).remove("extension");
    assertThat(actual).isEqualTo(expected);
    assertThat(keys(actual)).isEqualTo(keys(expected));
    assertThat(keys(actual.get("file"))).isEqualTo(keys(expected.get("file")));
    assertThat(keys(actual.get("file").get("info")))
        .isEqualTo(keys(expected.get("file").get("info")));
    assertThat(keys(actual.get("file").get("url")))
        .isEqualTo(keys(expected.get("file").get("url")));
  }

  @Test
  void apiFileObjectFieldsWeRenderEqualTheVendorsDataModelExample() throws IOException {
    JsonNode expected = fixture("api-file-object.docs-partial.json").get("file");
    Map<String, String> title = new LinkedHashMap<>();
    title.put("de_DE", "Luxusschal");
    title.put("en_US", "Luxury Scarf");
    title.put("fr_FR", "Écharpe de luxe");
    title.put("it_IT", "Sciarpa di lusso");
    Map<String, Object> system = new LinkedHashMap<>();
    system.put("flags", List.of());
    system.put("visibility",
        MAPPER.convertValue(expected.get("visibility"), LinkedHashMap.class));
    MediaSnapshot s = MediaSnapshot.builder()
        .id("1f78b9d1-98fe-53db-82a4-8c9aafb50000")
        .fileName("product_0f0.jpg")
        .size(4_905_337L)
        .mimeType("image/jpeg")
        .dimensions(5616, 3744)
        .metadata("sku", MetadataValue.of("SC04-GRLX6"))
        .metadata("color", MetadataValue.of(List.of("@itm_v1_70e8447c_4@")))
        .metadata("price", MetadataValue.of("110"))
        .metadata("title", MetadataValue.localized(title))
        .metadata("category", MetadataValue.of(List.of("@itm_v1_b2439f66_c@")))
        .metadata("material", MetadataValue.of("40% silk, 40% Merino wool, 20% cotton"))
        .metadata("description", MetadataValue.localized(title))
        .metadata("available_from1", MetadataValue.of("2021-05-06"))
        .extension(FilerobotFormat.SYSTEM_EXTENSION, system)
        .build();
    FilerobotFormat format = FilerobotFormat.builder().on(FilerobotTrigger.UPLOAD)
        .fields(FilerobotField.UUID, FilerobotField.NAME, FilerobotField.SIZE,
            FilerobotField.MIME_TYPE, FilerobotField.IMAGE_WIDTH, FilerobotField.IMAGE_HEIGHT,
            FilerobotField.CUSTOM_METADATA, FilerobotField.SYSTEM_METADATA)
        .build();

    String body = renderUpload(format, s);
    JsonNode actual = MAPPER.readTree(body).get("file");

    for (String key : List.of("uuid", "name", "extension", "size", "type", "meta", "flags",
        "visibility")) {
      assertThat(actual.get(key)).as(key).isEqualTo(expected.get(key));
    }
    // The example's info also has img_type and visibility, which no webhook field selects.
    assertThat(actual.get("info").get("img_h")).isEqualTo(expected.get("info").get("img_h"));
    assertThat(actual.get("info").get("img_w")).isEqualTo(expected.get("info").get("img_w"));
    assertThat(keys(actual.get("meta"))).isEqualTo(keys(expected.get("meta")));
    assertThat(keys(actual.get("info"))).containsExactly("img_h", "img_w");
    // Rendered keys, derived or from filerobot.system, come in the API object's order.
    List<String> apiOrder = keys(expected);
    List<String> shared = new ArrayList<>(keys(actual));
    shared.retainAll(apiOrder);
    List<String> expectedOrder = new ArrayList<>(apiOrder);
    expectedOrder.retainAll(shared);
    assertThat(shared).isEqualTo(expectedOrder);
    // The vendor's example escapes non-ASCII (ensure_ascii-style); so do we.
    assertThat(body).contains("\"fr_FR\":\"\\u00c9charpe de luxe\"");
  }

  @Test
  void searchResultFieldsWeRenderEqualTheVendorsSearchExample() throws IOException {
    JsonNode expected = fixture("api-file-object-search.docs-partial.json");
    MediaSnapshot s = MediaSnapshot.builder()
        .id("896c409f-c89d-54fc-9881-5fc6f8450000")
        .fileName("116675.jpeg")
        .folder("/dima_test_7_en:old_1599643375")
        .size(109_999L)
        .mimeType("image/jpeg")
        .dimensions(1000, 563)
        .url("https://fusqadtm.filerobot.com/dima_test_7_en%3Aold_1599643375/116675.jpeg"
            + "?vh=67a13e")
        .sha1("67a13e1d12b0da04cda3a4e599d42cbc78ca7d98")
        .build();
    FilerobotFormat format = FilerobotFormat.builder().on(FilerobotTrigger.UPLOAD)
        .fieldGroups(FilerobotField.Group.FILE, FilerobotField.Group.IMAGE)
        .fields(FilerobotField.SYSTEM_METADATA)
        .build();

    JsonNode actual = MAPPER.readTree(renderUpload(format, s)).get("file");

    for (String key : List.of("uuid", "name", "size", "type")) {
      assertThat(actual.get(key)).as(key).isEqualTo(expected.get(key));
    }
    ObjectNode info = ((ObjectNode) expected.get("info").deepCopy());
    info.remove("img_type");
    assertThat(actual.get("info")).isEqualTo(info);
    assertThat(actual.get("url").get("cdn")).isEqualTo(expected.get("url").get("cdn"));
    assertThat(actual.get("url").get("path")).isEqualTo(expected.get("url").get("path"));
    assertThat(actual.get("hash").get("sha1")).isEqualTo(expected.get("hash").get("sha1"));
  }

  @Test
  void fixturesAreCopiedWithTheirSourceNotes() throws IOException {
    for (String name : List.of("api-file-object.docs-partial",
        "api-file-object-search.docs-partial", "webhook-on-upload.inferred")) {
      String source = new String(
          FilerobotBodyTest.resource("/fixtures/filerobot/" + name + ".source.txt"),
          StandardCharsets.UTF_8);
      assertThat(source).as(name).isNotBlank();
    }
    Iterator<String> it = fixture("webhook-on-upload.inferred.json").fieldNames();
    assertThat(it.next()).isEqualTo("trigger");
  }
}
