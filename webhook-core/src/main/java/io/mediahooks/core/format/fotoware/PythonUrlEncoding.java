package io.mediahooks.core.format.fotoware;

import io.mediahooks.core.FormatException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Percent-encoding exactly as Python's {@code urllib.parse} does it: {@code quote(s, safe='')}
 * and {@code quote_plus(s, safe='')} (what {@code urlencode}, and so {@code requests}, use for
 * form bodies). Always safe: ASCII letters, digits and {@code _.-~}; everything else is its UTF-8
 * bytes as uppercase {@code %XX}; {@code quote_plus} writes a space as {@code +}.
 */
final class PythonUrlEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PythonUrlEncoding() {}

  /** Python {@code urllib.parse.urlencode(pairs)} for string keys and values, in order. */
  static String urlencode(Iterable<Map.Entry<String, String>> pairs) {
    StringBuilder out = new StringBuilder(256);
    for (Map.Entry<String, String> e : pairs) {
      if (out.length() > 0) {
        out.append('&');
      }
      encode(out, e.getKey(), true, e.getKey());
      out.append('=');
      encode(out, e.getValue(), true, e.getKey());
    }
    return out.toString();
  }

  /** Python {@code urllib.parse.quote(s, safe='')}: for one path segment. */
  static String quote(String s, String what) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    encode(out, s, false, what);
    return out.toString();
  }

  private static void encode(StringBuilder out, String s, boolean plus, String what) {
    for (byte b : utf8(s, what)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '_' || c == '.' || c == '-' || c == '~') {
        out.append((char) c);
      } else if (plus && c == ' ') {
        out.append('+');
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
  }

  private static byte[] utf8(String s, String what) {
    // Python's str.encode('utf-8') refuses lone surrogates; so do we, rather than sending '?'.
    CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      ByteBuffer bytes = encoder.encode(CharBuffer.wrap(s));
      byte[] out = new byte[bytes.remaining()];
      bytes.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new FormatException(
          "fotoware: " + what + " holds an unpaired UTF-16 surrogate, which has no UTF-8 form"
              + " for URL encoding; fix the text in the snapshot", e);
    }
  }
}
