package io.mediahooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MediaEventTest {
  private final MediaSnapshot asset =
      MediaSnapshot.builder().id("a1").url("https://cdn.example.com/a.jpg").fileName("a.jpg")
          .build();
  private final MediaSnapshot renamed = asset.newBuilder().fileName("b.jpg").build();

  @Test
  void createdEventWithoutAfterIsRejectedNamingAfter() {
    assertThatThrownBy(() -> MediaEvent.builder(MediaEventType.CREATED).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("after:")
        .hasMessageContaining("CREATED");
  }

  @Test
  void createdEventWithBeforeIsRejectedNamingBefore() {
    assertThatThrownBy(
            () -> MediaEvent.builder(MediaEventType.CREATED).before(asset).after(asset).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("before:")
        .hasMessageContaining("CREATED");
  }

  @Test
  void deletedEventWithoutBeforeIsRejectedNamingBefore() {
    assertThatThrownBy(() -> MediaEvent.builder(MediaEventType.DELETED).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("before:")
        .hasMessageContaining("DELETED");
  }

  @Test
  void deletedEventWithAfterIsRejectedNamingAfter() {
    assertThatThrownBy(
            () -> MediaEvent.builder(MediaEventType.DELETED).before(asset).after(asset).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("after:")
        .hasMessageContaining("DELETED");
  }

  @Test
  void updatedEventWithoutBeforeIsRejectedNamingBefore() {
    assertThatThrownBy(() -> MediaEvent.builder(MediaEventType.UPDATED).after(asset).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("before:")
        .hasMessageContaining("UPDATED");
  }

  @Test
  void updatedEventWithoutAfterIsRejectedNamingAfter() {
    assertThatThrownBy(() -> MediaEvent.builder(MediaEventType.UPDATED).before(asset).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("after:")
        .hasMessageContaining("UPDATED");
  }

  @Test
  void builderWithoutTypeIsRejectedAtBuild() {
    assertThatThrownBy(() -> MediaEvent.builder().after(asset).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("type");
  }

  @Test
  void factoriesSetTypeAndSnapshots() {
    MediaEvent created = MediaEvent.created(asset);
    assertThat(created.type()).isEqualTo(MediaEventType.CREATED);
    assertThat(created.before()).isNull();
    assertThat(created.after()).isSameAs(asset);
    assertThat(created.latest()).isSameAs(asset);

    MediaEvent updated = MediaEvent.updated(asset, renamed);
    assertThat(updated.type()).isEqualTo(MediaEventType.UPDATED);
    assertThat(updated.before()).isSameAs(asset);
    assertThat(updated.after()).isSameAs(renamed);
    assertThat(updated.latest()).isSameAs(renamed);

    MediaEvent deleted = MediaEvent.deleted(asset);
    assertThat(deleted.type()).isEqualTo(MediaEventType.DELETED);
    assertThat(deleted.before()).isSameAs(asset);
    assertThat(deleted.after()).isNull();
    assertThat(deleted.latest()).isSameAs(asset);
  }

  @Test
  void factoriesRejectNullNamingTheArgument() {
    assertThatThrownBy(() -> MediaEvent.created(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("after");
    assertThatThrownBy(() -> MediaEvent.deleted(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("before");
    assertThatThrownBy(() -> MediaEvent.updated(asset, null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("after");
    assertThatThrownBy(() -> MediaEvent.updated(null, asset))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("before");
  }

  @Test
  void defaultsAreRandomUuidCurrentTimeUnspecifiedSourceAndNoActor() {
    Instant before = Instant.now();
    MediaEvent e1 = MediaEvent.created(asset);
    MediaEvent e2 = MediaEvent.created(asset);
    Instant after = Instant.now();
    assertThat(UUID.fromString(e1.id()).version()).isEqualTo(4);
    assertThat(e1.id()).isNotEqualTo(e2.id());
    assertThat(e1.occurredAt()).isBetween(before, after);
    assertThat(e1.source()).isSameAs(EventSource.unspecified());
    assertThat(e1.actor()).isNull();
  }

  @Test
  void injectedIdTimeSourceAndActorAreKept() {
    Instant t = Instant.parse("2021-10-20T18:42:50.342Z");
    EventSource source = EventSource.of("acme");
    MediaEvent e = MediaEvent.builder(MediaEventType.CREATED)
        .id("evt-1").occurredAt(t).source(source).actor("user-42").after(asset).build();
    assertThat(e.id()).isEqualTo("evt-1");
    assertThat(e.occurredAt()).isEqualTo(t);
    assertThat(e.source()).isEqualTo(source);
    assertThat(e.actor()).isEqualTo("user-42");
  }

  @Test
  void builderRejectsBlankIdAndActorNamingThem() {
    assertThatThrownBy(() -> MediaEvent.builder().id(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("id ");
    assertThatThrownBy(() -> MediaEvent.builder().actor(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("actor ");
    assertThatThrownBy(() -> MediaEvent.builder().source(null))
        .isInstanceOf(NullPointerException.class).hasMessageStartingWith("source ");
  }

  @Test
  void updateWithoutExplicitChangesDerivesThem() {
    MediaEvent e = MediaEvent.updated(asset, renamed);
    assertThat(e.changes()).containsExactly(MediaChange.RENAME);
    assertThat(e.diff().field("fileName")).hasValueSatisfying(c -> {
      assertThat(c.before()).isEqualTo("a.jpg");
      assertThat(c.after()).isEqualTo("b.jpg");
    });
  }

  @Test
  void explicitChangesReplaceDerivedOnes() {
    MediaEvent e = MediaEvent.builder(MediaEventType.UPDATED)
        .before(asset).after(renamed).changes(MediaChange.RESTORE, MediaChange.CONTENT).build();
    assertThat(e.changes()).containsExactly(MediaChange.CONTENT, MediaChange.RESTORE);
    // The field diff is still computed from the snapshots.
    assertThat(e.diff().changes()).containsExactly(MediaChange.RENAME);
  }

  @Test
  void explicitEmptyChangesStayEmpty() {
    MediaEvent e = MediaEvent.builder(MediaEventType.UPDATED)
        .before(asset).after(renamed).changes(List.of()).build();
    assertThat(e.changes()).isEmpty();
  }

  @Test
  void deriveChangesUndoesExplicitChanges() {
    MediaEvent e = MediaEvent.builder(MediaEventType.UPDATED)
        .before(asset).after(renamed).changes(MediaChange.TAGS).deriveChanges().build();
    assertThat(e.changes()).containsExactly(MediaChange.RENAME);
  }

  @Test
  void explicitChangesAreCopiedAndUnmodifiable() {
    List<MediaChange> given = new ArrayList<>(List.of(MediaChange.TAGS));
    MediaEvent e = MediaEvent.builder(MediaEventType.UPDATED)
        .before(asset).after(renamed).changes(given).build();
    given.add(MediaChange.MOVE);
    assertThat(e.changes()).containsExactly(MediaChange.TAGS);
    assertThatThrownBy(() -> e.changes().add(MediaChange.INFO))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nullChangeElementIsRejected() {
    assertThatThrownBy(() -> MediaEvent.builder().changes(MediaChange.TAGS, null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("changes");
  }

  @Test
  void createdAndDeletedHaveNoChangesUnlessGiven() {
    assertThat(MediaEvent.created(asset).changes()).isEmpty();
    assertThat(MediaEvent.deleted(asset).changes()).isEmpty();
    assertThat(MediaEvent.created(asset).diff()).isSameAs(MediaChanges.none());
    MediaEvent restored = MediaEvent.builder(MediaEventType.CREATED)
        .after(asset).changes(MediaChange.RESTORE).build();
    assertThat(restored.changes()).isEqualTo(Set.of(MediaChange.RESTORE));
  }

  @Test
  void newBuilderKeepsEveryFieldIncludingId() {
    MediaEvent e = MediaEvent.builder(MediaEventType.UPDATED)
        .id("evt-9").occurredAt(Instant.EPOCH).source(EventSource.of("s")).actor("u")
        .before(asset).after(renamed).changes(MediaChange.CONTENT).build();
    MediaEvent copy = e.newBuilder().build();
    assertThat(copy).isEqualTo(e);
    assertThat(copy.id()).isEqualTo("evt-9");
    assertThat(copy.changes()).containsExactly(MediaChange.CONTENT);
    assertThat(e.newBuilder().actor("other").build()).isNotEqualTo(e);
  }

  @Test
  void newBuilderKeepsExplicitlyEmptyChanges() {
    // An update the host declared as changing nothing that matters (not derived from snapshots).
    MediaEvent e = MediaEvent.builder(MediaEventType.UPDATED)
        .before(asset).after(renamed).changes(List.of()).build();
    MediaEvent copy = e.newBuilder().build();
    assertThat(copy.changes()).isEmpty();
    assertThat(copy).isEqualTo(e);
  }

  @Test
  void equalChangeSetsAreOneSharedUnmodifiableInstance() {
    MediaEvent derived = MediaEvent.updated(asset, renamed);
    MediaEvent explicit = MediaEvent.builder(MediaEventType.UPDATED)
        .before(asset).after(asset).changes(MediaChange.RENAME).build();
    assertThat(derived.changes()).isEqualTo(Set.of(MediaChange.RENAME))
        .isSameAs(explicit.changes())
        .isSameAs(MediaChanges.between(asset, renamed).changes());
    assertThatThrownBy(() -> derived.changes().add(MediaChange.CONTENT))
        .isInstanceOf(UnsupportedOperationException.class);
    // Declaration order, whatever order the builder was given.
    MediaEvent two = MediaEvent.builder(MediaEventType.UPDATED).before(asset).after(asset)
        .changes(MediaChange.TAGS, MediaChange.CONTENT).build();
    assertThat(two.changes()).containsExactly(MediaChange.CONTENT, MediaChange.TAGS);
  }
}
