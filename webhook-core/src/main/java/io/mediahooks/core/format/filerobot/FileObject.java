package io.mediahooks.core.format.filerobot;

import io.mediahooks.core.FormatException;
import io.mediahooks.core.internal.PercentEncoding;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.MetadataValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Renders a snapshot as a Filerobot REST API file object, restricted to selected fields. */
final class FileObject {
  /**
   * Top-level keys in the REST API file object's order (F4: uuid, name, extension, size, flags,
   * type, info, meta, tags, visibility, url, hash, created_at, modified_at), with ours ({@code
   * labels}, {@code embedded_meta}) placed where they fit. Derived keys and the host's {@code
   * filerobot.system} entries of these names are written in this order.
   */
  static final List<String> ORDER =
      List.of("uuid", "name", "extension", "size", "flags", "type", "info", "meta", "tags",
          "labels", "visibility", "url", "hash", "created_at", "modified_at", "embedded_meta");

  /** Keys this class derives itself, for envelope collision checks. */
  static final Set<String> KEYS =
      Set.of("uuid", "name", "extension", "size", "type", "info", "meta", "tags", "labels",
          "url", "hash", "created_at", "modified_at", "embedded_meta");

  private static final String[] UNITS = {"KB", "MB", "GB", "TB", "PB", "EB"};
  private static final BigDecimal KIB = BigDecimal.valueOf(1024);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private FileObject() {}

