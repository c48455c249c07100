package io.mediahooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MediaEventRulesTest {
  private final MediaSnapshot asset = MediaSnapshot.builder().url("https://cdn.example.com/a.jpg").build();

  @Test
  void createdEventWithBeforeIsRejectedNamingBefore() {
    assertThatThrownBy(() -> MediaEvent.builder(MediaEventType.CREATED).before(asset).after(asset).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("before:");
  }

  @Test
  void deletedEventWithoutBeforeIsRejectedNamingBefore() {
    assertThatThrownBy(() -> MediaEvent.builder(MediaEventType.DELETED).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("before:");
  }

  @Test
  void updatedEventWithoutAfterIsRejectedNamingAfter() {
    assertThatThrownBy(() -> MediaEvent.builder(MediaEventType.UPDATED).before(asset).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("after:");
  }

  @Test
  void updateWithoutExplicitChangesDerivesThem() {
    MediaEvent e = MediaEvent.updated(asset, asset.newBuilder().fileName("b.jpg").build());
    assertThat(e.changes()).containsExactly(MediaChange.RENAME);
  }
}
