package io.mediahooks.core.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Writes a tree of JSON values in one {@link JsonDialect}, byte for byte as that dialect's
 * reference implementation does; or, through {@link #toBytes(JsonDialect, Body)}, a body written
 * member by member, for formats whose bodies have a fixed shape.
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
 * still used to parse.
 *
 * <p>Why bytes: every body ends as UTF-8 bytes on a socket, and a worker renders one per attempt
 * (a 9.5 KB Fotoware body several thousand times a second). Encoding straight into a byte buffer
 * that the thread keeps between renders costs one exact-size copy per body, where a {@code
 * StringBuilder} cost its growth, {@code toString} and {@code getBytes}: about 80% of what a
 * render allocated. The static methods are thread-safe; each thread reuses its own buffers (kept
 * up to {@value #RETAINED} bytes, larger ones are dropped after use).
 */
public final class JsonWriter {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
  /** Largest buffer a thread keeps between renders, in bytes (and chars for the scratch). */
  static final int RETAINED = 64 * 1024;
  private static final int INITIAL = 4096;

  /**
   * Per character below 0x80: 0 when it is written as itself, else the letter of its short escape
   * ({@code n} for newline), or 'u' for a backslash-u escape. Index 0x7f differs per dialect.
   */
  private static final byte[] ESCAPES_UTF8 = escapes(false);
  private static final byte[] ESCAPES_ASCII = escapes(true);

  private static final ThreadLocal<JsonWriter> WRITERS = ThreadLocal.withInitial(JsonWriter::new);

  private byte[] buf = new byte[INITIAL];
  private char[] chars = new char[256];
  private int len;
  private boolean busy;
  private boolean python;
  private boolean asciiOnly;
  private byte[] escapes = ESCAPES_UTF8;
  /** Whether the object being written has no member yet (saved around nested objects). */
  private boolean firstMember;
  /** Objects opened with {@link #beginObject()} and not closed yet, at most 64. */
  private int depth;
  /** Per open object, lowest bit innermost: {@link #firstMember} of the object enclosing it. */
  private long enclosingFirst;
  /**
   * Writes one member of the object being written. Maps are walked with {@code forEach}, not
   * {@code entrySet()}: the unmodifiable maps events hold wrap every entry they hand out in a new
   * object (hundreds per Fotoware asset), and their {@code forEach} is the backing map's own loop.
   */
  private final BiConsumer<Object, Object> memberWriter = this::nextMember;

  private JsonWriter() {}

  private static byte[] escapes(boolean asciiOnly) {
    byte[] t = new byte[128];
    for (int c = 0; c < 0x20; c++) {
      t[c] = 'u';
    }
    t['"'] = '"';
    t['\\'] = '\\';
    t['\n'] = 'n';
    t['\r'] = 'r';
    t['\t'] = 't';
    t['\b'] = 'b';
    t['\f'] = 'f';
    if (asciiOnly) {
      // ensure_ascii escapes everything outside ' '..'~', DEL included.
      t[0x7f] = 'u';
    }
    return t;
  }

  /**
   * Serialises {@code value} in {@code dialect} as UTF-8 bytes.
   *
   * @param value the JSON value tree
   * @param dialect the dialect
   * @return the bytes, a new array of exactly the body's length
   */
  public static byte[] toBytes(@Nullable Object value, JsonDialect dialect) {
    return toBytes(dialect, w -> w.value(value));
  }

  /**
   * Writes a body member by member, without building a tree first: for formats whose bodies have
   * a fixed shape (microCMS's media body is four members and two small objects), where the maps a
   * tree needs cost more than writing. Inside, use {@link #beginObject()}, {@link #name(String)},
   * {@link #member(String, Object)} and {@link #endObject()}.
   */
  @FunctionalInterface
  public interface Body {
    /**
     * Writes the body.
     *
     * @param out the writer, valid only during this call
     */
    void writeTo(JsonWriter out);
  }

  /**
   * Serialises what {@code body} writes in {@code dialect} as UTF-8 bytes.
   *
   * @param dialect the dialect
   * @param body writes one JSON value
   * @return the bytes, a new array of exactly the body's length
   */
  public static byte[] toBytes(JsonDialect dialect, Body body) {
    JsonWriter w = acquire(dialect);
    try {
      body.writeTo(w);
      if (w.depth != 0) {
        throw new IllegalStateException(w.depth + " object(s) left open");
      }
      return Arrays.copyOf(w.buf, w.len);
    } finally {
      w.release();
    }
  }

  /**
   * Opens an object (a value: the body itself, or after {@link #name(String)}).
   *
   * @return this writer
   * @throws IllegalStateException if objects nest deeper than 64
   */
  public JsonWriter beginObject() {
    if (depth == 64) {
      throw new IllegalStateException("objects nested deeper than 64");
    }
    // One bit per open object remembers whether its enclosing object had a member yet.
    enclosingFirst = (enclosingFirst << 1) | (firstMember ? 1 : 0);
    depth++;
    put('{');
    firstMember = true;
    return this;
  }

  /**
   * Closes the innermost open object.
   *
   * @return this writer
   * @throws IllegalStateException if no object is open
   */
  public JsonWriter endObject() {
    if (depth == 0) {
      throw new IllegalStateException("no object is open");
    }
    put('}');
    depth--;
    firstMember = (enclosingFirst & 1) != 0;
    enclosingFirst >>>= 1;
    return this;
  }

  /**
   * Writes a member's name; the member's value must follow (a {@link #value} or an object).
   *
   * @param key the name
   * @return this writer
   * @throws IllegalArgumentException in the JavaScript dialects, if {@code key} is an array index
   *     (JavaScript would write it before the other members, in numeric order)
   */
  public JsonWriter name(String key) {
    if (!python && isArrayIndex(key)) {
      throw new IllegalArgumentException("\"" + key + "\" is an array index; JavaScript orders"
          + " such keys first, which a member-by-member writer cannot do: write a Map instead");
    }
    if (!firstMember) {
      separator();
    }
    firstMember = false;
    string(key);
    colon();
    return this;
  }

  /**
   * Writes one member: {@link #name(String)}, then {@code value} as {@link #toBytes(Object,
   * JsonDialect)} would write it.
   *
   * @param key the name
   * @param value a JSON value tree
   * @return this writer
   */
  public JsonWriter member(String key, @Nullable Object value) {
    name(key);
    value(value);
    return this;
  }

  /**
   * Writes a value as {@link #toBytes(Object, JsonDialect)} would.
   *
   * @param value a JSON value tree
   * @return this writer
   */
  public JsonWriter write(@Nullable Object value) {
    value(value);
    return this;
  }

  /**
   * Serialises {@code value} in {@code dialect}.
   *
   * @param value the JSON value tree
   * @param dialect the dialect
   * @return the JSON text
   */
  public static String toString(@Nullable Object value, JsonDialect dialect) {
    JsonWriter w = acquire(dialect);
    try {
      w.value(value);
      // Well-formed UTF-8 by construction: lone surrogates are always escaped.
      return new String(w.buf, 0, w.len, StandardCharsets.UTF_8);
    } finally {
      w.release();
    }
  }

  private static JsonWriter acquire(JsonDialect dialect) {
    JsonWriter w = WRITERS.get();
    if (w.busy) {
      // Only if a value's own code re-enters the writer on this thread; never in our formats.
      w = new JsonWriter();
    }
    w.busy = true;
    w.len = 0;
    w.firstMember = false;
    w.depth = 0;
    w.enclosingFirst = 0;
    w.python = dialect == JsonDialect.PYTHON;
    w.asciiOnly = dialect.asciiOnly();
    w.escapes = w.asciiOnly ? ESCAPES_ASCII : ESCAPES_UTF8;
    return w;
  }

  private void release() {
    busy = false;
    len = 0;
    if (buf.length > RETAINED) {
      buf = new byte[INITIAL];
    }
    if (chars.length > RETAINED) {
      chars = new char[256];
    }
  }

  private void ensure(int more) {
    if (buf.length - len < more) {
      // Doubling keeps the copies of one render linear in the body's size.
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }

  private void put(char c) {
    ensure(1);
    buf[len++] = (byte) c;
  }

  /** Appends ASCII text (literals, digits). */
  private void ascii(String s) {
    ascii(s, 0, s.length());
  }

  private void ascii(String s, int from, int to) {
    int n = to - from;
    ensure(n);
    byte[] b = buf;
    int p = len;
    for (int i = from; i < to; i++) {
      b[p++] = (byte) s.charAt(i);
    }
    len = p;
  }

  private void value(@Nullable Object value) {
    if (value instanceof JsonObject) {
      jsonObject((JsonObject) value);
    } else if (value instanceof JsonArray) {
      jsonArray((JsonArray) value);
    } else if (value == null) {
      ascii("null");
    } else if (value instanceof String) {
      string((String) value);
    } else if (value instanceof Map) {
      object((Map<?, ?>) value);
    } else if (value instanceof List) {
      array((List<?>) value);
    } else if (value instanceof Boolean) {
      ascii(((Boolean) value) ? "true" : "false");
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      integer(((Number) value).intValue());
    } else if (value instanceof Long) {
      long v = (Long) value;
      // A JavaScript sender only has doubles (see javaScriptInteger); Python prints every digit.
      if (python || (v >= -MAX_SAFE_INTEGER && v <= MAX_SAFE_INTEGER)) {
        integer(v);
      } else {
        number(((Long) value).doubleValue());
      }
    } else if (value instanceof BigInteger) {
      if (python) {
        // Python ints are arbitrary precision: json.dumps prints every digit.
        ascii(value.toString());
      } else {
        javaScriptInteger((BigInteger) value);
      }
    } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      number(toDouble((Number) value));
    } else {
      throw new IllegalArgumentException(
          "not a JSON value: " + value.getClass().getName() + " (" + value + ")");
    }
  }

  private void array(List<?> list) {
    put('[');
    int n = list.size();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        separator();
      }
      value(list.get(i));
    }
    put(']');
  }

  /** An object copied by {@link JsonValues#copy}: two arrays, kinds decided already. */
  private void jsonObject(JsonObject o) {
    if (!python && o.hasArrayIndexKey) {
      orderedObject(o);
      return;
    }
    String[] keys = o.keys;
    @Nullable Object[] values = o.values;
    byte[] kinds = o.kinds;
    put('{');
    for (int i = 0; i < keys.length; i++) {
      if (kinds[2 * i] == JsonValues.PLAIN_STRING) {
        plainKey(keys[i], i == 0);
      } else {
        if (i > 0) {
          separator();
        }
        escapedString(keys[i]);
        colon();
      }
      element(kinds[2 * i + 1], values[i]);
    }
    put('}');
  }

  /**
   * A member name that needs no escape, with the separator before it (unless it is the first)
   * and the colon after it, under one capacity check instead of three: a Fotoware asset has
   * hundreds of members, and capacity checks were 15% of its render's CPU samples.
   */
  @SuppressWarnings("deprecation")
  private void plainKey(String key, boolean first) {
    int n = key.length();
    ensure(n + 6); // separator, two quotes and colon, each with Python's space where it has one
    byte[] b = buf;
    int p = len;
    if (!first) {
      b[p++] = ',';
      if (python) {
        b[p++] = ' ';
      }
    }
    b[p++] = '"';
    key.getBytes(0, n, b, p);
    p += n;
    b[p++] = '"';
    b[p++] = ':';
    if (python) {
      b[p++] = ' ';
    }
    len = p;
  }

  private void jsonArray(JsonArray a) {
    @Nullable Object[] elements = a.elements;
    byte[] kinds = a.kinds;
    put('[');
    for (int i = 0; i < elements.length; i++) {
      if (i > 0) {
        separator();
      }
      element(kinds[i], elements[i]);
    }
    put(']');
  }

  /** A value of a copied container, by the kind decided when it was copied. */
  private void element(byte kind, @Nullable Object v) {
    switch (kind) {
      case JsonValues.PLAIN_STRING:
        plainString((String) v);
        break;
      case JsonValues.STRING:
        escapedString((String) v);
        break;
      case JsonValues.OBJECT:
        jsonObject((JsonObject) v);
        break;
      case JsonValues.ARRAY:
        jsonArray((JsonArray) v);
        break;
      case JsonValues.SMALL_INT:
        integer(((Number) v).intValue());
        break;
      case JsonValues.TRUE:
        ascii("true");
        break;
      case JsonValues.FALSE:
        ascii("false");
        break;
      case JsonValues.NULL:
        ascii("null");
        break;
      default:
        value(v);
    }
  }

  /**
   * A string {@link JsonValues#isPlain} found to need no escape: copied in bulk. The deprecated
   * {@code getBytes} keeps the low byte of each character, which is exact for ASCII, and copies a
   * compact string's bytes with one array copy instead of a loop per character.
   */
  @SuppressWarnings("deprecation")
  private void plainString(String s) {
    int n = s.length();
    ensure(n + 2);
    byte[] b = buf;
    int p = len;
    b[p++] = '"';
    s.getBytes(0, n, b, p);
    p += n;
    b[p++] = '"';
    len = p;
  }

  private void separator() {
    if (python) {
      ensure(2);
      buf[len++] = ',';
      buf[len++] = ' ';
    } else {
      put(',');
    }
  }

  private void object(Map<?, ?> map) {
    if (!python && hasArrayIndexKey(map)) {
      orderedObject(map);
      return;
    }
    put('{');
    boolean outer = firstMember;
    firstMember = true;
    map.forEach(memberWriter);
    firstMember = outer;
    put('}');
  }

  private void nextMember(Object key, @Nullable Object value) {
    if (!firstMember) {
      separator();
    }
    firstMember = false;
    member(key, value);
  }

  private void member(@Nullable Object key, @Nullable Object value) {
    if (!(key instanceof String)) {
      throw new IllegalArgumentException("JSON object key is not a String: " + key);
    }
    string((String) key);
    colon();
    value(value);
  }

  private void colon() {
    if (python) {
      ensure(2);
      buf[len++] = ':';
      buf[len++] = ' ';
    } else {
      put(':');
    }
  }

  private static boolean hasArrayIndexKey(Map<?, ?> map) {
    for (Object key : map.keySet()) {
      if (key instanceof String && isArrayIndex((String) key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A JavaScript object lists array-index keys first, in ascending numeric order, then the other
   * keys in insertion order; JSON.stringify (and a receiver re-stringifying what it parsed, as
   * Betterez's docs advise) writes them in that order, so we must too.
   */
  private void orderedObject(Map<?, ?> map) {
    List<Map.Entry<?, ?>> ordered = new ArrayList<>(map.size());
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (e.getKey() instanceof String && isArrayIndex((String) e.getKey())) {
        ordered.add(e);
      }
    }
    ordered.sort(Comparator.comparingLong(e -> Long.parseLong((String) e.getKey())));
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String && isArrayIndex((String) e.getKey()))) {
        ordered.add(e);
      }
    }
    put('{');
    for (int i = 0; i < ordered.size(); i++) {
      if (i > 0) {
        separator();
      }
      member(ordered.get(i).getKey(), ordered.get(i).getValue());
    }
    put('}');
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

  private void integer(long v) {
    if (v == Long.MIN_VALUE) {
      ascii(Long.toString(v)); // its negation overflows
      return;
    }
    ensure(20);
    if (v < 0) {
      buf[len++] = '-';
      v = -v;
    }
    int digits = 1;
    for (long t = v; t >= 10; t /= 10) {
      digits++;
    }
    int p = len + digits;
    len = p;
    do {
      buf[--p] = (byte) ('0' + (int) (v % 10));
      v /= 10;
    } while (v != 0);
  }

  /**
   * A JavaScript sender only has doubles, so an integer is written as the number JavaScript
   * would hold for it: exact up to 2^53, rounded to the nearest double beyond (Long.MAX_VALUE is
   * 9223372036854776000), and null beyond the double range, as {@code JSON.stringify} does for
   * infinities. Printing all digits instead would break receivers that parse and re-stringify
   * the body to check a signature.
   */
  private void javaScriptInteger(BigInteger n) {
    if (n.bitLength() <= 53) {
      integer(n.longValue());
    } else {
      // BigInteger converts with round-half-even, as ECMAScript's Number(bigint) does.
      number(n.doubleValue());
    }
  }

  /** Appends a JSON string literal with the dialect's escapes, encoded as UTF-8. */
  private void string(String s) {
    if (JsonValues.isPlain(s)) {
      // The usual key or URL: checked without copying, then copied in bulk.
      plainString(s);
    } else {
      escapedString(s);
    }
  }

  /**
   * A string that needs escapes or non-ASCII encoding (or may: the result is the same for a
   * plain one, only slower). Copied containers call it directly for the strings whose kind says
   * so, rather than have {@link #string} check them again.
   */
  private void escapedString(String s) {
    int n = s.length();
    char[] cs = chars;
    if (cs.length < n) {
      cs = new char[Math.max(n, cs.length * 2)];
      if (cs.length <= RETAINED) {
        chars = cs;
      }
    }
    // One bulk copy (an intrinsic for the usual Latin-1 strings), then a loop over an array the
    // compiler can check once, instead of a bounds- and coder-checked charAt per character.
    s.getChars(0, n, cs, 0);
    ensure(n + 2);
    byte[] b = buf;
    byte[] esc = escapes;
    int p = len;
    b[p++] = '"';
    int i = 0;
    while (i < n) {
      char c = cs[i];
      if (c < 0x80 && esc[c] == 0) {
        b[p++] = (byte) c;
        i++;
        continue;
      }
      len = p;
      // Up to 6 bytes for this character (12 for an escaped pair), then the rest of the string
      // at one byte each and the closing quote, so the fast path above never checks capacity.
      ensure(12 + (n - i));
      i = special(cs, i, n, c);
      b = buf;
      p = len;
    }
    b[p++] = '"';
    len = p;
  }

  /** Writes the character at {@code i} that needs more than itself; returns the next index. */
  private int special(char[] cs, int i, int n, char c) {
    byte[] b = buf;
    if (c < 0x80) {
      byte e = escapes[c];
      if (e == 'u') {
        unicodeEscape(c);
      } else {
        b[len++] = '\\';
        b[len++] = e;
      }
      return i + 1;
    }
    if (asciiOnly) {
      // ensure_ascii: a non-BMP character is already its surrogate pair in a Java string, and
      // comes out as two escapes, exactly as Python writes it.
      unicodeEscape(c);
      return i + 1;
    }
    if (Character.isSurrogate(c)) {
      // Well-formed JSON.stringify (ES2019): pairs pass through, lone surrogates are escaped.
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(cs[i + 1])) {
        int cp = Character.toCodePoint(c, cs[i + 1]);
        b[len++] = (byte) (0xf0 | (cp >> 18));
        b[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        b[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        b[len++] = (byte) (0x80 | (cp & 0x3f));
        return i + 2;
      }
      unicodeEscape(c);
      return i + 1;
    }
    if (c < 0x800) {
      b[len++] = (byte) (0xc0 | (c >> 6));
      b[len++] = (byte) (0x80 | (c & 0x3f));
    } else {
      b[len++] = (byte) (0xe0 | (c >> 12));
      b[len++] = (byte) (0x80 | ((c >> 6) & 0x3f));
      b[len++] = (byte) (0x80 | (c & 0x3f));
    }
    return i + 1;
  }

  private void unicodeEscape(char c) {
    ensure(6);
    byte[] b = buf;
    b[len++] = '\\';
    b[len++] = 'u';
    b[len++] = HEX[(c >> 12) & 0xf];
    b[len++] = HEX[(c >> 8) & 0xf];
    b[len++] = HEX[(c >> 4) & 0xf];
    b[len++] = HEX[c & 0xf];
  }

  private static double toDouble(Number n) {
    if (n instanceof Float) {
      // Through the float's own shortest decimal: 0.1f is 0.1 to its writer, not
      // 0.10000000149011612.
      return Double.parseDouble(Float.toString(n.floatValue()));
    }
    return n.doubleValue();
  }

  /** Appends a double in the dialect's number format. */
  private void number(double d) {
    if (Double.isNaN(d)) {
      ascii(python ? "NaN" : "null");
      return;
    }
    if (Double.isInfinite(d)) {
      ascii(python ? (d > 0 ? "Infinity" : "-Infinity") : "null");
      return;
    }
    if (d == 0) {
      boolean negative = Double.doubleToRawLongBits(d) != 0;
      ascii(python ? (negative ? "-0.0" : "0.0") : "0");
      return;
    }
    if (d < 0) {
      put('-');
      d = -d;
    }
    Shortest s = shortest(d);
    if (python) {
      formatPython(s.digits, s.point);
    } else {
      formatJavaScript(s.digits, s.point);
    }
  }

  private void zeros(int count) {
    ensure(count);
    for (int i = 0; i < count; i++) {
      buf[len++] = '0';
    }
  }

  /**
   * Python {@code float_repr_style = 'short'}: fixed notation when -4 &lt; point &lt;= 16, else
   * exponent notation with a sign and at least two exponent digits.
   */
  private void formatPython(String digits, int point) {
    int k = digits.length();
    if (point > -4 && point <= 16) {
      if (point <= 0) {
        ascii("0.");
        zeros(-point);
        ascii(digits);
      } else if (point >= k) {
        ascii(digits);
        zeros(point - k);
        ascii(".0");
      } else {
        ascii(digits, 0, point);
        put('.');
        ascii(digits, point, k);
      }
      return;
    }
    put(digits.charAt(0));
    if (k > 1) {
      put('.');
      ascii(digits, 1, k);
    }
    int exp = point - 1;
    put('e');
    put(exp < 0 ? '-' : '+');
    int abs = Math.abs(exp);
    if (abs < 10) {
      put('0');
    }
    integer(abs);
  }

  /** ECMAScript Number::toString(10), steps 6 to 10. */
  private void formatJavaScript(String digits, int n) {
    int k = digits.length();
    if (k <= n && n <= 21) {
      ascii(digits);
      zeros(n - k);
    } else if (0 < n && n <= 21) {
      ascii(digits, 0, n);
      put('.');
      ascii(digits, n, k);
    } else if (-6 < n && n <= 0) {
      ascii("0.");
      zeros(-n);
      ascii(digits);
    } else {
      put(digits.charAt(0));
      if (k > 1) {
        put('.');
        ascii(digits, 1, k);
      }
      int exp = n - 1;
      put('e');
      put(exp < 0 ? '-' : '+');
      integer(Math.abs(exp));
    }
  }

  /**
   * The shortest decimal digits that round-trip to {@code d} (positive, finite), closest to the
   * exact value among those (the even one on a tie), as both Python's {@code repr} and JavaScript
   * require; {@code point} is the decimal exponent such that the value is
   * {@code 0.digits x 10^point}.
   */
  static Shortest shortest(double d) {
    if (d < 0x1p53 && d == Math.rint(d)) {
      // Every integer below 2^53 is a double whose neighbours are at most 1 away, so no decimal
      // with fewer significant digits rounds to it: its own digits, trailing zeros dropped, are
      // the shortest (300.0 is "3" with point 3). Skips the BigDecimal search for the common case.
      String all = Long.toString((long) d);
      int end = all.length();
      while (all.charAt(end - 1) == '0') {
        end--;
      }
      return new Shortest(all.substring(0, end), all.length());
    }
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
