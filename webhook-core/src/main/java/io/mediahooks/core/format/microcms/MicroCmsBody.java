package io.mediahooks.core.format.microcms;

import io.mediahooks.core.FormatException;
import io.mediahooks.core.MediaChange;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.internal.json.JsonDialect;
import io.mediahooks.core.internal.json.JsonWriter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
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

  static byte[] render(
      String service, String type, @Nullable MediaSnapshot before, @Nullable MediaSnapshot after) {
    Map<String, @Nullable Object> body = new LinkedHashMap<>();
    body.put("service", service);
    body.put("type", type);
    // Both keys are always present; the missing side is an explicit null.
    body.put("old", before == null ? null : media(before, "before"));
    body.put("new", after == null ? null : media(after, "after"));
    return JsonWriter.toBytes(body, JsonDialect.JAVASCRIPT);
  }

  static Map<String, @Nullable Object> media(MediaSnapshot s, String side) {
    String url = s.url();
    if (url == null) {
      throw new FormatException("microcms: url missing on the '" + side + "' snapshot"
          + " (MediaSnapshot.url): microCMS identifies media only by URL");
    }
    boolean image = s.isImage();
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("url", url);
    m.put("width", image ? s.width() : null);
    m.put("height", image ? s.height() : null);
    String alt = s.alt();
    if (image && alt != null && !alt.isEmpty()) {
      m.put("alt", alt);
    }
    return m;
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
