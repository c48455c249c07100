package io.mediahooks.core.format.filerobot;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** JSON helpers of this format: the ASCII-only escaping and checked copies of static values. */
final class Json {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Json() {}

  /**
   * Escapes every character above U+007E as a lowercase backslash-u escape, as the vendor's
   * example does (backslash-u00c9 for an E with acute). Safe on serialised JSON: outside strings
   * there is only ASCII, and inside strings an escape means the same character.
   */
  static String asciiOnly(String json) {
    int i = 0;
    int n = json.length();
    while (i < n && json.charAt(i) <= 0x7e) {
      i++;
    }
    if (i == n) {
      return json;
    }
    StringBuilder out = new StringBuilder(n + 32).append(json, 0, i);
    for (; i < n; i++) {
      char c = json.charAt(i);
      if (c <= 0x7e) {
        out.append(c);
      } else {
        out.append("\\u")
            .append(HEX[(c >> 12) & 0xf])
            .append(HEX[(c >> 8) & 0xf])
            .append(HEX[(c >> 4) & 0xf])
            .append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  /** Deep-copies a JSON-compatible value into unmodifiable collections, naming what is wrong. */
  static @Nullable Object copy(@Nullable Object value, String path) {
    if (value == null || value instanceof String || value instanceof Boolean
        || value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte || value instanceof BigInteger || value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException(path + " is " + d + ", which JSON cannot represent");
      }
      return value;
    }
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      List<@Nullable Object> copy = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        copy.add(copy(list.get(i), path + "[" + i + "]"));
      }
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Map) {
      Map<String, @Nullable Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        if (!(e.getKey() instanceof String)) {
          throw new IllegalArgumentException(path + " has a key that is not a String: "
              + e.getKey());
        }
        String key = (String) e.getKey();
        copy.put(key, copy(e.getValue(), path + "." + key));
      }
      return Collections.unmodifiableMap(copy);
    }
    throw new IllegalArgumentException(path + " is a " + value.getClass().getName()
        + ", which is not JSON-compatible (allowed: String, Number, Boolean, null, List, Map"
        + " with String keys)");
  }
}
