package io.mediahooks.core.format.microcms;

import io.mediahooks.core.FormatException;
import io.mediahooks.core.MediaChange;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.internal.json.JsonDialect;
import io.mediahooks.core.internal.json.JsonWriter;
import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/** Builds the microCMS media body as an ordered JSON tree; the rules are on the public format. */
final class MicroCmsBody {
  private MicroCmsBody() {}

  static String type(MediaEventType type) {
    switch (type) {
      case CREATED:
        return "new";
      case DELETED:
        return "delete";
      default:
        return "edit";
    }
  }

  /**
   * The body, written member by member: it is four members and two small objects, and building
   * it as maps first cost more than writing it (the body is rendered for every attempt).
   */
  static byte[] render(
      String service, String type, @Nullable MediaSnapshot before, @Nullable MediaSnapshot after) {
    // Checked before writing, so a FormatException never leaves a half-written body behind.
    String oldUrl = before == null ? null : url(before, "before");
    String newUrl = after == null ? null : url(after, "after");
    return JsonWriter.toBytes(JsonDialect.JAVASCRIPT, out -> {
      out.beginObject()
          .member("service", service)
          .member("type", type);
      // Both keys are always present; the missing side is an explicit null.
      media(out.name("old"), before, oldUrl);
      media(out.name("new"), after, newUrl);
      out.endObject();
    });
  }

  private static String url(MediaSnapshot s, String side) {
    String url = s.url();
    if (url == null) {
      throw new FormatException("microcms: url missing on the '" + side + "' snapshot"
          + " (MediaSnapshot.url): microCMS identifies media only by URL");
    }
    return url;
  }

  private static void media(JsonWriter out, @Nullable MediaSnapshot s, @Nullable String url) {
    if (s == null) {
      out.write(null);
      return;
    }
    boolean image = s.isImage();
    out.beginObject()
        .member("url", url)
        .member("width", image ? s.width() : null)
        .member("height", image ? s.height() : null);
    String alt = s.alt();
    if (image && alt != null && !alt.isEmpty()) {
      out.member("alt", alt);
    }
    out.endObject();
  }

  static String joinOr(Set<MediaChange> changes) {
    StringJoiner j = new StringJoiner(" or ");
    for (MediaChange c : changes) {
      j.add(c.name());
    }
    return j.toString();
  }

  static EnumSet<MediaChange> copy(Set<MediaChange> changes) {
    EnumSet<MediaChange> set = EnumSet.noneOf(MediaChange.class);
    set.addAll(changes);
    return set;
  }
}
