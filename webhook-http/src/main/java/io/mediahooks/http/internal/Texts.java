package io.mediahooks.http.internal;

import io.mediahooks.http.Redaction;
/** Error texts for results, dead letters and logs: secrets redacted, one line, bounded. */
final class Texts {
  /** How much of a receiver's answer body goes into an error text. */
  static final int SNIPPET_CHARS = 200;

  private Texts() {}

  /** An exception as {@code SimpleName: message}, with the endpoint URL's secrets masked. */
  static String error(Throwable e, String url) {
    String message = e.getMessage();
    String name = e.getClass().getSimpleName();
    return message == null || message.isEmpty() ? name : name + ": " + redact(message, url);
  }

  /** Masks the URL's query string and user-info wherever the text repeats them. */
  static String redact(String text, String url) {
    String t = oneLine(text, 1000);
    if (t.contains(url)) {
      t = t.replace(url, Redaction.url(url));
    }
    int q = url.indexOf('?');
    if (q >= 0 && q + 1 < url.length()) {
      int end = url.indexOf('#', q);
      String query = url.substring(q + 1, end < 0 ? url.length() : end);
      if (!query.isEmpty() && t.contains(query)) {
        t = t.replace(query, Redaction.MASK);
      }
    }
    int scheme = url.indexOf("://");
    int at = url.indexOf('@');
    int slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
    if (scheme >= 0 && at > scheme && (slash < 0 || at < slash)) {
      String userInfo = url.substring(scheme + 3, at);
      if (!userInfo.isEmpty() && t.contains(userInfo)) {
        t = t.replace(userInfo, Redaction.MASK);
      }
    }
    return t;
  }

  /** Control characters become spaces, runs of spaces collapse, and the text is capped. */
  static String oneLine(String text, int max) {
    StringBuilder b = new StringBuilder(Math.min(text.length(), max + 1));
    boolean space = false;
    int i = 0;
    for (; i < text.length() && b.length() < max; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || Character.isWhitespace(c)) {
        space = b.length() > 0;
        continue;
      }
      if (space) {
        b.append(' ');
        space = false;
      }
      b.append(c);
    }
    if (i < text.length() && !text.substring(i).isBlank()) {
      b.append('…');
    }
    return b.toString();
  }
}
