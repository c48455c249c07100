package io.mediahooks.http;

import java.util.Locale;

/**
 * Masks secrets before anything reaches a log, an exception message or a {@code toString()}:
 * credential and signature headers, URL query strings (microCMS users put their shared secret
 * there) and URL user-info.
 *
 * <p>The library's own logs, results and exception messages use it; it is public so that a
 * host's {@link DeliveryListener}, receiver or debugging output masks the same things the same
 * way. Static methods only; stateless and thread-safe.
 *
 * <pre>{@code
 * log.info("POST {} {}: {}", Redaction.url(request.url()), name,
 *     Redaction.headerValue(name, value));
 * // POST https://hooks.example.com/media?*** Authorization: ***
 * }</pre>
 */
public final class Redaction {
  /** What a masked value is replaced by. */
  public static final String MASK = "***";

  private Redaction() {}

  /**
   * Whether a header carries credentials or signatures and must be masked.
   *
   * @param name the header name
   * @return true to mask its value
   */
  public static boolean isSensitiveHeader(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("authorization")
        || n.equals("proxy-authorization")
        || n.equals("cookie")
        || n.equals("set-cookie")
        || n.contains("signature")
        || n.contains("token")
        || n.contains("secret")
        || n.contains("api-key")
        || n.contains("apikey")
        || n.contains("password")
        || n.endsWith("-auth");
  }

  /**
   * A header value as it may be logged.
   *
   * @param name the header name
   * @param value the value
   * @return the value, or {@link #MASK}
   */
  public static String headerValue(String name, String value) {
    return isSensitiveHeader(name) ? MASK : value;
  }

  /**
   * A URL as it may be logged: user-info and query masked, the rest kept.
   *
   * @param url the URL
   * @return the redacted URL
   */
  public static String url(String url) {
    String u = url;
    int fragment = u.indexOf('#');
    if (fragment >= 0) {
      u = u.substring(0, fragment);
    }
    int query = u.indexOf('?');
    String head = query >= 0 ? u.substring(0, query) : u;
    int scheme = head.indexOf("://");
    if (scheme >= 0) {
      int authorityStart = scheme + 3;
      int pathStart = head.indexOf('/', authorityStart);
      int authorityEnd = pathStart < 0 ? head.length() : pathStart;
      int at = head.lastIndexOf('@', authorityEnd - 1);
      if (at >= authorityStart) {
        head = head.substring(0, authorityStart) + MASK + head.substring(at);
      }
    }
    return query >= 0 ? head + "?" + MASK : head;
  }
}
