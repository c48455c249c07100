package io.mediahooks.core.internal;

import io.mediahooks.core.MediaChange;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Sets of {@link MediaChange} as small integers, and one shared unmodifiable set per combination.
 *
 * <p>Why: filters and formats' skip reasons read an event's changes on the host's thread inside
 * {@code publish}, and a skip reason names them ({@code "... this update is [METADATA]"}). Built
 * per event, two such texts cost 1 to 3 microseconds of a publish that follows a millisecond of
 * idleness (string building is cold code then); cached per combination they cost an array read.
 * Sharing the sets also takes two objects per event off the heap.
 *
 * <p>Thread-safe. The caches are written racily on purpose: they hold Strings, which are safely
 * published through their final fields, and a lost race only builds a text twice.
 */
public final class ChangeSets {
  private static final MediaChange[] KINDS = MediaChange.values();
  /** How many combinations there are: masks run from 0 to {@code COMBINATIONS - 1}. */
  public static final int COMBINATIONS = 1 << KINDS.length;

  private static final Set<MediaChange>[] SHARED = table();

  private ChangeSets() {}

  private static Set<MediaChange>[] table() {
    if (KINDS.length > 16) {
      // A table of 2^n sets would no longer be small; switch to a map before adding kinds.
      throw new ExceptionInInitializerError(KINDS.length + " change kinds; at most 16 supported");
    }
    @SuppressWarnings("unchecked") // generic array creation; every element is a Shared
    Set<MediaChange>[] sets = new Set[COMBINATIONS];
    for (int mask = 0; mask < COMBINATIONS; mask++) {
      sets[mask] = new Shared(mask);
    }
    return sets;
  }

  /**
   * The bit mask of {@code changes}: bit {@code c.ordinal()} set for each change {@code c}.
   *
   * @param changes the changes
   * @return the mask
   */
  public static int mask(Set<MediaChange> changes) {
    if (changes instanceof Shared) {
      return ((Shared) changes).mask; // every event's set: no iteration, one object read
    }
    int mask = 0;
    for (MediaChange c : changes) {
      mask |= 1 << c.ordinal();
    }
    return mask;
  }

  /**
   * The shared unmodifiable set of a mask.
   *
   * @param mask a mask from {@link #mask}
   * @return the shared set
   * @throws ArrayIndexOutOfBoundsException if {@code mask} is not below {@link #COMBINATIONS}
   */
  public static Set<MediaChange> of(int mask) {
    return SHARED[mask];
  }

  /**
   * The shared unmodifiable set equal to {@code changes}, iterating in declaration order.
   *
   * @param changes the changes
   * @return the shared set
   */
  public static Set<MediaChange> shared(Set<MediaChange> changes) {
    return SHARED[mask(changes)];
  }

  /**
   * One combination of changes: an unmodifiable {@link Set} in declaration order that knows its
   * mask, so filters and formats test and key on an event's changes without iterating them.
   * Equal to, and with the same hash code and text as, any other set of the same changes.
   */
  private static final class Shared extends AbstractSet<MediaChange> {
    final int mask;
    private final MediaChange[] elements;

    Shared(int mask) {
      this.mask = mask;
      this.elements = new MediaChange[Integer.bitCount(mask)];
      int n = 0;
      for (MediaChange c : KINDS) {
        if ((mask & (1 << c.ordinal())) != 0) {
          elements[n++] = c;
        }
      }
    }

    @Override
    public int size() {
      return elements.length;
    }

    @Override
    public boolean isEmpty() {
      return mask == 0;
    }

    @Override
    public boolean contains(@Nullable Object o) {
      return o instanceof MediaChange && (mask & (1 << ((MediaChange) o).ordinal())) != 0;
    }

    @Override
    public boolean containsAll(Collection<?> c) {
      if (c instanceof Shared) {
        int other = ((Shared) c).mask;
        return (mask & other) == other;
      }
      return super.containsAll(c);
    }

    @Override
    public boolean equals(@Nullable Object o) {
      // Shared sets are unique per mask; anything else compares as the Set contract says.
      return o == this || (!(o instanceof Shared) && super.equals(o));
    }

    @Override
    public int hashCode() {
      return super.hashCode();
    }

    @Override
    public Iterator<MediaChange> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < elements.length;
        }

        @Override
        public MediaChange next() {
          if (next >= elements.length) {
            throw new NoSuchElementException();
          }
          return elements[next++];
        }
      };
    }

    private static UnsupportedOperationException unmodifiable() {
      return new UnsupportedOperationException("an event's changes cannot be modified");
    }

    // Unmodifiable: every mutator throws, even when it would change nothing (as
    // Collections.unmodifiableSet does).
    @Override
    public boolean add(MediaChange e) {
      throw unmodifiable();
    }

    @Override
    public boolean remove(@Nullable Object o) {
      throw unmodifiable();
    }

    @Override
    public boolean addAll(Collection<? extends MediaChange> c) {
      throw unmodifiable();
    }

    @Override
    public boolean removeAll(Collection<?> c) {
      throw unmodifiable();
    }

    @Override
    public boolean retainAll(Collection<?> c) {
      throw unmodifiable();
    }

    @Override
    public boolean removeIf(Predicate<? super MediaChange> filter) {
      throw unmodifiable();
    }

    @Override
    public void clear() {
      throw unmodifiable();
    }
  }

  /**
   * A cache of texts by small integer key, for skip reasons that depend only on the changes (and
   * perhaps the event type): the reason of a mask is built once per format, not once per event.
   */
  public static final class TextCache {
    private final String[] texts;

    /**
     * Creates a cache.
     *
     * @param keys how many keys, from 0 to {@code keys - 1}
     */
    public TextCache(int keys) {
      this.texts = new String[keys];
    }

    /**
     * The text of {@code key}, or null when none was put yet.
     *
     * @param key the key
     * @return the text, or null
     */
    public @Nullable String get(int key) {
      return texts[key];
    }

    /**
     * Keeps the text of {@code key}; the caller must always give equal texts for a key.
     *
     * @param key the key
     * @param text the text
     * @return {@code text}
     */
    public String put(int key, String text) {
      texts[key] = text;
      return text;
    }
  }
}
