package io.mediahooks.core.format.fotoware;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Fotoware metadata field ids (IPTC dataset numbers, as in the asset representation's
 * {@code metadata} keys) and the names a host may use for them. Immutable.
 */
final class FotowareFields {
  static final int TITLE = 5;
  static final int KEYWORDS = 25;
  static final int BYLINE = 80;
  static final int DESCRIPTION = 120;

  /** Names that fill {@code builtinFields} entries and are not metadata fields of their own. */
  static final Set<String> BUILTIN_ONLY = Set.of("status", "rating", "notes");

  private static final FotowareFields DEFAULTS = createDefaults();

  private final Map<String, Integer> idsByName;
  private final Map<Integer, String> labels;

  private FotowareFields(Map<String, Integer> idsByName, Map<Integer, String> labels) {
    this.idsByName = Collections.unmodifiableMap(idsByName);
    this.labels = Collections.unmodifiableMap(labels);
  }

  static FotowareFields defaults() {
    return DEFAULTS;
  }

  private static FotowareFields createDefaults() {
    Map<String, Integer> ids = new LinkedHashMap<>();
    Map<Integer, String> labels = new LinkedHashMap<>();
    // Label of 25 is confirmed by the captured metadataDiff; the others are the IPTC dataset
    // names as Fotoware's default metadata sets show them [I].
    def(ids, labels, TITLE, "Title", "title");
    def(ids, labels, KEYWORDS, "Keywords", "keywords", "tags");
    def(ids, labels, 40, "Special Instructions", "instructions");
    def(ids, labels, BYLINE, "Byline", "byline", "creator", "creators", "author");
    def(ids, labels, 90, "City", "city");
    def(ids, labels, 95, "State/Province", "state", "province");
    def(ids, labels, 101, "Country", "country");
    def(ids, labels, 105, "Headline", "headline");
    def(ids, labels, 110, "Credit", "credit");
    def(ids, labels, 115, "Source", "source");
    def(ids, labels, 116, "Copyright", "copyright");
    def(ids, labels, DESCRIPTION, "Description", "description", "caption");
    return new FotowareFields(ids, labels);
  }

  private static void def(
      Map<String, Integer> ids, Map<Integer, String> labels, int id, String label,
      String... names) {
    labels.put(id, label);
    for (String n : names) {
      ids.put(n, id);
    }
  }

  /** Returns a copy that also maps {@code name} to {@code id} and labels {@code id}. */
  FotowareFields with(String name, int id, String label) {
    Map<String, Integer> ids = new LinkedHashMap<>(idsByName);
    Map<Integer, String> l = new LinkedHashMap<>(labels);
    ids.put(name.toLowerCase(Locale.ROOT), id);
    l.put(id, label);
    return new FotowareFields(ids, l);
  }

  /**
   * The field id for a host metadata name: a mapped name (case-insensitive), else the name
   * itself when it is a decimal field id, else null.
   */
  @Nullable Integer id(String name) {
    Integer mapped = idsByName.get(name.toLowerCase(Locale.ROOT));
    if (mapped != null) {
      return mapped;
    }
    return numericId(name);
  }

  /** The label for a field id: configured or default, else the id in decimal. */
  String label(int id) {
    String l = labels.get(id);
    return l != null ? l : Integer.toString(id);
  }

  /** Mapped names in definition order, for error messages. */
  Set<String> names() {
    return idsByName.keySet();
  }

  static @Nullable Integer numericId(String s) {
    if (s.isEmpty() || s.length() > 9) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    return Integer.parseInt(s);
  }
}
