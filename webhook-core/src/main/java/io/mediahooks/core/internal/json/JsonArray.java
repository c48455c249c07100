package io.mediahooks.core.internal.json;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * An immutable JSON array as {@link JsonValues#copy} makes it: its elements in one array, with
 * each one's kind decided when it was copied (see {@link JsonObject} for why). Thread-safe
 * (immutable); mutators throw {@link UnsupportedOperationException}.
 */
public final class JsonArray extends AbstractList<@Nullable Object> implements RandomAccess {
  final @Nullable Object[] elements;
  /** The {@link JsonValues#kind} of each element. */
  final byte[] kinds;

  JsonArray(@Nullable Object[] elements) {
    this.elements = elements;
    byte[] k = new byte[elements.length];
    for (int i = 0; i < elements.length; i++) {
      k[i] = JsonValues.kind(elements[i]);
    }
    this.kinds = k;
  }

  @Override
  public @Nullable Object get(int index) {
    return elements[index];
  }

  @Override
  public int size() {
    return elements.length;
  }
}
