package io.mediahooks.core.format.filerobot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.core.Attempt;
import io.mediahooks.core.MediaChange;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.MetadataValue;
import io.mediahooks.core.WebhookPayload;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FilerobotTriggersTest {
  private static final Attempt ATTEMPT =
      Attempt.of(1, "20ebdb3d-85e1-47a4-a81d-7b6c7dd1a481", Instant.parse("2024-05-06T07:08:09Z"));

  private final MediaSnapshot asset = MediaSnapshot.builder()
      .id("1f78b9d1-98fe-53db-82a4-8c9aafb50000")
      .fileName("product_0f0.jpg")
      .folder("/api-demo")
      .mimeType("image/jpeg")
      .metadata("status", MetadataValue.of("draft"))
      .metadata("copyright", MetadataValue.of("ACME"))
      .build();

  private final FilerobotFormat all = FilerobotFormat.create(FilerobotTrigger.values());

  private MediaEvent update(MediaSnapshot after) {
    return MediaEvent.updated(asset, after);
  }

  private static String triggerOf(FilerobotFormat format, MediaEvent event) {
    Optional<WebhookPayload> payload = format.render(event, ATTEMPT);
    assertThat(payload).isPresent();
    assertThat(format.skipReason(event)).isEmpty();
    return payload.get().eventName();
  }

  @Test
  void createdFiresUpload() {
    assertThat(triggerOf(all, MediaEvent.created(asset))).isEqualTo("on_upload");
  }

  @Test
  void deletedFiresDelete() {
    assertThat(triggerOf(all, MediaEvent.deleted(asset))).isEqualTo("on_delete");
  }

  @Test
  void folderChangeFiresMove() {
    assertThat(triggerOf(all, update(asset.newBuilder().folder("/archive").build())))
        .isEqualTo("on_move");
  }

  @Test
  void fileNameChangeFiresRename() {
    assertThat(triggerOf(all, update(asset.newBuilder().fileName("scarf.jpg").build())))
        .isEqualTo("on_rename");
  }

  @Test
  void anyMetadataChangeFiresChangeMetaWhenConfiguredForAnyField() {
    FilerobotFormat format = FilerobotFormat.builder().onMetaChange().build();
    MediaEvent event =
        update(asset.newBuilder().metadata("sku", MetadataValue.of("SC04")).build());
    assertThat(triggerOf(format, event)).isEqualTo("on_change_meta");
    assertThat(triggerOf(FilerobotFormat.create(FilerobotTrigger.CHANGE_META), event))
        .isEqualTo("on_change_meta");
  }

  @Test
  void specificMetaFieldFiresOnlyWhenThatFieldChanges() {
    FilerobotFormat format = FilerobotFormat.builder().onMetaChange("copyright").build();
    MediaEvent copyright =
        update(asset.newBuilder().metadata("copyright", MetadataValue.of("Scaleflex")).build());
    MediaEvent removed = update(asset.newBuilder().metadata("copyright", null).build());
    MediaEvent status =
        update(asset.newBuilder().metadata("status", MetadataValue.of("approved")).build());

    assertThat(triggerOf(format, copyright)).isEqualTo("on_change_meta");
    assertThat(triggerOf(format, removed)).isEqualTo("on_change_meta");
    assertThat(format.render(status, ATTEMPT)).isEmpty();
    assertThat(format.skipReason(status)).contains(
        "filerobot: no configured trigger matches; event UPDATED changes [METADATA], triggers"
            + " [CHANGE_META(copyright)]");
  }

  @Test
  void metaFieldAndValueFiresOnlyWhenTheFieldChangesToThatValue() {
    FilerobotFormat format = FilerobotFormat.builder().onMetaChange("status", "approved").build();
    MediaEvent approved =
        update(asset.newBuilder().metadata("status", MetadataValue.of("approved")).build());
    MediaEvent review =
        update(asset.newBuilder().metadata("status", MetadataValue.of("review")).build());
    MediaEvent otherFieldApproved = update(asset.newBuilder()
        .metadata("legal", MetadataValue.of("approved")).build());

    assertThat(triggerOf(format, approved)).isEqualTo("on_change_meta");
    assertThat(format.skipReason(review)).contains(
        "filerobot: no configured trigger matches; event UPDATED changes [METADATA], triggers"
            + " [CHANGE_META(status=approved)]");
    assertThat(format.render(otherFieldApproved, ATTEMPT)).isEmpty();
  }

  @Test
  void metaValueMatchesAListElementOrALocaleText() {
    FilerobotFormat format = FilerobotFormat.builder().onMetaChange("status", "approved").build();
    MediaEvent list = update(asset.newBuilder()
        .metadata("status", MetadataValue.of("legal-ok", "approved")).build());
    MediaEvent localized = update(asset.newBuilder()
        .metadata("status", MetadataValue.localized(Map.of("en_US", "approved"))).build());
    MediaEvent caseDiffers =
        update(asset.newBuilder().metadata("status", MetadataValue.of("Approved")).build());

    assertThat(triggerOf(format, list)).isEqualTo("on_change_meta");
    assertThat(triggerOf(format, localized)).isEqualTo("on_change_meta");
    assertThat(format.render(caseDiffers, ATTEMPT)).isEmpty();
  }

  @Test
  void anyFieldChangedToValueFiresChangeMeta() {
    FilerobotFormat format = FilerobotFormat.builder().onAnyMetaChangeTo("approved").build();
    MediaEvent legal =
        update(asset.newBuilder().metadata("legal", MetadataValue.of("approved")).build());
    MediaEvent draft =
        update(asset.newBuilder().metadata("legal", MetadataValue.of("draft")).build());

    assertThat(triggerOf(format, legal)).isEqualTo("on_change_meta");
    assertThat(format.skipReason(draft)).get().asString()
        .endsWith("triggers [CHANGE_META(any field=approved)]");
  }

  @Test
  void severalMetaConditionsFireWhenAnyOfThemMatches() {
    FilerobotFormat format = FilerobotFormat.builder()
        .onMetaChange("copyright")
        .onMetaChange("status", "approved")
        .build();
    MediaEvent approved =
        update(asset.newBuilder().metadata("status", MetadataValue.of("approved")).build());

    assertThat(triggerOf(format, approved)).isEqualTo("on_change_meta");
    assertThat(format.toString()).contains("CHANGE_META(copyright, status=approved)");
  }

  @Test
  void titleOrDescriptionChangeFiresChangeInfo() {
    assertThat(triggerOf(all, update(asset.newBuilder().title("Luxury Scarf").build())))
        .isEqualTo("on_change_info");
    assertThat(triggerOf(all, update(asset.newBuilder().description("Silk").build())))
        .isEqualTo("on_change_info");
  }

  @Test
  void tagChangeFiresChangeTag() {
    assertThat(triggerOf(all, update(asset.newBuilder().tags("scarf").build())))
        .isEqualTo("on_change_tag");
  }

  @Test
  void labelChangeFiresChangeLabel() {
    assertThat(triggerOf(all, update(asset.newBuilder().labels("hero").build())))
        .isEqualTo("on_change_label");
  }

  @Test
  void eventMatchingSeveralTriggersIsSentOnceNamingTheFirstInFilerobotOrder() {
    MediaEvent event = update(asset.newBuilder()
        .fileName("scarf.jpg")
        .folder("/archive")
        .tags("scarf")
        .labels("hero")
        .title("Scarf")
        .metadata("status", MetadataValue.of("approved"))
        .build());
    assertThat(event.changes()).containsExactly(MediaChange.RENAME, MediaChange.MOVE,
        MediaChange.METADATA, MediaChange.INFO, MediaChange.TAGS, MediaChange.LABELS);

    assertThat(triggerOf(all, event)).isEqualTo("on_move");
    assertThat(all.triggerFor(event)).contains(FilerobotTrigger.MOVE);
    FilerobotFormat withoutMove = FilerobotFormat.create(FilerobotTrigger.CHANGE_LABEL,
        FilerobotTrigger.CHANGE_TAG, FilerobotTrigger.RENAME);
    assertThat(triggerOf(withoutMove, event)).isEqualTo("on_rename");
    FilerobotFormat tagsAndLabels =
        FilerobotFormat.create(FilerobotTrigger.CHANGE_LABEL, FilerobotTrigger.CHANGE_TAG);
    assertThat(triggerOf(tagsAndLabels, event)).isEqualTo("on_change_tag");
    FilerobotFormat metaAndInfo = FilerobotFormat.builder()
        .on(FilerobotTrigger.CHANGE_INFO).onMetaChange("status", "approved").build();
    assertThat(triggerOf(metaAndInfo, event)).isEqualTo("on_change_meta");
  }

  @Test
  void eventMatchingNoConfiguredTriggerRendersEmptyWithAReason() {
    FilerobotFormat format = FilerobotFormat.create(FilerobotTrigger.UPLOAD,
        FilerobotTrigger.DELETE);
    MediaEvent tags = update(asset.newBuilder().tags("scarf").build());

    assertThat(format.render(tags, ATTEMPT)).isEmpty();
    assertThat(format.skipReason(tags)).contains("filerobot: no configured trigger matches;"
        + " event UPDATED changes [TAGS], triggers [UPLOAD, DELETE]");
  }

  @Test
  void createdEventIsSkippedWhenUploadIsNotConfigured() {
    FilerobotFormat format = FilerobotFormat.create(FilerobotTrigger.DELETE,
        FilerobotTrigger.RENAME);
    MediaEvent created = MediaEvent.created(asset);

    assertThat(format.render(created, ATTEMPT)).isEmpty();
    assertThat(format.skipReason(created)).contains("filerobot: no configured trigger matches;"
        + " event CREATED changes [], triggers [RENAME, DELETE]");
  }

  @Test
  void skipReasonsNameEachEventsOwnTypeAndChangesEveryTime() {
    // Reasons are built once per type and changes; the same changes under another type, or the
    // same type with other changes, must each get their own text, every time.
    FilerobotFormat format = FilerobotFormat.builder().onMetaChange().build();
    MediaEvent createdMeta = MediaEvent.builder(MediaEventType.CREATED).after(asset)
        .changes(MediaChange.METADATA).build();
    MediaEvent deletedMeta = MediaEvent.builder(MediaEventType.DELETED).before(asset)
        .changes(MediaChange.METADATA).build();
    MediaEvent renamed = update(asset.newBuilder().fileName("other.jpg").build());
    String triggers = ", triggers [CHANGE_META(any field)]";
    for (int round = 0; round < 2; round++) {
      assertThat(format.skipReason(createdMeta)).contains("filerobot: no configured trigger"
          + " matches; event CREATED changes [METADATA]" + triggers);
      assertThat(format.skipReason(deletedMeta)).contains("filerobot: no configured trigger"
          + " matches; event DELETED changes [METADATA]" + triggers);
      assertThat(format.skipReason(renamed)).contains("filerobot: no configured trigger"
          + " matches; event UPDATED changes [RENAME]" + triggers);
    }
  }

  @Test
  void metadataChangesNeverFireOnCreatedOrDeletedEvents() {
    FilerobotFormat format = FilerobotFormat.builder().onMetaChange().build();
    MediaEvent created = MediaEvent.builder(MediaEventType.CREATED).after(asset)
        .changes(MediaChange.METADATA).build();

    assertThat(format.render(created, ATTEMPT)).isEmpty();
    assertThat(format.render(MediaEvent.deleted(asset), ATTEMPT)).isEmpty();
  }

  @Test
  void contentOnlyUpdateIsSkippedByDefaultBecauseFilerobotHasNoReplaceTrigger() {
    MediaEvent reupload = update(asset.newBuilder().size(2048L).sha1(
        "67a13e1d12b0da04cda3a4e599d42cbc78ca7d98").build());
    assertThat(reupload.changes()).containsExactly(MediaChange.CONTENT);

    assertThat(all.render(reupload, ATTEMPT)).isEmpty();
    assertThat(all.skipReason(reupload)).get().asString()
        .startsWith("filerobot: no configured trigger matches; event UPDATED changes [CONTENT]")
        .endsWith("(Filerobot documents no trigger for a re-upload; see replaceAsUpload)");
  }

  @Test
  void reuploadAndRestoreFireUploadWhenReplaceAsUploadIsOn() {
    FilerobotFormat format = FilerobotFormat.builder()
        .on(FilerobotTrigger.UPLOAD, FilerobotTrigger.RENAME)
        .replaceAsUpload(true)
        .build();
    MediaEvent reupload = update(asset.newBuilder().size(2048L).fileName("b.jpg").build());
    MediaEvent restore = MediaEvent.builder(MediaEventType.UPDATED).before(asset).after(asset)
        .changes(MediaChange.RESTORE).build();

    assertThat(triggerOf(format, reupload)).isEqualTo("on_upload");
    assertThat(triggerOf(format, restore)).isEqualTo("on_upload");
  }

  @Test
  void updateWithNoChangesIsSkipped() {
    MediaEvent touch = update(asset.newBuilder().modifiedAt(Instant.EPOCH).build());

    assertThat(touch.changes()).isEmpty();
    assertThat(all.render(touch, ATTEMPT)).isEmpty();
    assertThat(all.skipReason(touch)).get().asString()
        .contains("event UPDATED changes []").doesNotContain("re-upload");
  }

  @Test
  void explicitChangesDecideTheTrigger() {
    MediaEvent declared = MediaEvent.builder(MediaEventType.UPDATED).before(asset)
        .after(asset.newBuilder().fileName("scarf.jpg").build())
        .changes(MediaChange.TAGS).build();

    assertThat(triggerOf(all, declared)).isEqualTo("on_change_tag");
  }

  @Test
  void buildingWithoutTriggersFails() {
    assertThatThrownBy(() -> FilerobotFormat.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no triggers");
  }

  @Test
  void blankMetaFieldIsRejected() {
    assertThatThrownBy(() -> FilerobotFormat.builder().onMetaChange(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field must not be blank");
  }
}