  static Map<String, @Nullable Object> render(MediaSnapshot s, Set<FilerobotField> fields) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    if (fields.contains(FilerobotField.UUID)) {
      out.put("uuid", require(s.id(), "uuid", "MediaSnapshot.id"));
    }
    if (fields.contains(FilerobotField.NAME)) {
      String name = require(s.fileName(), "name", "MediaSnapshot.fileName");
      out.put("name", name);
      String extension = extension(name);
      if (extension != null) {
        out.put("extension", extension);
      }
    }
    Long size = s.size();
    if (fields.contains(FilerobotField.SIZE) && size != null) {
      Map<String, @Nullable Object> sizeObject = new LinkedHashMap<>();
      sizeObject.put("bytes", size);
      sizeObject.put("pretty", pretty(size));
      out.put("size", sizeObject);
    }
    if (fields.contains(FilerobotField.MIME_TYPE) && s.mimeType() != null) {
      out.put("type", s.mimeType());
    }
    boolean video = isVideo(s);
    Map<String, @Nullable Object> info = new LinkedHashMap<>();
    // The vendor's examples list img_h before img_w; video keys follow the same order.
    if (s.isImage()) {
      putIf(info, fields.contains(FilerobotField.IMAGE_HEIGHT), "img_h", s.height());
      putIf(info, fields.contains(FilerobotField.IMAGE_WIDTH), "img_w", s.width());
    }
    if (video) {
      putIf(info, fields.contains(FilerobotField.VIDEO_HEIGHT), "video_h", s.height());
      putIf(info, fields.contains(FilerobotField.VIDEO_WIDTH), "video_w", s.width());
      Duration length = s.duration();
      putIf(info, fields.contains(FilerobotField.VIDEO_LENGTH), "video_length",
          length == null ? null : seconds(length));
      putIf(info, fields.contains(FilerobotField.VIDEO_BITRATE), "video_bitrate", s.bitrate());
    }
    if (!info.isEmpty()) {
      out.put("info", info);
    }
    if (fields.contains(FilerobotField.CUSTOM_METADATA)) {
      out.put("meta", meta(s));
    }
    if (fields.contains(FilerobotField.SYSTEM_METADATA)) {
      out.put("tags", s.tags());
      out.put("labels", s.labels());
    }
    Map<String, @Nullable Object> url = new LinkedHashMap<>();
    putIf(url, fields.contains(FilerobotField.CDN_LINK), "cdn", s.url());
    String fileName = s.fileName();
    putIf(url, fields.contains(FilerobotField.PATH), "path",
        fileName == null ? null : path(s.folder(), fileName));
    putIf(url, video && fields.contains(FilerobotField.VIDEO_PLAYLIST_URL), "playlist",
        s.streamingUrl());
    if (!url.isEmpty()) {
      out.put("url", url);
    }
    if (fields.contains(FilerobotField.SYSTEM_METADATA)) {
      if (s.sha1() != null) {
        Map<String, @Nullable Object> hash = new LinkedHashMap<>();
        hash.put("sha1", s.sha1());
        out.put("hash", hash);
      }
      Instant createdAt = s.createdAt();
      putIf(out, true, "created_at", createdAt == null ? null : timestamp(createdAt));
      Instant modifiedAt = s.modifiedAt();
      putIf(out, true, "modified_at", modifiedAt == null ? null : timestamp(modifiedAt));
    }
    if (fields.contains(FilerobotField.EMBEDDED_METADATA)) {
      Object embedded = s.extension(FilerobotFormat.EMBEDDED_EXTENSION);
      if (embedded != null) {
        out.put("embedded_meta", object(embedded, FilerobotFormat.EMBEDDED_EXTENSION));
      }
    }
    if (fields.contains(FilerobotField.SYSTEM_METADATA)) {
      Object system = s.extension(FilerobotFormat.SYSTEM_EXTENSION);
      if (system != null) {
        // The host's vendor data is authoritative: it replaces a key we derived.
        out.putAll(object(system, FilerobotFormat.SYSTEM_EXTENSION));
        return inApiOrder(out);
      }
    }
    return out;
  }

  /** Known keys in {@link #ORDER}, then any others in the order the host gave them. */
  private static Map<String, @Nullable Object> inApiOrder(Map<String, @Nullable Object> in) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    for (String key : ORDER) {
      if (in.containsKey(key)) {
        out.put(key, in.get(key));
      }
    }
    for (Map.Entry<String, @Nullable Object> e : in.entrySet()) {
      out.putIfAbsent(e.getKey(), e.getValue());
    }
    return out;
  }

  private static Map<String, @Nullable Object> meta(MediaSnapshot s) {
    Map<String, @Nullable Object> meta = new LinkedHashMap<>();
    for (Map.Entry<String, MetadataValue> e : s.metadata().entrySet()) {
      meta.put(e.getKey(), e.getValue().toJsonValue());
    }
    // Filerobot keeps title and description as metadata fields (F4's meta.title); the snapshot's
    // own fields fill in when the host's metadata does not carry them.
    if (s.title() != null && !meta.containsKey("title")) {
      meta.put("title", s.title());
    }
    if (s.description() != null && !meta.containsKey("description")) {
      meta.put("description", s.description());
    }
    return meta;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> object(Object value, String extension) {
    if (!(value instanceof Map)) {
      throw new FormatException(
          "filerobot: snapshot extension \"" + extension + "\" must be a JSON object, was "
              + value.getClass().getSimpleName());
    }
    return (Map<String, @Nullable Object>) value;
  }

  private static String require(@Nullable String value, String key, String source) {
    if (value == null) {
      throw new FormatException(
          "filerobot: file." + key + " is required but " + source + " is not set (field "
              + (key.equals("uuid") ? "UUID" : "NAME") + " is selected)");
    }
    return value;
  }

  private static void putIf(
      Map<String, @Nullable Object> map, boolean selected, String key, @Nullable Object value) {
    if (selected && value != null) {
      map.put(key, value);
    }
  }

  static boolean isVideo(MediaSnapshot s) {
    String mime = s.mimeType();
    if (mime != null) {
      return mime.regionMatches(true, 0, "video/", 0, 6);
    }
    return s.duration() != null && s.hasDimensions();
  }

  /** The part after the last dot, or null when there is none (or the name starts with it). */
  static @Nullable String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot <= 0 || dot == fileName.length() - 1 ? null : fileName.substring(dot + 1);
  }

  /**
   * Filerobot's {@code size.pretty}: 1024-based units with two decimals, half-up ("4.68 MB" for
   * 4905337 bytes, "107.42 KB" for 109999 [C F4, F5]); below 1 KB whole bytes ("512 B") [I].
   */
  static String pretty(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    BigDecimal value = BigDecimal.valueOf(bytes);
    int unit = -1;
    while (value.compareTo(KIB) >= 0 && unit < UNITS.length - 1) {
      value = value.divide(KIB);
      unit++;
    }
    return value.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + UNITS[unit];
  }

  /**
   * Filerobot's {@code url.path}: the folder and file name, each segment percent-encoded with
   * RFC 3986 unreserved characters kept (F5: {@code /dima_test_7_en%3Aold_1599643375/116675.jpeg}).
   */
  static String path(@Nullable String folder, String fileName) {
    StringBuilder out = new StringBuilder();
    if (folder != null) {
      for (String segment : folder.split("/")) {
        if (!segment.isEmpty()) {
          out.append('/');
          encodeSegment(out, segment);
        }
      }
    }
    out.append('/');
    encodeSegment(out, fileName);
    return out.toString();
  }

  private static void encodeSegment(StringBuilder out, String segment) {
    try {
      PercentEncoding.append(out, segment, PercentEncoding.Safe.UNRESERVED, false);
    } catch (IllegalArgumentException e) {
      throw new FormatException("filerobot: the folder or file name " + e.getMessage()
          + "; url.path needs valid text", e);
    }
  }


  /** Seconds as a whole number when exact, else as a decimal ({@code 94.5}). */
  static Number seconds(Duration d) {
    if (d.getNano() == 0) {
      return d.getSeconds();
    }
    return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9))
        .stripTrailingZeros();
  }

  /** ISO-8601 UTC with second precision and {@code Z}, as Filerobot's Prismic endpoint shows. */
  static String timestamp(Instant instant) {
    return SECONDS.format(instant);
  }
}
