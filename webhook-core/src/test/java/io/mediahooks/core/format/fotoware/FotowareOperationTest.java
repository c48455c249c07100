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
import io.mediahooks.core.MediaChange;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.MetadataValue;
import io.mediahooks.core.internal.json.JsonDialect;
import io.mediahooks.core.internal.json.JsonWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** operation-name selection, the data shape of each operation, and the diffs. */
class FotowareOperationTest {
  private final FotowareAssetFormat format = FotowareAssetFormat.json();
  private final MediaSnapshot photo = photo();

  private JsonNode update(MediaSnapshot after) {
    return body(format, updated(photo, after));
  }

  private JsonNode update(MediaSnapshot after, MediaChange... changes) {
    return body(format, SampleEvents.at(MediaEventType.UPDATED)
        .before(photo).after(after).changes(changes).build());
  }

  @Test
  void ingestedIsUploadWithTheRepresentationAsData() {
    JsonNode body = body(format, created(photo));

    assertThat(body.get("operation-name").asText()).isEqualTo("upload");
    assertThat(body.at("/data/filename").asText()).isEqualTo("IMG 2019 harbour.jpg");
    assertThat(body.at("/data/asset").isMissingNode()).isTrue();
  }

  @Test
  void deletedHasNoOperationNameAndTheRepresentationAsData() {
    JsonNode body = body(format, deleted(photo));

    assertThat(body.has("operation-name")).isFalse();
    assertThat(body.has("previous-name")).isFalse();
    assertThat(body.at("/data/filename").asText()).isEqualTo("IMG 2019 harbour.jpg");
  }

  @Test
  void metadataChangeIsUpdateMetadataWithAssetAssetBeforeAndMetadataDiff() {
    JsonNode body = update(photo.newBuilder()
        .metadata("copyright", MetadataValue.of("Other Ltd")).build());

    assertThat(body.get("operation-name").asText()).isEqualTo("updateMetadata");
    assertThat(keys(body.get("data"))).containsExactly("asset", "assetBefore", "metadataDiff");
    assertThat(body.at("/data/asset/metadata/116/value").asText()).isEqualTo("Other Ltd");
    assertThat(body.at("/data/assetBefore/metadata/116/value").asText()).isEqualTo("ACME Ltd");
  }

  @Test
  void infoTagsMoveOrNoChangeAreAllUpdateMetadata() {
    assertThat(update(photo.newBuilder().description("new").build())
        .get("operation-name").asText()).isEqualTo("updateMetadata");
    assertThat(update(photo.newBuilder().tags("x").build())
        .get("operation-name").asText()).isEqualTo("updateMetadata");
    assertThat(update(photo.newBuilder().folder("Elsewhere").build())
        .get("operation-name").asText()).isEqualTo("updateMetadata");
    assertThat(update(photo).get("operation-name").asText()).isEqualTo("updateMetadata");
  }

  @Test
  void renameAloneIsRenameWithOnlyTheAssetAndThePreviousName() {
    JsonNode body = update(photo.newBuilder().fileName("harbour-at-dusk.jpg").build());

    assertThat(body.get("operation-name").asText()).isEqualTo("rename");
    assertThat(body.get("previous-name").asText()).isEqualTo("IMG 2019 harbour.jpg");
    assertThat(keys(body.get("data"))).containsExactly("asset");
    assertThat(body.at("/data/asset/filename").asText()).isEqualTo("harbour-at-dusk.jpg");
    // Inferred position: right after operation-name, before data.
    List<String> keys = keys(body);
    assertThat(keys.indexOf("previous-name")).isEqualTo(keys.indexOf("operation-name") + 1);
  }

  @Test
  void renameWithMetadataChangesIsStillRenameSoReceiversFindTheOldName() {
    JsonNode body = update(photo.newBuilder()
        .fileName("harbour-at-dusk.jpg").title("New title").tags("new").build());

    assertThat(body.get("operation-name").asText()).isEqualTo("rename");
    assertThat(body.get("previous-name").asText()).isEqualTo("IMG 2019 harbour.jpg");
    assertThat(body.at("/data/asset/metadata/5/value").asText()).isEqualTo("New title");
    assertThat(body.get("title").asText()).isEqualTo("New title");
  }

  @Test
  void contentChangeIsUploadWithAssetBeforeAndNoPreviousName() {
    JsonNode body = update(photo.newBuilder().size(250_000L).fileName("renamed.jpg").build());

    assertThat(body.get("operation-name").asText()).isEqualTo("upload");
    assertThat(body.has("previous-name")).isFalse();
    assertThat(keys(body.get("data"))).containsExactly("asset", "assetBefore", "metadataDiff");
    assertThat(body.at("/data/assetBefore/filename").asText()).isEqualTo("IMG 2019 harbour.jpg");
    assertThat(body.get("file-size").asText()).isEqualTo("250000");
  }

  @Test
  void restoreWinsOverEverythingAndSendsRevisionsDiff() {
    JsonNode body = update(photo.newBuilder().revision("1").fileName("x.jpg").build(),
        MediaChange.RESTORE, MediaChange.CONTENT, MediaChange.RENAME);

    assertThat(body.get("operation-name").asText()).isEqualTo("restoreRevision");
    assertThat(body.has("previous-name")).isFalse();
    assertThat(keys(body.get("data"))).containsExactly("asset", "revisionsDiff");
    assertThat(body.at("/data/revisionsDiff")).isEqualTo(node("{\"old\": \"2\", \"new\": \"1\"}"));
  }

