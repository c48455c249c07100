package io.mediahooks.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.http.DeadLetter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryDeadLetterStoreTest {
  private static final MediaEvent EVENT =
      MediaEvent.created(MediaSnapshot.builder().url("https://cdn.example.com/a.jpg").build());

  private static DeadLetter letter(String id, String reason) {
    return DeadLetter.builder().id(id).endpointName("a").event(EVENT).reason(reason)
        .time(Instant.parse("2026-01-01T00:00:00Z")).build();
  }

  @Test
  void whenFullTheOldestEntryIsEvicted() {
    InMemoryDeadLetterStore store = new InMemoryDeadLetterStore(2);
    store.add(letter("1", "x"));
    store.add(letter("2", "x"));
    store.add(letter("3", "x"));
    assertThat(store.list()).extracting(DeadLetter::id).containsExactly("2", "3");
  }

  @Test
  void anEntryWithAnExistingIdReplacesItInPlace() {
    InMemoryDeadLetterStore store = new InMemoryDeadLetterStore(2);
    store.add(letter("1", "first"));
    store.add(letter("2", "x"));
    store.add(letter("1", "again"));
    assertThat(store.list()).extracting(DeadLetter::id).containsExactly("1", "2");
    assertThat(store.get("1").orElseThrow().reason()).isEqualTo("again");
  }

  @Test
  void removeAndRemoveAll() {
    InMemoryDeadLetterStore store = new InMemoryDeadLetterStore(5);
    store.add(letter("1", "x"));
    store.add(letter("2", "x"));
    assertThat(store.remove("1")).isTrue();
    assertThat(store.remove("1")).isFalse();
    assertThat(store.removeAll()).isEqualTo(1);
    assertThat(store.list()).isEmpty();
  }
}
