package io.mediahooks.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The value of one metadata field: a single text, a list of texts, or a text per locale.
 *
 * <p>These three shapes cover what the vendors send: Fotoware's {@code {"value": "..."}} and
 * {@code {"value": ["...", "..."]}} (single and multi-valued IPTC/XMP fields), and Filerobot's
 * {@code "sku": "..."}, {@code "color": ["..."]} and {@code "title": {"en_US": "...", "de_DE":
 * "..."}}. Formats render each shape in their vendor's way.
 *
 * <p>Get one with {@link #of(String)}, {@link #of(String...)}, {@link #of(List)} or
 * {@link #localized(Map)}. Instances are immutable and thread-safe; lists and maps are copied, and
 * map order (the vendor's key order) is kept.
 *
 * <pre>{@code
 * MediaSnapshot snapshot = MediaSnapshot.builder()
 *     .metadata("copyright", MetadataValue.of("ACME Ltd"))
 *     .metadata("keywords", MetadataValue.of("harbour", "dusk"))
 *     .metadata("title", MetadataValue.localized(Map.of("en_US", "Harbour", "de_DE", "Hafen")))
 *     .build();
 * }</pre>
 */
public final class MetadataValue {
  /** The shape of a {@link MetadataValue}. */
  public enum Kind {
    /** One text: {@link #text()} is set. */
    TEXT,
    /** Several texts, in order: {@link #values()} is set. */
    LIST,
    /** One text per locale, in the given order: {@link #localizedValues()} is set. */
    LOCALIZED
  }

  private final Kind kind;
  private final @Nullable String text;
  private final List<String> values;
  private final Map<String, String> localized;

  private MetadataValue(
      Kind kind, @Nullable String text, List<String> values, Map<String, String> localized) {
    this.kind = kind;
    this.text = text;
    this.values = values;
    this.localized = localized;
  }

  /**
   * Returns a single-text value.
   *
   * @param text the text; may be empty
   * @return a {@link Kind#TEXT} value
   * @throws NullPointerException if {@code text} is null
   */
  public static MetadataValue of(String text) {
    Checks.notNull(text, "text");
    return new MetadataValue(Kind.TEXT, text, List.of(), Map.of());
  }

  /**
   * Returns a multi-valued value.
   *
   * @param values the texts in order; none may be null
   * @return a {@link Kind#LIST} value
   * @throws NullPointerException if {@code values} or one of its elements is null
   */
  public static MetadataValue of(String... values) {
    Checks.notNull(values, "values");
    // Arrays.asList, not List.of: a null element then gets our message naming its index.
    return of(Arrays.asList(values));
  }

  /**
   * Returns a multi-valued value.
   *
   * @param values the texts in order; none may be null
   * @return a {@link Kind#LIST} value
   * @throws NullPointerException if {@code values} or one of its elements is null
   */
  public static MetadataValue of(List<String> values) {
    Checks.notNull(values, "values");
    List<String> copy = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      copy.add(Checks.notNull(values.get(i), "values[" + i + "]"));
    }
    return new MetadataValue(Kind.LIST, null, Collections.unmodifiableList(copy), Map.of());
  }

  /**
   * Returns a per-locale value. The map's iteration order is kept.
   *
   * @param byLocale locale tag (for example {@code en_US}) to text; no null keys or values
   * @return a {@link Kind#LOCALIZED} value
   * @throws NullPointerException if the map, a key or a value is null
   * @throws IllegalArgumentException if a locale key is blank
   */
  public static MetadataValue localized(Map<String, String> byLocale) {
    Checks.notNull(byLocale, "byLocale");
    Map<String, String> copy = new LinkedHashMap<>();
    byLocale.forEach(
        (locale, text) -> {
          Checks.notBlank(locale, "locale key");
          copy.put(locale, Checks.notNull(text, "localized text for " + locale));
        });
    return new MetadataValue(Kind.LOCALIZED, null, List.of(), Collections.unmodifiableMap(copy));
  }

  /**
   * The shape of this value.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The single text of a {@link Kind#TEXT} value.
   *
   * @return the text
   * @throws IllegalStateException if this value is not {@link Kind#TEXT}
   */
  public String text() {
    if (text == null) {
      throw new IllegalStateException("metadata value is " + kind + ", not TEXT");
    }
    return text;
  }

  /**
   * The texts of a {@link Kind#LIST} value, unmodifiable.
   *
   * @return the texts
   * @throws IllegalStateException if this value is not {@link Kind#LIST}
   */
  public List<String> values() {
    if (kind != Kind.LIST) {
      throw new IllegalStateException("metadata value is " + kind + ", not LIST");
    }
    return values;
  }

  /**
   * The texts of a {@link Kind#LOCALIZED} value by locale, unmodifiable, in the given order.
   *
   * @return the texts by locale
   * @throws IllegalStateException if this value is not {@link Kind#LOCALIZED}
   */
  public Map<String, String> localizedValues() {
    if (kind != Kind.LOCALIZED) {
      throw new IllegalStateException("metadata value is " + kind + ", not LOCALIZED");
    }
    return localized;
  }

  /**
   * All texts of this value in order, whatever its kind: the text, the list, or the localized
   * texts. Handy for formats whose vendor has a flat string field.
   *
   * @return the texts, unmodifiable
   */
  public List<String> texts() {
    switch (kind) {
      case TEXT:
        return List.of(Objects.requireNonNull(text));
      case LIST:
        return values;
      default:
        return List.copyOf(localized.values());
    }
  }

  /**
   * Returns this value as plain Java values: a {@code String}, a {@code List<String>} or a
   * {@code Map<String, String>}.
   *
   * @return the JSON-compatible form of this value
   */
  public Object toJsonValue() {
    switch (kind) {
      case TEXT:
        return Objects.requireNonNull(text);
      case LIST:
        return values;
      default:
        return localized;
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MetadataValue)) {
      return false;
    }
    MetadataValue that = (MetadataValue) o;
    return kind == that.kind
        && Objects.equals(text, that.text)
        && values.equals(that.values)
        // Order of locales is presentation, not meaning.
        && localized.equals(that.localized);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, text, values, localized);
  }

  @Override
  public String toString() {
    return String.valueOf(toJsonValue());
  }
}
