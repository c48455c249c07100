package io.mediahooks.http.internal;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A response's headers as the transport read them, shown as an unmodifiable name-to-values map
 * that is built only when someone asks for it.
 *
 * <p>Why: a webhook answer's headers are almost never looked at (a 2xx is classified by its
 * status alone; only a 429 or 5xx asks for {@code Retry-After}), yet grouping them into a map of
 * lists, and {@code WebhookResponse.of} copying that map, made three maps and a list per header
 * for every request. Here a response keeps one array; {@link #first(String)} scans it, and the
 * grouped map (the same one {@code WebhookResponse.of} would have made: grouped under the first
 * spelling seen, in order) is made on the first call of a {@link Map} method.
 *
 * <p>Immutable and thread-safe: two threads that build the map at once build equal immutable
 * maps, and either may be kept.
 */
public final class ReceivedHeaders extends AbstractMap<String, List<String>> {
  private final String[] namesAndValues;
  /** Volatile so that a map built by one thread is seen whole by another. */
  private volatile @Nullable Map<String, List<String>> grouped;

  private ReceivedHeaders(String[] namesAndValues) {
    this.namesAndValues = namesAndValues;
  }

  /**
   * Returns the headers given as alternating names and values, in the order received.
   *
   * @param namesAndValues name, value, name, value...; kept, not copied: the caller must not
   *     change it afterwards
   * @return the headers
   * @throws IllegalArgumentException if the array's length is odd
   * @throws NullPointerException if the array or an element is null
   */
  public static ReceivedHeaders of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "namesAndValues must alternate names and values, has " + namesAndValues.length);
    }
    for (String s : namesAndValues) {
      Objects.requireNonNull(s, "namesAndValues must not contain null");
    }
    return new ReceivedHeaders(namesAndValues);
  }

  /**
   * The first value of a header, its name matched case-insensitively, or null.
   *
   * @param name the header name
   * @return the value, or null
   */
  public @Nullable String first(String name) {
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i].equalsIgnoreCase(name)) {
        return namesAndValues[i + 1];
      }
    }
    return null;
  }

  @Override
  public Set<Entry<String, List<String>>> entrySet() {
    return grouped().entrySet();
  }

  @Override
  public int size() {
    return grouped().size();
  }

  @Override
  public @Nullable List<String> get(@Nullable Object key) {
    return grouped().get(key);
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return grouped().containsKey(key);
  }

  private Map<String, List<String>> grouped() {
    Map<String, List<String>> g = grouped;
    if (g == null) {
      g = group(namesAndValues);
      grouped = g;
    }
    return g;
  }

  private static Map<String, List<String>> group(String[] namesAndValues) {
    Map<String, List<String>> byName = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = namesAndValues[i];
      // Grouped under the first spelling seen; answers carry a handful of headers, so a scan of
      // the names so far is cheaper than a case-folded index.
      String key = name;
      for (String seen : byName.keySet()) {
        if (seen.equalsIgnoreCase(name)) {
          key = seen;
          break;
        }
      }
      byName.computeIfAbsent(key, k -> new ArrayList<>(1)).add(namesAndValues[i + 1]);
    }
    return frozenCopy(byName);
  }

  /**
   * An unmodifiable copy of a header map, in its order, each list copied unmodifiable too: what
   * {@code WebhookResponse.of} keeps of a map it did not get from here.
   *
   * @param headers names to values
   * @return the copy
   * @throws NullPointerException if a list or a value is null
   */
  public static Map<String, List<String>> frozenCopy(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new LinkedHashMap<>(headers.size() * 2);
    headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(copy);
  }
}
