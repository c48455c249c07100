package io.mediahooks.core.internal.json;

/**
 * How a vendor's sender serialises JSON, byte for byte. Vendors' receivers hash, sign or compare
 * bodies, so "equivalent JSON" is not enough: separators, escapes and number forms all matter.
 */
public enum JsonDialect {
  /**
   * JavaScript {@code JSON.stringify(value)}: no whitespace, {@code /} and non-ASCII unescaped,
   * control characters as {@code \b \t \n \f \r} or lowercase backslash-u escapes, lone surrogates
   * escaped, numbers as ECMAScript {@code Number.prototype.toString} (1e21, 1.5e-7), NaN and
   * infinities as {@code null}, negative zero as {@code 0}. Integers are JavaScript numbers too:
   * exact up to 2^53, beyond that the nearest double ({@code Long.MAX_VALUE} is written
   * {@code 9223372036854776000}). Object keys that are array indices ({@code "0"} to
   * {@code "4294967294"}) come first in ascending order, the rest in insertion order, as in any
   * JavaScript object. So {@code JSON.stringify(JSON.parse(body))} gives back the same bytes.
   * Betterez (a Node.js sender) and the neutral formats use it.
   */
  JAVASCRIPT(false),
  /**
   * {@link #JAVASCRIPT} with every character above U+007E written as a lowercase backslash-u
   * escape (non-BMP as a surrogate pair): compact JSON that is pure ASCII on the wire, the form
   * Filerobot's documentation examples show. Parses to the same value as {@link #JAVASCRIPT}.
   */
  JAVASCRIPT_ASCII(true),
  /**
   * Python {@code json.dumps(value)} with default settings: separators {@code ", "} and
   * {@code ": "} on one line, {@code ensure_ascii} (every character outside space..tilde as a
   * lowercase backslash-u escape, non-BMP as a surrogate pair), floats as {@code repr}
   * ({@code 300.0}, {@code 1e-05}, {@code 1e+16}). FotoWeb's sender is Python.
   */
  PYTHON(true);

  private final boolean asciiOnly;

  JsonDialect(boolean asciiOnly) {
    this.asciiOnly = asciiOnly;
  }

  /**
   * Whether every character above U+007E is escaped, so the bytes are pure ASCII.
   *
   * @return true for ASCII-only output
   */
  public boolean asciiOnly() {
    return asciiOnly;
  }
}
