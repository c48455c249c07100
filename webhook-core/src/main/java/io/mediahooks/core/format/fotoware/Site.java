package io.mediahooks.core.format.fotoware;

import io.mediahooks.core.FormatException;
import org.jspecify.annotations.Nullable;

/**
 * The site base URL of one rendering, looked up only when a relative URL has to be made absolute,
 * so an event whose URLs are all absolute needs none.
 */
final class Site {
  private final @Nullable String configured;
  private final @Nullable String fromSource;

  Site(@Nullable String configured, @Nullable String fromSource) {
    this.configured = configured;
    this.fromSource = fromSource;
  }

  /** The base URL without a trailing slash: the format's own, else the event source's. */
  String base() {
    String base = configured != null ? configured : fromSource;
    if (base == null) {
      throw new FormatException(
          "fotoware: site URL missing (needed for the absolute \"href\", \"thumbnail-href\" and"
              + " \"preview-href\"): pass it to FotowareAssetFormat.json(siteUrl) or"
              + " form(siteUrl) or Builder.siteUrl(..), or set EventSource.Builder.siteUrl(..)"
              + " on the event's source");
    }
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** {@code url} unchanged when absolute, else the site base URL followed by it. */
  String absolute(String url) {
    if (isAbsolute(url)) {
      return url;
    }
    return url.startsWith("/") ? base() + url : base() + '/' + url;
  }

  /**
   * {@code url} as Fotoware writes hrefs inside {@code data}: relative to the site when it lies
   * on the site, else unchanged. Never needs the site URL to be known.
   */
  String relativeIfOnSite(String url) {
    String base = configured != null ? configured : fromSource;
    if (base == null || !isAbsolute(url)) {
      return url;
    }
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    if (url.startsWith(base + "/")) {
      return url.substring(base.length());
    }
    return url;
  }

  static boolean isAbsolute(String url) {
    // Compared in place: lower-casing a whole URL per call cost more than the rest of a render's
    // URL handling.
    return url.regionMatches(true, 0, "https://", 0, 8)
        || url.regionMatches(true, 0, "http://", 0, 7);
  }
}
