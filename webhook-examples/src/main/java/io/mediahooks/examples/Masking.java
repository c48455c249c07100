package io.mediahooks.examples;

import io.mediahooks.http.Redaction;
import java.util.Locale;

/**
 * Hides secrets in what the examples print: credential and signature headers, query values (a
 * microCMS secret lives in {@code ?auth=}), URL user-info and password-like form fields. Which
 * headers are secret is the library's {@link Redaction} rule; what is added here is for showing
 * requests to a reader: the {@code Authorization} scheme is kept, and query values are masked one
 * by one so their names stay visible.
 */
final class Masking {
  static final String MASK = "***";

  private Masking() {}

  /** Whether a header carries credentials, tokens or signatures: the library's own rule. */
  static boolean isSecretHeader(String name) {
    return Redaction.isSensitiveHeader(name);
  }

  /**
   * A header value as it may be shown. {@code Authorization} keeps its scheme ({@code Bearer ***})
   * so a reader sees which kind of credential arrived.
   */
  static String header(String name, String value) {
    if (!isSecretHeader(name)) {
      return value;
    }
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith("authorization")) {
      int space = value.indexOf(' ');
      if (space > 0) {
        return value.substring(0, space) + ' ' + MASK;
      }
    }
    return MASK;
  }

  /** Whether a form or JSON field named so holds a secret (OAuth2 token requests have some). */
  static boolean isSecretField(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("password") || n.contains("secret") || n.contains("token")
        || n.equals("assertion") || n.equals("code");
  }

  /** A request target with every query value masked and the names kept: {@code /h?auth=***}. */
  static String target(String target) {
    int q = target.indexOf('?');
    if (q < 0) {
      return target;
    }
    StringBuilder sb = new StringBuilder(target.substring(0, q + 1));
    String[] pairs = target.substring(q + 1).split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      if (i > 0) {
        sb.append('&');
      }
      int eq = pairs[i].indexOf('=');
      sb.append(eq < 0 ? MASK : pairs[i].substring(0, eq + 1) + MASK);
    }
    return sb.toString();
  }

  /** A URL with user-info and query values masked; the fragment is dropped. */
  static String url(String url) {
    String u = url;
    int fragment = u.indexOf('#');
    if (fragment >= 0) {
      u = u.substring(0, fragment);
    }
    int scheme = u.indexOf("://");
    if (scheme < 0) {
      return target(u);
    }
    int authorityStart = scheme + 3;
    int pathStart = indexOfAny(u, authorityStart);
    String authority = u.substring(authorityStart, pathStart);
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = MASK + authority.substring(at);
    }
    return u.substring(0, authorityStart) + authority + target(u.substring(pathStart));
  }

  private static int indexOfAny(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '/' || c == '?') {
        return i;
      }
    }
    return s.length();
  }
}
