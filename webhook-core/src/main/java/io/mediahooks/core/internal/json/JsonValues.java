package io.mediahooks.core.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Validation and deep copies of JSON-compatible values: {@code String}, {@code Boolean}, finite
 * numbers, {@code null}, {@code List} and {@code Map} with {@code String} keys. Maps keep their
 * iteration order because vendors' key order is part of their wire format.
 */
public final class JsonValues {
  // Floats stay Double (so 300.0 keeps its decimal point) and objects keep their key order.
  // Trailing content and duplicate keys fail instead of being dropped: a map cannot hold both
  // values of a duplicated key, and Jackson would otherwise ignore "{} garbage" after the value.
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private JsonValues() {}

  /**
   * Deep-copies {@code value} into immutable {@link JsonObject} and {@link JsonArray} containers
   * (key order kept), rejecting anything not JSON.
   *
   * @param value the host's value
   * @param path how error messages name the value, for example {@code extension fotoware.asset}
   * @return the copy; strings, booleans, numbers and null as they are
   * @throws IllegalArgumentException naming the path of the first value that is not JSON
   */
  public static @Nullable Object copy(@Nullable Object value, String path) {
    return copy(value, new Path(null, path, -1), new IdentityHashMap<>());
  }

  /**
   * Where a value sits, turned into text only for an error message: building the text for
   * every member of a large tree cost more than copying it.
   */
  private static final class Path {
    private final @Nullable Path parent;
    private final @Nullable String key;
    private final int index;

    Path(@Nullable Path parent, @Nullable String key, int index) {
      this.parent = parent;
      this.key = key;
      this.index = index;
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      append(sb);
      return sb.toString();
    }

    private void append(StringBuilder sb) {
      if (parent != null) {
        parent.append(sb);
        if (key != null) {
          sb.append('.').append(key);
        } else {
          sb.append('[').append(index).append(']');
        }
      } else {
        sb.append(key);
      }
    }
  }

  private static @Nullable Object copy(
      @Nullable Object value, Path path, IdentityHashMap<Object, Boolean> enclosing) {
    if (value == null || value instanceof String || value instanceof Boolean
        || value instanceof JsonObject || value instanceof JsonArray) {
      return value; // the last two: an earlier copy, immutable and checked already
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger
        || value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException(path + " is " + d + ", which JSON cannot represent");
      }
      return value;
    }
    if ((value instanceof List || value instanceof Map) && enclosing.put(value, true) != null) {
      // Without this a list containing itself overflows the stack instead of failing clearly.
      throw new IllegalArgumentException(path + " contains itself; JSON values cannot be cyclic");
    }
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      int n = list.size();
      @Nullable Object[] copy = new Object[n];
      int i = 0;
      for (Object element : list) {
        if (i == n) {
          throw new IllegalArgumentException(path + " changed while it was being copied");
        }
        copy[i] = copy(element, new Path(path, null, i), enclosing);
        i++;
      }
      if (i != n) {
        throw new IllegalArgumentException(path + " changed while it was being copied");
      }
      enclosing.remove(value);
      return new JsonArray(copy);
    }
    if (value instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) value;
      int n = map.size();
      String[] keys = new String[n];
      @Nullable Object[] values = new Object[n];
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String)) {
          throw new IllegalArgumentException(
              path + " has a key that is not a String (" + describe(e.getKey())
                  + "); JSON object keys are strings");
        }
        if (i == n) {
          throw new IllegalArgumentException(path + " changed while it was being copied");
        }
        String key = (String) e.getKey();
        keys[i] = key;
        values[i] = copy(e.getValue(), new Path(path, key, -1), enclosing);
        i++;
      }
      if (i != n) {
        throw new IllegalArgumentException(path + " changed while it was being copied");
      }
      enclosing.remove(value);
      return new JsonObject(keys, values);
    }
    throw new IllegalArgumentException(
        path + " is a " + describe(value) + ", which is not JSON-compatible (allowed: String,"
            + " Boolean, null, Integer, Long, Short, Byte, BigInteger, BigDecimal, finite Double"
            + " and Float, List, Map with String keys)");
  }

  // What the writer needs to know of a value, decided once when the value is copied.
  static final byte OTHER = 0;
  static final byte PLAIN_STRING = 1;
  static final byte STRING = 2;
  static final byte OBJECT = 3;
  static final byte ARRAY = 4;
  static final byte SMALL_INT = 5;
  static final byte TRUE = 6;
  static final byte FALSE = 7;
  static final byte NULL = 8;

  /** The writer's kind of an already copied value (floats and big numbers are OTHER). */
  static byte kind(@Nullable Object v) {
    if (v instanceof String) {
      return isPlain((String) v) ? PLAIN_STRING : STRING;
    }
    if (v instanceof JsonObject) {
      return OBJECT;
    }
    if (v instanceof JsonArray) {
      return ARRAY;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return SMALL_INT;
    }
    if (v instanceof Boolean) {
      return ((Boolean) v) ? TRUE : FALSE;
    }
    return v == null ? NULL : OTHER;
  }

  /**
   * Whether {@code s} is written as itself between quotes in every dialect: printable ASCII
   * without quote or backslash (DEL and everything above it are escaped by the ASCII dialects).
   */
  static boolean isPlain(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** Parses JSON text into the same value model: ordered maps, lists, Double for decimals. */
  public static @Nullable Object parse(String json, String path) {
    Objects.requireNonNull(json, () -> path + " must not be null");
    try {
      return copy(MAPPER.readValue(json, Object.class), path);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          path + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String describe(@Nullable Object o) {
    return o == null ? "null" : o.getClass().getName();
  }
}