  @Test
  void precedenceIsRestoreThenContentThenRenameThenUpdateMetadata() {
    assertThat(FotowareAssetFormat.operationName(
        EnumSet.allOf(MediaChange.class))).isEqualTo("restoreRevision");
    assertThat(FotowareAssetFormat.operationName(EnumSet.of(
        MediaChange.CONTENT, MediaChange.RENAME, MediaChange.METADATA))).isEqualTo("upload");
    assertThat(FotowareAssetFormat.operationName(EnumSet.of(
        MediaChange.RENAME, MediaChange.METADATA, MediaChange.MOVE))).isEqualTo("rename");
    assertThat(FotowareAssetFormat.operationName(EnumSet.of(
        MediaChange.METADATA, MediaChange.INFO, MediaChange.TAGS, MediaChange.LABELS,
        MediaChange.MOVE))).isEqualTo("updateMetadata");
    assertThat(FotowareAssetFormat.operationName(EnumSet.noneOf(MediaChange.class)))
        .isEqualTo("updateMetadata");
  }

  @Test
  void previousNameAppearsOnlyOnRename() {
    List<MediaEvent> others = List.of(
        created(photo),
        deleted(photo),
        updated(photo, photo.newBuilder().title("t").build()),
        updated(photo, photo.newBuilder().size(1L).build()),
        SampleEvents.at(MediaEventType.UPDATED).before(photo).after(photo)
            .changes(MediaChange.RESTORE).build());
    for (MediaEvent e : others) {
      assertThat(body(format, e).has("previous-name")).as(e.toString()).isFalse();
    }
  }

  @Test
  void metadataDiffHasTheCapturedShapeByteForByte() {
    MediaSnapshot before = MediaSnapshot.builder().fileName("t.jpeg").build();
    MediaSnapshot after = before.newBuilder().tags("Taggy").build();

    String body = render(format, updated(before, after)).bodyString();

    assertThat(body).contains("\"metadataDiff\": {\"changedFields\": [{\"field\": {\"id\": 25,"
        + " \"label\": \"Keywords\"}, \"diff\": {\"old\": null, \"new\": {\"values\":"
        + " [{\"s\": \"Taggy\"}]}, \"added\": {\"values\": [{\"s\": \"Taggy\"}]}}}]}}");
  }

  @Test
  void changedSingleValueListsOldNewAddedAndRemoved() {
    JsonNode diff = update(photo.newBuilder().title("Harbour at night").build())
        .at("/data/metadataDiff/changedFields");

    assertThat(diff).hasSize(1);
    assertThat(diff.get(0)).isEqualTo(node("{\"field\": {\"id\": 5, \"label\": \"Title\"},"
        + " \"diff\": {\"old\": {\"values\": [{\"s\": \"Harbour at dusk\"}]},"
        + " \"new\": {\"values\": [{\"s\": \"Harbour at night\"}]},"
        + " \"added\": {\"values\": [{\"s\": \"Harbour at night\"}]},"
        + " \"removed\": {\"values\": [{\"s\": \"Harbour at dusk\"}]}}}"));
  }

  @Test
  void removedFieldHasNullNewAndOnlyRemoved() {
    JsonNode entry = update(photo.newBuilder().creators(List.of()).build())
        .at("/data/metadataDiff/changedFields/0");

    assertThat(entry.at("/field/id").asInt()).isEqualTo(80);
    assertThat(entry.at("/diff/new").isNull()).isTrue();
    assertThat(entry.at("/diff/removed/values")).hasSize(2);
    assertThat(entry.at("/diff").has("added")).isFalse();
  }

  @Test
  void unchangedAndUnmappedFieldsAreNotInTheDiff() {
    JsonNode changed = update(photo.newBuilder()
        .alt("alt text")
        .labels("red")
        .metadata("sku", MetadataValue.of("A-1"))
        .tags("harbour", "dusk", "boats")
        .build())
        .at("/data/metadataDiff/changedFields");

    assertThat(changed).hasSize(1);
    assertThat(changed.at("/0/field/id").asInt()).isEqualTo(25);
    assertThat(changed.at("/0/diff/added")).isEqualTo(node("{\"values\": [{\"s\": \"boats\"}]}"));
  }

  @Test
  void hostSuppliedMetadataDiffAndRevisionsDiffAreSentAsGiven() {
    Map<String, Object> diff = Map.of("changedFields", List.of(Map.of("custom", true)));
    MediaSnapshot after = photo.newBuilder().title("t")
        .extension(FotowareAssetFormat.METADATA_DIFF_EXTENSION, diff)
        .extension(FotowareAssetFormat.REVISIONS_DIFF_EXTENSION, Map.of("revisions", List.of(1)))
        .build();

    assertThat(update(after).at("/data/metadataDiff"))
        .isEqualTo(node(JsonWriter.toString(diff, JsonDialect.PYTHON)));
    assertThat(update(after, MediaChange.RESTORE).at("/data/revisionsDiff"))
        .isEqualTo(node("{\"revisions\": [1]}"));
  }

  @Test
  void moveOnlyUpdatesAreSentUnlessSkipMovesIsOn() {
    MediaEvent move = updated(photo, photo.newBuilder().folder("Elsewhere").build());
    FotowareAssetFormat skipping = format.newBuilder().skipMoves(true).build();

    assertThat(format.skipReason(move)).isEmpty();
    assertThat(body(format, move).at("/data/metadataDiff/changedFields")).isEmpty();
    assertThat(skipping.skipReason(move)).hasValueSatisfying(
        r -> assertThat(r).contains("no asset-modified webhook for a move"));
    assertThat(skipping.render(move, Fixtures.ATTEMPT)).isEmpty();
    // A move with anything else is still sent.
    MediaEvent moveAndRetitle =
        updated(photo, photo.newBuilder().folder("Elsewhere").title("t").build());
    assertThat(skipping.skipReason(moveAndRetitle)).isEmpty();
    assertThat(skipping.skipReason(created(photo))).isEmpty();
  }
}
