package io.mediahooks.http.okhttp;

import java.nio.charset.StandardCharsets;

/** Decodes a capped response body, dropping a multi-byte character the cap cut in half. */
final class Utf8Snippets {
  private Utf8Snippets() {}

  static String decode(byte[] bytes) {
    return new String(bytes, 0, completeLength(bytes), StandardCharsets.UTF_8);
  }

  /** The length without a trailing incomplete UTF-8 sequence. */
  static int completeLength(byte[] b) {
    int n = b.length;
    // Walk back over at most three continuation bytes (10xxxxxx) to the lead byte.
    int i = n - 1;
    while (i >= 0 && i > n - 4 && (b[i] & 0xc0) == 0x80) {
      i--;
    }
    if (i < 0) {
      return n;
    }
    int lead = b[i] & 0xff;
    int expected = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    return n - i < expected ? i : n;
  }
}
