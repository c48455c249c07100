package io.mediahooks.core.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
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
 * iteration order) and {@code List}. Anything else is an {@link IllegalArgumentException}: a
 * format bug, never host input, which the snapshot builder already validated.
 *
 * <p>Why our own writer rather than Jackson's generator: Python's separators, lowercase
 * backslash-u escapes, {@code repr} floats and JavaScript's number formatting are each a
 * custom hook in Jackson, and together they are simpler and exact as one small class. Jackson is
 * still used to parse. Stateless and thread-safe.
 */
public final class JsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

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
      out.append(value);
    } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      writeFloat(out, toDouble((Number) value), dialect);
    } else if (value instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) value;
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(python ? ", " : ",");
        }
        first = false;
        Object key = e.getKey();
        if (!(key instanceof String)) {
          throw new IllegalArgumentException("JSON object key is not a String: " + key);
        }
        writeString(out, (String) key, dialect);
        out.append(python ? ": " : ":");
        write(out, e.getValue(), dialect);
      }
      out.append('}');
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

  /**
   * Appends a JSON string literal with the dialect's escapes.
   *
   * @param out where to write
   * @param s the string
   * @param dialect the dialect
   */
  public static void writeString(StringBuilder out, String s, JsonDialect dialect) {
    boolean python = dialect == JsonDialect.PYTHON;
    out.append('"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
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
      } else if (python) {
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
        } else {
          unicodeEscape(out, c);
        }
      } else {
        out.append(c);
      }
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
   * exact value among those, as both Python's {@code repr} and JavaScript require; {@code point}
   * is the decimal exponent such that the value is {@code 0.digits x 10^point}.
   *
   * <p>At each length both neighbours of the exact value are candidates, not only the nearest:
   * just above a power of two the gap to the next smaller double is half the gap to the next
   * larger one, so the nearest short decimal can fall outside the value's rounding interval on
   * the narrow side while the other neighbour, farther away on the wide side, still round-trips
   * (2^-44 is {@code 5.684341886080802e-14}, not {@code 5.6843418860808015e-14}).
   */
  static Shortest shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal down = exact.round(new MathContext(precision, RoundingMode.DOWN));
      BigDecimal up = exact.round(new MathContext(precision, RoundingMode.UP));
      boolean downOk = down.doubleValue() == d;
      boolean upOk = up.doubleValue() == d;
      BigDecimal pick;
      if (downOk && upOk) {
        int cmp = exact.subtract(down).compareTo(up.subtract(exact));
        // Equally near: the even last digit, which is what HALF_EVEN rounding gives.
        pick = cmp < 0 ? down : cmp > 0 ? up
            : exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      } else if (downOk) {
        pick = down;
      } else if (upOk) {
        pick = up;
      } else {
        continue;
      }
      BigDecimal stripped = pick.stripTrailingZeros();
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
