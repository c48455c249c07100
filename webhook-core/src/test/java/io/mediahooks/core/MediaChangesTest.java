package io.mediahooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MediaChangesTest {
  private static final MediaSnapshot BASE = MediaSnapshot.builder()
      .id("a1")
      .url("https://cdn.example.com/a.jpg")
      .fileName("a.jpg")
      .folder("/x")
      .mimeType("image/jpeg")
      .size(10L)
      .dimensions(100, 50)
      .alt("alt")
      .title("title")
      .description("desc")
      .creators("Ann")
      .tags("t1")
      .labels("l1")
      .metadata("copyright", MetadataValue.of("ACME"))
      .metadata("keywords", MetadataValue.of("k1", "k2"))
      .createdAt(Instant.parse("2021-01-01T00:00:00Z"))
      .modifiedAt(Instant.parse("2021-01-02T00:00:00Z"))
      .createdBy("u1")
      .modifiedBy("u1")
      .sha1("da39a3ee5e6b4b0d3255bfef95601890afd80709")
      .revision("1")
      .thumbnailUrl("https://cdn.example.com/t.jpg")
      .previewUrl("https://cdn.example.com/p.jpg")
      .build();

  static Stream<Arguments> fieldsAndTheirChange() {
    return Stream.of(
        change("url", MediaChange.CONTENT, b -> b.url("https://cdn.example.com/b.jpg")),
        change("sha1", MediaChange.CONTENT,
            b -> b.sha1("0000000000000000000000000000000000000001")),
        change("size", MediaChange.CONTENT, b -> b.size(11L)),
        change("revision", MediaChange.CONTENT, b -> b.revision("2")),
        change("mimeType", MediaChange.CONTENT, b -> b.mimeType("image/png")),
        change("width", MediaChange.CONTENT, b -> b.width(101)),
        change("height", MediaChange.CONTENT, b -> b.height(51)),
        change("duration", MediaChange.CONTENT, b -> b.duration(Duration.ofSeconds(3))),
        change("bitrate", MediaChange.CONTENT, b -> b.bitrate(1000L)),
        change("streamingUrl", MediaChange.CONTENT,
            b -> b.streamingUrl("https://cdn.example.com/a.m3u8")),
        change("fileName", MediaChange.RENAME, b -> b.fileName("b.jpg")),
        change("folder", MediaChange.MOVE, b -> b.folder("/y")),
        change("title", MediaChange.INFO, b -> b.title("other")),
        change("description", MediaChange.INFO, b -> b.description(null)),
        change("alt", MediaChange.INFO, b -> b.alt("")),
        change("creators", MediaChange.METADATA, b -> b.creators("Ann", "Bo")),
        change("metadata.copyright", MediaChange.METADATA,
            b -> b.metadata("copyright", MetadataValue.of("Other"))),
        change("tags", MediaChange.TAGS, b -> b.tags("t1", "t2")),
        change("labels", MediaChange.LABELS, b -> b.labels()));
  }

  private static Arguments change(
      String field, MediaChange expected, UnaryOperator<MediaSnapshot.Builder> edit) {
    return Arguments.of(field, expected, edit);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("fieldsAndTheirChange")
  void eachFieldMakesItsChangeKindAndOnlyThat(
      String field, MediaChange expected, UnaryOperator<MediaSnapshot.Builder> edit) {
    MediaSnapshot after = edit.apply(BASE.newBuilder()).build();
    MediaChanges diff = MediaChanges.between(BASE, after);
    assertThat(diff.changes()).containsExactly(expected);
    assertThat(diff.fields()).hasSize(1);
    assertThat(diff.field(field)).isPresent();
    assertThat(MediaEvent.updated(BASE, after).changes()).containsExactly(expected);
  }

  static Stream<Arguments> sideEffectFields() {
    return Stream.of(
        change("modifiedAt", null, b -> b.modifiedAt(Instant.parse("2022-01-01T00:00:00Z"))),
        change("modifiedBy", null, b -> b.modifiedBy("u2")),
        change("createdAt", null, b -> b.createdAt(null)),
        change("createdBy", null, b -> b.createdBy("u9")),
        change("id", null, b -> b.id("a2")),
        change("thumbnailUrl", null, b -> b.thumbnailUrl("https://cdn.example.com/t2.jpg")),
        change("previewUrl", null, b -> b.previewUrl(null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sideEffectFields")
  void sideEffectFieldsAloneMakeNoChangeKindButAreInTheDiff(
      String field, MediaChange ignored, UnaryOperator<MediaSnapshot.Builder> edit) {
    MediaSnapshot after = edit.apply(BASE.newBuilder()).build();
    MediaChanges diff = MediaChanges.between(BASE, after);
    assertThat(diff.changes()).isEmpty();
    assertThat(diff.fields()).extracting(MediaChanges.FieldChange::field).containsExactly(field);
    assertThat(diff.isEmpty()).isFalse();
    assertThat(MediaEvent.updated(BASE, after).changes()).isEmpty();
  }

  @Test
  void modifiedAtAloneMakesNoChangeKind() {
    MediaSnapshot after =
        BASE.newBuilder().modifiedAt(Instant.parse("2030-01-01T00:00:00Z")).build();
    assertThat(MediaChanges.between(BASE, after).changes()).isEmpty();
  }

  @Test
  void severalChangesAreReportedInDeclarationOrder() {
    MediaSnapshot after = BASE.newBuilder()
        .labels("l2").fileName("b.jpg").url("https://cdn.example.com/b.jpg").folder("/y")
        .modifiedAt(Instant.parse("2022-01-01T00:00:00Z"))
        .build();
    MediaChanges diff = MediaChanges.between(BASE, after);
    assertThat(diff.changes()).containsExactly(
        MediaChange.CONTENT, MediaChange.RENAME, MediaChange.MOVE, MediaChange.LABELS);
    assertThat(diff.fields()).extracting(MediaChanges.FieldChange::field)
        .containsExactly("url", "fileName", "folder", "labels", "modifiedAt");
  }

  @Test
  void identicalSnapshotsGiveNone() {
    assertThat(MediaChanges.between(BASE, BASE.newBuilder().build()))
        .isSameAs(MediaChanges.none());
    assertThat(MediaChanges.none().isEmpty()).isTrue();
    assertThat(MediaChanges.none().changes()).isEmpty();
  }

  @Test
  void extensionsTakeNoPartInTheDiff() {
    MediaSnapshot after = BASE.newBuilder().extension("fotoware.asset", "changed").build();
    assertThat(MediaChanges.between(BASE, after).isEmpty()).isTrue();
  }

  @Test
  void metadataIsDiffedPerFieldWithAddedChangedAndRemoved() {
    MediaSnapshot after = BASE.newBuilder()
        .metadata("keywords", MetadataValue.of("k1", "k3"))
        .metadata("copyright", null)
        .metadata("credit", MetadataValue.of("Photo: Bo"))
        .build();
    MediaChanges diff = MediaChanges.between(BASE, after);
    assertThat(diff.changes()).containsExactly(MediaChange.METADATA);
    // Names in before's order, then names only in after.
    assertThat(diff.metadataFields()).extracting(MediaChanges.FieldChange::field)
        .containsExactly("metadata.copyright", "metadata.keywords", "metadata.credit");
    MediaChanges.FieldChange copyright = diff.field("metadata.copyright").orElseThrow();
    assertThat(copyright.metadataName()).isEqualTo("copyright");
    assertThat(copyright.before()).isEqualTo(MetadataValue.of("ACME"));
    assertThat(copyright.after()).isNull();
    MediaChanges.FieldChange keywords = diff.field("metadata.keywords").orElseThrow();
    assertThat(keywords.before()).isEqualTo(MetadataValue.of("k1", "k2"));
    assertThat(keywords.after()).isEqualTo(MetadataValue.of("k1", "k3"));
    MediaChanges.FieldChange credit = diff.field("metadata.credit").orElseThrow();
    assertThat(credit.before()).isNull();
    assertThat(credit.after()).isEqualTo(MetadataValue.of("Photo: Bo"));
  }

  @Test
  void unchangedMetadataFieldsAreNotListed() {
    MediaSnapshot after = BASE.newBuilder()
        .metadata("keywords", MetadataValue.of("k9"))
        .build();
    MediaChanges diff = MediaChanges.between(BASE, after);
    assertThat(diff.metadataFields()).extracting(MediaChanges.FieldChange::field)
        .containsExactly("metadata.keywords");
    assertThat(diff.field("metadata.copyright")).isEmpty();
  }

  @Test
  void snapshotFieldChangesHaveNoMetadataName() {
    MediaChanges diff = MediaChanges.between(BASE, BASE.newBuilder().fileName("c.jpg").build());
    MediaChanges.FieldChange c = diff.field("fileName").orElseThrow();
    assertThat(c.metadataName()).isNull();
    assertThat(c.before()).isEqualTo("a.jpg");
    assertThat(c.after()).isEqualTo("c.jpg");
    assertThat(diff.metadataFields()).isEmpty();
  }

  @Test
  void changesAndFieldsAreUnmodifiable() {
    MediaChanges diff = MediaChanges.between(BASE, BASE.newBuilder().fileName("c.jpg").build());
    assertThatThrownBy(() -> diff.changes().add(MediaChange.TAGS))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> diff.fields().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
  @Test
  void theCheapChangeKindsAreExactlyThoseOfTheFullDiff() {
    // Every combination of up to three edits, side-effect fields and metadata additions and
    // removals included: the shortcut filters use must never disagree with the diff.
    java.util.List<UnaryOperator<MediaSnapshot.Builder>> edits = new java.util.ArrayList<>();
    fieldsAndTheirChange().forEach(a -> {
      @SuppressWarnings("unchecked")
      UnaryOperator<MediaSnapshot.Builder> edit = (UnaryOperator<MediaSnapshot.Builder>) a.get()[2];
      edits.add(edit);
    });
    sideEffectFields().forEach(a -> {
      @SuppressWarnings("unchecked")
      UnaryOperator<MediaSnapshot.Builder> edit = (UnaryOperator<MediaSnapshot.Builder>) a.get()[2];
      edits.add(edit);
    });
    edits.add(b -> b.metadata("added", MetadataValue.of("x")));
    edits.add(b -> b.metadata("keywords", null));
    edits.add(b -> b.metadata("keywords", MetadataValue.of("k2", "k1")));
    edits.add(b -> b);
    int n = edits.size();
    int compared = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        for (int k = j; k < n; k++) {
          MediaSnapshot after =
              edits.get(k).apply(edits.get(j).apply(edits.get(i).apply(BASE.newBuilder())))
                  .build();
          java.util.Set<MediaChange> full = MediaChanges.between(BASE, after).changes();
          assertThat(MediaChanges.kinds(BASE, after)).as("edits %d %d %d", i, j, k)
              .isEqualTo(full);
          assertThat(MediaChanges.kinds(after, BASE)).isEqualTo(
              MediaChanges.between(after, BASE).changes());
          MediaEvent event = MediaEvent.updated(BASE, after);
          assertThat(event.changes()).isEqualTo(full);
          assertThat(event.diff().changes()).isEqualTo(event.changes());
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(1_000);
  }
}
