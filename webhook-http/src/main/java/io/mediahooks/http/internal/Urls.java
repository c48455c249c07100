package io.mediahooks.http.internal;

import io.mediahooks.http.Redaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/** URL validation at configuration time, so a bad endpoint URL fails at build, not at send. */
public final class Urls {
  private Urls() {}

  /**
   * Checks {@code url} is an absolute http or https URL with a host. The string itself is kept
   * as given: the query is sent byte for byte.
   *
   * @param url the URL
   * @param name the argument's name, for the message
   * @return the URL, unchanged
   * @throws IllegalArgumentException naming the argument and what is wrong
   */
  public static String checkHttpUrl(String url, String name) {
    Objects.requireNonNull(url, () -> name + " must not be null");
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          name + " is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + "): "
              + Redaction.url(url), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          name + " must use http or https, was \"" + Redaction.url(url) + '"');
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException(
          name + " must have a host, was \"" + Redaction.url(url) + '"');
    }
    return url;
  }
}
