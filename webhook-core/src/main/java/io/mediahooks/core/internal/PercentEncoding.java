package io.mediahooks.core.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of text as UTF-8 bytes with uppercase {@code %XX} escapes, for URL paths, form
 * bodies, URNs and header values. One implementation, because formats differ only in which bytes
 * stay literal.
 *
 * <p>Text with an unpaired UTF-16 surrogate has no UTF-8 form; it is rejected rather than sent
 * as {@code ?} the way {@link String#getBytes} would, so a receiver never gets a silently changed
 * value.
 */
public final class PercentEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** Which bytes stay literal. */
  public enum Safe {
    /** RFC 3986 unreserved: ASCII letters, digits and {@code -._~} (Python's always-safe set). */
    UNRESERVED,
    /**
     * Printable ASCII but space, double quote and percent, as the CloudEvents HTTP binding keeps
     * in {@code ce-} header values.
     */
    HEADER_VALUE
  }

  private PercentEncoding() {}

  /**
   * Appends {@code s} percent-encoded.
   *
   * @param out where to append
   * @param s the text
   * @param safe which bytes stay literal
   * @param spaceAsPlus whether a space is written as {@code +} (form bodies: Python's
   *     {@code quote_plus})
   * @throws IllegalArgumentException if {@code s} holds an unpaired surrogate; the message gives
   *     its index
   */
  public static void append(StringBuilder out, String s, Safe safe, boolean spaceAsPlus) {
    int i = 0;
    int n = s.length();
    // Fast path: a run of literal ASCII needs no encoder.
    while (i < n) {
      char c = s.charAt(i);
      if (c >= 0x80 || !literal(c, safe) || (c == ' ')) {
        break;
      }
      out.append(c);
      i++;
    }
    if (i == n) {
      return;
    }
    for (byte b : utf8(s.substring(i), i)) {
      int c = b & 0xff;
      if (c < 0x80 && literal(c, safe)) {
        out.append((char) c);
      } else if (spaceAsPlus && c == ' ') {
        out.append('+');
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
  }

  /**
   * Returns {@code s} percent-encoded.
   *
   * @param s the text
   * @param safe which bytes stay literal
   * @param spaceAsPlus whether a space is written as {@code +}
   * @return the encoded text
   * @throws IllegalArgumentException if {@code s} holds an unpaired surrogate
   */
  public static String encode(String s, Safe safe, boolean spaceAsPlus) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    append(out, s, safe, spaceAsPlus);
    return out.toString();
  }

  private static boolean literal(int c, Safe safe) {
    if (safe == Safe.HEADER_VALUE) {
      return c >= 0x21 && c <= 0x7e && c != '"' && c != '%';
    }
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static byte[] utf8(String s, int offset) {
    CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      ByteBuffer bytes = encoder.encode(CharBuffer.wrap(s));
      byte[] out = new byte[bytes.remaining()];
      bytes.get(out);
      return out;
    } catch (CharacterCodingException e) {
      int at = offset;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          at = offset + i;
          break;
        }
      }
      throw new IllegalArgumentException(
          "text has an unpaired UTF-16 surrogate at index " + at + ", which has no UTF-8 form",
          e);
    }
  }
}
