package io.mediahooks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.core.MediaChange;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import org.junit.jupiter.api.Test;

class EventFilterTest {
  private final MediaEvent created = Events.created("c");
  private final MediaEvent renamed = Events.renamed("r");
  private final MediaEvent deleted = Events.deleted("d");

  @Test
  void typesMatchAnyOfTheGivenTypes() {
    EventFilter f = EventFilter.types(MediaEventType.CREATED, MediaEventType.DELETED);
    assertThat(f.matches(created)).isTrue();
    assertThat(f.matches(deleted)).isTrue();
    assertThat(f.matches(renamed)).isFalse();
    assertThat(f).hasToString("types[CREATED, DELETED]");
  }

  @Test
  void changesMatchAnyOfTheGivenChangesAndNoCreationOrDeletion() {
    EventFilter f = EventFilter.changes(MediaChange.MOVE, MediaChange.RENAME);
    assertThat(f.matches(renamed)).isTrue();
    assertThat(f.matches(created)).isFalse();
    assertThat(f.matches(deleted)).isFalse();
    assertThat(EventFilter.changes(MediaChange.TAGS).matches(renamed)).isFalse();
  }

  @Test
  void combinatorsComposeAndDescribeThemselves() {
    // Filerobot: "On upload" or "On rename"
    EventFilter triggers = EventFilter.types(MediaEventType.CREATED)
        .or(EventFilter.changes(MediaChange.RENAME));
    assertThat(triggers.matches(created)).isTrue();
    assertThat(triggers.matches(renamed)).isTrue();
    assertThat(triggers.matches(deleted)).isFalse();
    assertThat(triggers).hasToString("(types[CREATED] or changes[RENAME])");

    EventFilter notDeleted = EventFilter.types(MediaEventType.DELETED).negate();
    assertThat(notDeleted.matches(deleted)).isFalse();
    assertThat(notDeleted.and(EventFilter.where("images", e -> e.latest().isImage()))
        .toString()).isEqualTo("(not(types[DELETED]) and where(images))");
    assertThat(EventFilter.all().matches(deleted)).isTrue();
  }

  @Test
  void emptyOrNullArgumentsAreRejected() {
    assertThatThrownBy(() -> EventFilter.types())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("types must name at least one value");
    assertThatThrownBy(() -> EventFilter.changes(MediaChange.RENAME, null))
        .isInstanceOf(NullPointerException.class).hasMessage("changes[1] must not be null");
    assertThatThrownBy(() -> EventFilter.where(" ", e -> true))
        .hasMessage("description must not be blank");
  }
}
