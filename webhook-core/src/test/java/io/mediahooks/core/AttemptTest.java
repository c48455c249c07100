package io.mediahooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AttemptTest {

  @Test
  void ofKeepsNumberIdAndTime() {
    Attempt a = Attempt.of(3, "att-3", Instant.EPOCH);
    assertThat(a.number()).isEqualTo(3);
    assertThat(a.id()).isEqualTo("att-3");
    assertThat(a.time()).isEqualTo(Instant.EPOCH);
    assertThat(a).isEqualTo(Attempt.of(3, "att-3", Instant.EPOCH));
  }

  @Test
  void firstHasNumberOneAndAFreshUuidEachTime() {
    Attempt a = Attempt.first(Instant.EPOCH);
    Attempt b = Attempt.first(Instant.EPOCH);
    assertThat(a.number()).isEqualTo(1);
    assertThat(UUID.fromString(a.id()).version()).isEqualTo(4);
    assertThat(a.id()).isNotEqualTo(b.id());
  }

  @Test
  void invalidArgumentsAreRejectedNamingThem() {
    assertThatThrownBy(() -> Attempt.of(0, "x", Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("number ");
    assertThatThrownBy(() -> Attempt.of(1, " ", Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("id ");
    assertThatThrownBy(() -> Attempt.of(1, "x", null))
        .isInstanceOf(NullPointerException.class).hasMessageStartingWith("time ");
  }
}
