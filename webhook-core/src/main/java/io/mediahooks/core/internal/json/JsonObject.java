package io.mediahooks.core.internal.json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * An immutable JSON object as {@link JsonValues#copy} makes it: keys and values in two arrays, in
 * the order they were given, with what the writer needs precomputed.
 *
 * <p>Why not an unmodifiable {@code LinkedHashMap}: an event's JSON (a Fotoware asset
 * representation is hundreds of members) is built once by the host and written for every
 * endpoint and attempt; a {@code LinkedHashMap} is a wrapper, a table and an entry object per
 * member to chase, and its strings had to be scanned for characters to escape on every write.
 * Here a write walks two arrays with each value's kind decided at build time, and strings known
 * to need no escape (printable ASCII without quote or backslash, the usual case) are copied in
 * bulk. It also holds the same
 * members in about half the memory.
 *
 * <p>Lookups by key scan the keys (objects are small) or, from {@value #INDEXED} members, use a
 * hash index built with the object. Thread-safe (immutable); mutators throw
 * {@link UnsupportedOperationException}.
 */
public final class JsonObject extends AbstractMap<String, @Nullable Object> {
  /** Size from which {@link #get(Object)} uses a hash index instead of a scan. */
  static final int INDEXED = 9;

  final String[] keys;
  final @Nullable Object[] values;
  /**
   * The {@link JsonValues#kind} of each key (at 2i: plain or not) and value (at 2i + 1), so that
   * the writer neither tests types nor scans strings for escapes again.
   */
  final byte[] kinds;
  /** Whether a key is an ECMAScript array index (JavaScript writes those first). */
  final boolean hasArrayIndexKey;
  /** Open-addressed key positions + 1 (0 = empty), or null below {@link #INDEXED} members. */
  private final int @Nullable [] index;

  JsonObject(String[] keys, @Nullable Object[] values) {
    this.keys = keys;
    this.values = values;
    byte[] k = new byte[keys.length * 2];
    boolean arrayIndex = false;
    for (int i = 0; i < keys.length; i++) {
      k[2 * i] = JsonValues.kind(keys[i]);
      k[2 * i + 1] = JsonValues.kind(values[i]);
      arrayIndex = arrayIndex || JsonWriter.isArrayIndex(keys[i]);
    }
    this.kinds = k;
    this.hasArrayIndexKey = arrayIndex;
    this.index = keys.length >= INDEXED ? buildIndex(keys) : null;
  }

  private static int[] buildIndex(String[] keys) {
    int[] table = new int[Integer.highestOneBit(keys.length * 2 - 1) << 1];
    int mask = table.length - 1;
    for (int i = 0; i < keys.length; i++) {
      int slot = spread(keys[i].hashCode()) & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = i + 1;
    }
    return table;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  private int indexOf(@Nullable Object key) {
    if (!(key instanceof String)) {
      return -1;
    }
    int[] table = index;
    if (table == null) {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i].equals(key)) {
          return i;
        }
      }
      return -1;
    }
    int mask = table.length - 1;
    for (int slot = spread(key.hashCode()) & mask; table[slot] != 0; slot = (slot + 1) & mask) {
      int i = table[slot] - 1;
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public @Nullable Object get(@Nullable Object key) {
    int i = indexOf(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super @Nullable Object> action) {
    Objects.requireNonNull(action);
    for (int i = 0; i < keys.length; i++) {
      action.accept(keys[i], values[i]);
    }
  }

  @Override
  public Set<Map.Entry<String, @Nullable Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, @Nullable Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          public Map.Entry<String, @Nullable Object> next() {
            if (next >= keys.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
          }
        };
      }

      @Override
      public int size() {
        return keys.length;
      }
    };
  }
}
