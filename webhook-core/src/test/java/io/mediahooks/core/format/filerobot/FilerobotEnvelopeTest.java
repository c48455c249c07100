package io.mediahooks.core.format.filerobot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.core.Attempt;
import io.mediahooks.core.FormatException;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.WebhookPayload;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilerobotEnvelopeTest {
  private static final Attempt ATTEMPT =
      Attempt.of(1, "20ebdb3d-85e1-47a4-a81d-7b6c7dd1a481", Instant.parse("2024-05-06T07:08:09Z"));
  private static final MediaEvent CREATED = MediaEvent.created(MediaSnapshot.builder()
      .id("1f78b9d1-98fe-53db-82a4-8c9aafb50000").fileName("a.jpg").build());

  private static FilerobotFormat.Builder upload() {
    return FilerobotFormat.builder().on(FilerobotTrigger.UPLOAD)
        .fields(FilerobotField.UUID, FilerobotField.NAME);
  }

  private static WebhookPayload render(FilerobotFormat format) {
    return format.render(CREATED, ATTEMPT).orElseThrow();
  }

  @Test
  void defaultEnvelopeIsTriggerThenFile() {
    assertThat(render(upload().build()).bodyString()).isEqualTo("{\"trigger\":\"on_upload\","
        + "\"file\":{\"uuid\":\"1f78b9d1-98fe-53db-82a4-8c9aafb50000\",\"name\":\"a.jpg\","
        + "\"extension\":\"jpg\"}}");
  }

  @Test
  void envelopeKeysAndStaticFieldsAreConfigurable() {
    Map<String, Object> origin = new LinkedHashMap<>();
    origin.put("system", "acme-dam");
    origin.put("version", 2);
    FilerobotFormat format = upload()
        .triggerKey("event")
        .fileKey("asset")
        .envelopeField("origin", origin)
        .envelopeField("test", false)
        .envelopeField("tags", List.of("a", "b"))
        .build();

    assertThat(render(format).bodyString()).isEqualTo("{\"event\":\"on_upload\","
        + "\"asset\":{\"uuid\":\"1f78b9d1-98fe-53db-82a4-8c9aafb50000\",\"name\":\"a.jpg\","
        + "\"extension\":\"jpg\"},\"origin\":{\"system\":\"acme-dam\",\"version\":2},"
        + "\"test\":false,\"tags\":[\"a\",\"b\"]}");
  }

  @Test
  void nullTriggerKeyLeavesTheTriggerOutOfTheBodyButNamesThePayload() {
    WebhookPayload payload = render(upload().triggerKey(null).build());

    assertThat(payload.bodyString()).isEqualTo("{\"file\":{\"uuid\":"
        + "\"1f78b9d1-98fe-53db-82a4-8c9aafb50000\",\"name\":\"a.jpg\",\"extension\":\"jpg\"}}");
    assertThat(payload.eventName()).isEqualTo("on_upload");
  }

  @Test
  void nullFileKeyPutsTheFileKeysAtTheTopLevel() {
    FilerobotFormat format = upload().fileKey(null).envelopeField("source", "acme").build();

    assertThat(render(format).bodyString()).isEqualTo("{\"trigger\":\"on_upload\","
        + "\"uuid\":\"1f78b9d1-98fe-53db-82a4-8c9aafb50000\",\"name\":\"a.jpg\","
        + "\"extension\":\"jpg\",\"source\":\"acme\"}");
  }

  @Test
  void flattenedFileKeyCollidingWithAnEnvelopeKeyIsAFormatException() {
    FilerobotFormat format = FilerobotFormat.builder().on(FilerobotTrigger.UPLOAD)
        .fields(FilerobotField.SYSTEM_METADATA).fileKey(null).envelopeField("source", "acme")
        .build();
    MediaEvent event = MediaEvent.created(MediaSnapshot.builder()
        .extension(FilerobotFormat.SYSTEM_EXTENSION, Map.of("source", "upload-widget")).build());

    assertThatThrownBy(() -> format.render(event, ATTEMPT))
        .isInstanceOf(FormatException.class)
        .hasMessageStartingWith("filerobot: body key \"source\" is both a file key and an"
            + " envelope key");
  }

  @Test
  void envelopeKeysMustBeDistinctAtBuildTime() {
    assertThatThrownBy(() -> upload().envelopeField("trigger", "x").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("envelopeField \"trigger\" is already a body key");
    assertThatThrownBy(() -> upload().triggerKey("file").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("fileKey \"file\" is already a body key");
    assertThatThrownBy(() -> upload().fileKey(null).triggerKey("name").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("triggerKey \"name\" is also a file object key");
    assertThatThrownBy(() -> upload().fileKey(null).envelopeField("uuid", "x").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("envelopeField \"uuid\" is already a body key");
  }

  @Test
  void envelopeFieldMustBeAJsonValue() {
    assertThatThrownBy(() -> upload().envelopeField("ratio", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("envelopeField ratio is NaN, which JSON cannot represent");
    assertThatThrownBy(() -> upload().envelopeField("when", Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("envelopeField when is a java.time.Instant, which is not"
            + " JSON-compatible");
    assertThatThrownBy(() -> upload().triggerKey(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("triggerKey must not be blank");
  }

  @Test
  void defaultTriggerNamesAreOnSnakeCase() {
    Map<FilerobotTrigger, String> expected = new EnumMap<>(FilerobotTrigger.class);
    expected.put(FilerobotTrigger.UPLOAD, "on_upload");
    expected.put(FilerobotTrigger.MOVE, "on_move");
    expected.put(FilerobotTrigger.RENAME, "on_rename");
    expected.put(FilerobotTrigger.DELETE, "on_delete");
    expected.put(FilerobotTrigger.CHANGE_META, "on_change_meta");
    expected.put(FilerobotTrigger.CHANGE_INFO, "on_change_info");
    expected.put(FilerobotTrigger.CHANGE_TAG, "on_change_tag");
    expected.put(FilerobotTrigger.CHANGE_LABEL, "on_change_label");
    FilerobotFormat format = upload().build();

    for (FilerobotTrigger t : FilerobotTrigger.values()) {
      assertThat(format.triggerName(t)).isEqualTo(expected.get(t));
    }
  }

  @Test
  void permissionNamingUsesTheApiPermissionVocabulary() {
    Map<FilerobotTrigger, String> expected = new EnumMap<>(FilerobotTrigger.class);
    expected.put(FilerobotTrigger.UPLOAD, "FILE_UPLOAD");
    expected.put(FilerobotTrigger.MOVE, "FILE_MOVE");
    expected.put(FilerobotTrigger.RENAME, "FILE_RENAME");
    expected.put(FilerobotTrigger.DELETE, "FILE_DELETE");
    expected.put(FilerobotTrigger.CHANGE_META, "FILE_META_CHANGE");
    expected.put(FilerobotTrigger.CHANGE_INFO, "FILE_INFO_CHANGE");
    expected.put(FilerobotTrigger.CHANGE_TAG, "FILE_TAG_CHANGE");
    expected.put(FilerobotTrigger.CHANGE_LABEL, "FILE_LABEL_CHANGE");
    FilerobotFormat format = upload().triggerNaming(FilerobotTriggerNaming.PERMISSION).build();

    for (FilerobotTrigger t : FilerobotTrigger.values()) {
      assertThat(format.triggerName(t)).isEqualTo(expected.get(t));
    }
    WebhookPayload payload = render(format);
    assertThat(payload.eventName()).isEqualTo("FILE_UPLOAD");
    assertThat(payload.bodyString()).startsWith("{\"trigger\":\"FILE_UPLOAD\",");
  }

  @Test
  void customTriggerNameOverridesTheVocabularyForThatTriggerOnly() {
    FilerobotFormat format = upload()
        .triggerNaming(FilerobotTriggerNaming.PERMISSION)
        .triggerName(FilerobotTrigger.UPLOAD, "asset.uploaded")
        .build();

    WebhookPayload payload = render(format);
    assertThat(payload.eventName()).isEqualTo("asset.uploaded");
    assertThat(payload.bodyString()).startsWith("{\"trigger\":\"asset.uploaded\",");
    assertThat(format.triggerName(FilerobotTrigger.DELETE)).isEqualTo("FILE_DELETE");
  }

  @Test
  void renderingDoesNotDependOnTheAttempt() {
    FilerobotFormat format = upload().build();
    Attempt later = Attempt.of(3, "b1c1f8a4-0000-4000-8000-000000000003",
        Instant.parse("2024-05-06T09:00:00Z"));

    assertThat(format.render(CREATED, later)).isEqualTo(format.render(CREATED, ATTEMPT));
  }
}
