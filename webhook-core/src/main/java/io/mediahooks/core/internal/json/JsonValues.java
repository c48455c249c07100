package io.mediahooks.core.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
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

  /** Deep-copies {@code value} into unmodifiable collections, rejecting anything not JSON. */
  public static @Nullable Object copy(@Nullable Object value, String path) {
    return copy(value, path, new IdentityHashMap<>());
  }

  private static @Nullable Object copy(
      @Nullable Object value, String path, IdentityHashMap<Object, Boolean> enclosing) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
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
      List<@Nullable Object> copy = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        copy.add(copy(list.get(i), path + "[" + i + "]", enclosing));
      }
      enclosing.remove(value);
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) value;
      Map<String, @Nullable Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String)) {
          throw new IllegalArgumentException(
              path + " has a key that is not a String (" + describe(e.getKey())
                  + "); JSON object keys are strings");
        }
        String key = (String) e.getKey();
        copy.put(key, copy(e.getValue(), path + "." + key, enclosing));
      }
      enclosing.remove(value);
      return Collections.unmodifiableMap(copy);
    }
    throw new IllegalArgumentException(
        path + " is a " + describe(value) + ", which is not JSON-compatible (allowed: String,"
            + " Boolean, null, Integer, Long, Short, Byte, BigInteger, BigDecimal, finite Double"
            + " and Float, List, Map with String keys)");
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
