package io.mediahooks.core.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a tree of JSON values in one {@link JsonDialect}, byte for byte as that dialect's
 * reference implementation does.
 *
 * <p>Values: {@code null}, {@code String}, {@code Boolean}, {@code Number} ({@code Integer},
 * {@code Long}, {@code Short}, {@code Byte}, {@code BigInteger} as integers; {@code Double},
 * {@code Float}, {@code BigDecimal} as floats), {@code Map} with {@code String} keys (written in
 * iteration order, except that JAVASCRIPT writes array-index keys such as {@code "2"} first, as a
 * JavaScript object does) and {@code List}. Anything else is an {@link IllegalArgumentException}: a
 * format bug, never host input, which the snapshot builder already validated.
 *
 * <p>Why our own writer rather than Jackson's generator: Python's separators, lowercase
 * backslash-u escapes, {@code repr} floats and JavaScript's number formatting are each a
 * custom hook in Jackson, and together they are simpler and exact as one small class. Jackson is
 * still used to parse. Stateless and thread-safe.
 */
public final class JsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private JsonWriter() {}

  /**
   * Serialises {@code value} in {@code dialect} as UTF-8 bytes.
   *
   * @param value the JSON value tree
   * @param dialect the dialect
   * @return the bytes
   */
  public static byte[] toBytes(@Nullable Object value, JsonDialect dialect) {
    return toString(value, dialect).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Serialises {@code value} in {@code dialect}.
   *
   * @param value the JSON value tree
   * @param dialect the dialect
   * @return the JSON text
   */
  public static String toString(@Nullable Object value, JsonDialect dialect) {
    StringBuilder out = new StringBuilder(256);
    write(out, value, dialect);
    return out.toString();
  }

  /**
   * Appends {@code value} in {@code dialect} to {@code out}.
   *
   * @param out where to write
   * @param value the JSON value tree
   * @param dialect the dialect
   */
  public static void write(StringBuilder out, @Nullable Object value, JsonDialect dialect) {
    boolean python = dialect == JsonDialect.PYTHON;
    if (value == null) {
      out.append("null");
    } else if (value instanceof String) {
      writeString(out, (String) value, dialect);
    } else if (value instanceof Boolean) {
      out.append(((Boolean) value) ? "true" : "false");
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      if (python) {
        // Python ints are arbitrary precision: json.dumps prints every digit.
        out.append(value);
      } else {
        writeJavaScriptInteger(out, (Number) value);
      }
    } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      writeFloat(out, toDouble((Number) value), dialect);
    } else if (value instanceof Map) {
      writeObject(out, (Map<?, ?>) value, dialect);
    } else if (value instanceof List) {
      List<?> list = (List<?>) value;
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(python ? ", " : ",");
        }
        write(out, list.get(i), dialect);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException(
          "not a JSON value: " + value.getClass().getName() + " (" + value + ")");
    }
  }

  private static void writeObject(StringBuilder out, Map<?, ?> map, JsonDialect dialect) {
    boolean python = dialect == JsonDialect.PYTHON;
    boolean indexKeys = false;
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        throw new IllegalArgumentException("JSON object key is not a String: " + key);
      }
      indexKeys |= !python && isArrayIndex((String) key);
    }
    Iterable<? extends Map.Entry<?, ?>> entries = map.entrySet();
    if (indexKeys) {
      // A JavaScript object lists array-index keys first, in ascending numeric order, then the
      // other keys in insertion order; JSON.stringify (and a receiver re-stringifying what it
      // parsed, as Betterez's docs advise) writes them in that order, so we must too.
      List<Map.Entry<?, ?>> ordered = new ArrayList<>(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (isArrayIndex((String) e.getKey())) {
          ordered.add(e);
        }
      }
      ordered.sort(Comparator.comparingLong(e -> Long.parseLong((String) e.getKey())));
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!isArrayIndex((String) e.getKey())) {
          ordered.add(e);
        }
      }
      entries = ordered;
    }
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : entries) {
      if (!first) {
        out.append(python ? ", " : ",");
      }
      first = false;
      writeString(out, (String) e.getKey(), dialect);
      out.append(python ? ": " : ":");
      write(out, e.getValue(), dialect);
    }
    out.append('}');
  }

  /**
   * Whether {@code key} is an ECMAScript array index: the canonical decimal form of an integer
   * from 0 to 2^32 - 2 (so "01", "-1" and "4294967295" are ordinary keys).
   */
  static boolean isArrayIndex(String key) {
    int n = key.length();
    if (n == 0 || n > 10 || (n > 1 && key.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return Long.parseLong(key) <= 4_294_967_294L;
  }

  /**
   * A JavaScript sender only has doubles, so an integer is written as the number JavaScript
   * would hold for it: exact up to 2^53, rounded to the nearest double beyond (Long.MAX_VALUE is
   * 9223372036854776000), and null beyond the double range, as {@code JSON.stringify} does for
   * infinities. Printing all digits instead would break receivers that parse and re-stringify
   * the body to check a signature.
   */
  private static void writeJavaScriptInteger(StringBuilder out, Number n) {
    if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
      out.append(n.intValue());
      return;
    }
    if (n instanceof Long) {
      long v = n.longValue();
      // Not Math.abs: it overflows for Long.MIN_VALUE.
      if (v >= -MAX_SAFE_INTEGER && v <= MAX_SAFE_INTEGER) {
        out.append(v);
        return;
      }
    }
    // Long and BigInteger both convert with round-half-even, as ECMAScript's Number(bigint) does.
    writeFloat(out, n.doubleValue(), JsonDialect.JAVASCRIPT);
  }

  /**
   * Appends a JSON string literal with the dialect's escapes.
   *
   * @param out where to write
   * @param s the string
   * @param dialect the dialect
   */
  public static void writeString(StringBuilder out, String s, JsonDialect dialect) {
    boolean asciiOnly = dialect.asciiOnly();
    out.append('"');
    int n = s.length();
    // Runs of characters that need no escape are appended in bulk, not one by one.
    int run = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\'
          && (asciiOnly ? c <= 0x7e : !Character.isSurrogate(c))) {
        continue;
      }
      if (run < i) {
        out.append(s, run, i);
      }
      run = i + 1;
      switch (c) {
        case '"':
          out.append("\\\"");
          continue;
        case '\\':
          out.append("\\\\");
          continue;
        case '\n':
          out.append("\\n");
          continue;
        case '\r':
          out.append("\\r");
          continue;
        case '\t':
          out.append("\\t");
          continue;
        case '\b':
          out.append("\\b");
          continue;
        case '\f':
          out.append("\\f");
          continue;
        default:
          break;
      }
      if (c < 0x20) {
        unicodeEscape(out, c);
      } else if (asciiOnly) {
        // ensure_ascii: everything outside ' '..'~' is escaped; Java strings are already UTF-16,
        // so a non-BMP character comes out as its surrogate pair, exactly as Python does.
        if (c > 0x7e) {
          unicodeEscape(out, c);
        } else {
          out.append(c);
        }
      } else if (Character.isSurrogate(c)) {
        // Well-formed JSON.stringify (ES2019): pairs pass through, lone surrogates are escaped.
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          out.append(c).append(s.charAt(++i));
          run = i + 1;
        } else {
          unicodeEscape(out, c);
        }
      } else {
        out.append(c);
      }
    }
    if (run < n) {
      out.append(s, run, n);
    }
    out.append('"');
  }

  private static void unicodeEscape(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xf])
        .append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }

  private static double toDouble(Number n) {
    if (n instanceof Float) {
      // Through the float's own shortest decimal: 0.1f is 0.1 to its writer, not
      // 0.10000000149011612.
      return Double.parseDouble(Float.toString(n.floatValue()));
    }
    return n.doubleValue();
  }

  /**
   * Appends a double in the dialect's number format.
   *
   * @param out where to write
   * @param d the number
   * @param dialect the dialect
   */
  public static void writeFloat(StringBuilder out, double d, JsonDialect dialect) {
    boolean python = dialect == JsonDialect.PYTHON;
    if (Double.isNaN(d)) {
      out.append(python ? "NaN" : "null");
      return;
    }
    if (Double.isInfinite(d)) {
      out.append(python ? (d > 0 ? "Infinity" : "-Infinity") : "null");
      return;
    }
    if (d == 0) {
      boolean negative = Double.doubleToRawLongBits(d) != 0;
      out.append(python ? (negative ? "-0.0" : "0.0") : "0");
      return;
    }
    if (d < 0) {
      out.append('-');
      d = -d;
    }
    Shortest s = shortest(d);
    if (python) {
      formatPython(out, s.digits, s.point);
    } else {
      formatJavaScript(out, s.digits, s.point);
    }
  }

  /**
   * Python {@code float_repr_style = 'short'}: fixed notation when -4 &lt; point &lt;= 16, else
   * exponent notation with a sign and at least two exponent digits.
   */
  private static void formatPython(StringBuilder out, String digits, int point) {
    int k = digits.length();
    if (point > -4 && point <= 16) {
      if (point <= 0) {
        out.append("0.");
        for (int i = 0; i < -point; i++) {
          out.append('0');
        }
        out.append(digits);
      } else if (point >= k) {
        out.append(digits);
        for (int i = k; i < point; i++) {
          out.append('0');
        }
        out.append(".0");
      } else {
        out.append(digits, 0, point).append('.').append(digits, point, k);
      }
      return;
    }
    out.append(digits.charAt(0));
    if (k > 1) {
      out.append('.').append(digits, 1, k);
    }
    int exp = point - 1;
    out.append('e').append(exp < 0 ? '-' : '+');
    int abs = Math.abs(exp);
    if (abs < 10) {
      out.append('0');
    }
    out.append(abs);
  }

  /** ECMAScript Number::toString(10), steps 6 to 10. */
  private static void formatJavaScript(StringBuilder out, String digits, int n) {
    int k = digits.length();
    if (k <= n && n <= 21) {
      out.append(digits);
      for (int i = k; i < n; i++) {
        out.append('0');
      }
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.");
      for (int i = 0; i < -n; i++) {
        out.append('0');
      }
      out.append(digits);
    } else {
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      int exp = n - 1;
      out.append('e').append(exp < 0 ? '-' : '+').append(Math.abs(exp));
    }
  }

  /**
   * The shortest decimal digits that round-trip to {@code d} (positive, finite), closest to the
   * exact value among those (the even one on a tie), as both Python's {@code repr} and JavaScript
   * require; {@code point} is the decimal exponent such that the value is
   * {@code 0.digits x 10^point}.
   */
  static Shortest shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int precision = 1; precision <= 17; precision++) {
      // Both neighbours at this precision, not just the nearest: at a power of two the gap
      // below d is half the gap above, so the nearest candidate can fall outside d's rounding
      // interval while the farther one, above d, is inside it (2^-1017 is 7.120236347223045e-307,
      // 16 digits, though the nearest 16-digit value does not round-trip).
      BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
      BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
      boolean downOk = down.doubleValue() == d;
      boolean upOk = up.doubleValue() == d;
      if (!downOk && !upOk) {
        continue;
      }
      BigDecimal chosen;
      if (downOk && upOk && down.compareTo(up) != 0) {
        int cmp = exact.subtract(down).compareTo(up.subtract(exact));
        if (cmp != 0) {
          chosen = cmp < 0 ? down : up;
        } else {
          chosen = down.unscaledValue().testBit(0) ? up : down;
        }
      } else {
        chosen = downOk ? down : up;
      }
      BigDecimal stripped = chosen.stripTrailingZeros();
      String digits = stripped.unscaledValue().toString();
      int point = digits.length() - stripped.scale();
      return new Shortest(digits, point);
    }
    throw new AssertionError("17 significant digits always round-trip a double: " + d);
  }

  static final class Shortest {
    final String digits;
    final int point;

    Shortest(String digits, int point) {
      this.digits = digits;
      this.point = point;
    }
  }
}
