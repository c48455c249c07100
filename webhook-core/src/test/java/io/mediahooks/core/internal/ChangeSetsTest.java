package io.mediahooks.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.core.MediaChange;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeSetsTest {

  @Test
  void everyCombinationHasOneSharedSetWhoseMaskRoundTrips() {
    MediaChange[] kinds = MediaChange.values();
    assertThat(ChangeSets.COMBINATIONS).isEqualTo(1 << kinds.length);
    for (int mask = 0; mask < ChangeSets.COMBINATIONS; mask++) {
      EnumSet<MediaChange> expected = EnumSet.noneOf(MediaChange.class);
      for (MediaChange c : kinds) {
        if ((mask & (1 << c.ordinal())) != 0) {
          expected.add(c);
        }
      }
      Set<MediaChange> shared = ChangeSets.of(mask);
      assertThat(shared).isEqualTo(expected).containsExactlyElementsOf(expected);
      assertThat(expected).isEqualTo(shared);
      assertThat(shared.hashCode()).isEqualTo(expected.hashCode());
      assertThat(shared.toString()).isEqualTo(expected.toString());
      assertThat(shared.size()).isEqualTo(expected.size());
      assertThat(shared.isEmpty()).isEqualTo(expected.isEmpty());
      for (MediaChange c : kinds) {
        assertThat(shared.contains(c)).isEqualTo(expected.contains(c));
      }
      for (int other = 0; other < ChangeSets.COMBINATIONS; other += 5) {
        Set<MediaChange> o = ChangeSets.of(other);
        assertThat(shared.containsAll(o)).isEqualTo(expected.containsAll(o));
        assertThat(shared.containsAll(EnumSet.copyOf(o.isEmpty() ? Set.of(kinds[0]) : o)))
            .isEqualTo(expected.containsAll(o.isEmpty() ? Set.of(kinds[0]) : o));
        assertThat(shared.equals(o)).isEqualTo(other == mask);
      }
      assertThat(ChangeSets.mask(shared)).isEqualTo(mask);
      assertThat(ChangeSets.shared(expected)).isSameAs(shared);
      assertThat(ChangeSets.shared(Set.copyOf(expected))).isSameAs(shared);
    }
  }

  @Test
  void sharedSetsCannotBeModified() {
    Set<MediaChange> set = ChangeSets.of(ChangeSets.mask(Set.of(MediaChange.RENAME)));
    assertThatThrownBy(() -> set.add(MediaChange.CONTENT))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(set::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.remove(MediaChange.RENAME))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.removeIf(c -> true))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.retainAll(Set.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.iterator().remove())
        .isInstanceOf(UnsupportedOperationException.class);
    // Like Collections.unmodifiableSet: even a change that would change nothing is refused.
    assertThatThrownBy(ChangeSets.of(0)::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThat(set).containsExactly(MediaChange.RENAME);
    java.util.Iterator<MediaChange> it = set.iterator();
    it.next();
    assertThatThrownBy(it::next).isInstanceOf(java.util.NoSuchElementException.class);
  }

  @Test
  void textCacheKeepsWhatWasPut() {
    ChangeSets.TextCache cache = new ChangeSets.TextCache(4);
    assertThat(cache.get(2)).isNull();
    String text = "reason two";
    assertThat(cache.put(2, text)).isSameAs(text);
    assertThat(cache.get(2)).isSameAs(text);
    assertThat(cache.get(1)).isNull();
  }
}
