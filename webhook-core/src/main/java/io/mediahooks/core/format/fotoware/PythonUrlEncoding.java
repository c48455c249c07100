package io.mediahooks.core.format.fotoware;

import io.mediahooks.core.FormatException;
import io.mediahooks.core.internal.PercentEncoding;
import java.util.Map;

/**
 * Percent-encoding exactly as Python's {@code urllib.parse} does it: {@code quote(s, safe='')}
 * and {@code quote_plus(s, safe='')} (what {@code urlencode}, and so {@code requests}, use for
 * form bodies). Always safe: ASCII letters, digits and {@code _.-~}; everything else is its UTF-8
 * bytes as uppercase {@code %XX}; {@code quote_plus} writes a space as {@code +}.
 */
final class PythonUrlEncoding {
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
    try {
      PercentEncoding.append(out, s, PercentEncoding.Safe.UNRESERVED, plus);
    } catch (IllegalArgumentException e) {
      // Python's str.encode('utf-8') refuses lone surrogates; so do we, rather than sending '?'.
      throw new FormatException("fotoware: " + what + " holds an unpaired UTF-16 surrogate, which"
          + " has no UTF-8 form for URL encoding; fix the text in the snapshot", e);
    }
  }
}
