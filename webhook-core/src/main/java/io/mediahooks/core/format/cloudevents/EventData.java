package io.mediahooks.core.format.cloudevents;

import io.mediahooks.core.MediaChange;
import io.mediahooks.core.MediaChanges;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.MetadataValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The neutral JSON rendering of an event: the CloudEvents {@code data}. */
final class EventData {
  private EventData() {}

  static Map<String, @Nullable Object> of(MediaEvent event, boolean includeExtensions) {
    List<String> changes = new ArrayList<>();
    for (MediaChange c : event.changes()) {
      changes.add(c.name().toLowerCase(Locale.ROOT));
    }
    List<Object> diff = new ArrayList<>();
    for (MediaChanges.FieldChange c : event.diff().fields()) {
      Map<String, @Nullable Object> entry = new LinkedHashMap<>();
      entry.put("field", c.field());
      entry.put("before", value(c.before()));
      entry.put("after", value(c.after()));
      diff.add(entry);
    }
    Map<String, @Nullable Object> data = new LinkedHashMap<>();
    data.put("changes", changes);
    data.put("before", snapshot(event.before(), includeExtensions));
    data.put("after", snapshot(event.after(), includeExtensions));
    data.put("actor", event.actor());
    data.put("diff", diff);
    return data;
  }

  static @Nullable Map<String, @Nullable Object> snapshot(
      @Nullable MediaSnapshot s, boolean includeExtensions) {
    if (s == null) {
      return null;
    }
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("id", s.id());
    out.put("url", s.url());
    out.put("fileName", s.fileName());
    out.put("folder", s.folder());
    out.put("mimeType", s.mimeType());
    out.put("size", s.size());
    out.put("width", s.width());
    out.put("height", s.height());
    out.put("duration", value(s.duration()));
    out.put("bitrate", s.bitrate());
    out.put("streamingUrl", s.streamingUrl());
    out.put("alt", s.alt());
    out.put("title", s.title());
    out.put("description", s.description());
    out.put("creators", s.creators());
    out.put("tags", s.tags());
    out.put("labels", s.labels());
    Map<String, @Nullable Object> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, MetadataValue> e : s.metadata().entrySet()) {
      metadata.put(e.getKey(), e.getValue().toJsonValue());
    }
    out.put("metadata", metadata);
    out.put("createdAt", value(s.createdAt()));
    out.put("modifiedAt", value(s.modifiedAt()));
    out.put("createdBy", s.createdBy());
    out.put("modifiedBy", s.modifiedBy());
    out.put("sha1", s.sha1());
    out.put("revision", s.revision());
    out.put("thumbnailUrl", s.thumbnailUrl());
    out.put("previewUrl", s.previewUrl());
    if (includeExtensions) {
      out.put("extensions", s.extensions());
    }
    return out;
  }

  /** A snapshot field's value as JSON: times as RFC 3339 strings, durations as seconds. */
  static @Nullable Object value(@Nullable Object v) {
    if (v instanceof Instant) {
      return Rfc3339.format((Instant) v, "time");
    }
    if (v instanceof Duration) {
      Duration d = (Duration) v;
      if (d.getNano() == 0) {
        return d.getSeconds();
      }
      return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9))
          .stripTrailingZeros();
    }
    if (v instanceof MetadataValue) {
      return ((MetadataValue) v).toJsonValue();
    }
    return v;
  }
}
