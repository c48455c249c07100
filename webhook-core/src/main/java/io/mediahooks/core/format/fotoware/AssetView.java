package io.mediahooks.core.format.fotoware;

import io.mediahooks.core.FormatException;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.MetadataValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One snapshot as Fotoware sees it: its metadata fields by id, its file name and href, and its
 * asset representation (the host's own from the {@code "fotoware.asset"} extension, or one built
 * from the snapshot).
 */
final class AssetView {
  private static final String JOIN = "; ";
  static final int THUMBNAIL_SIZE = 200;
  static final int PREVIEW_SIZE = 800;

  private final MediaSnapshot snapshot;
  private final String side;
  private final Settings settings;
  private final @Nullable Map<?, ?> supplied;
  private final Map<Integer, FieldValue> fields;
  private final String fileName;

  /** A metadata field's texts (never empty) and whether Fotoware holds it as a list. */
  record FieldValue(List<String> texts, boolean multi) {
    Object toJson() {
      return multi ? texts : texts.get(0);
    }
  }

  /**
   * @param side "after" or "before", for error messages
   * @throws FormatException when the extension is not an object, a metadata name is unmapped in
   *     strict mode, or no file name is known
   */
  AssetView(MediaSnapshot snapshot, String side, Settings settings) {
    this.snapshot = snapshot;
    this.side = side;
    this.settings = settings;
    Object ext = snapshot.extension(FotowareAssetFormat.ASSET_EXTENSION);
    if (ext != null && !(ext instanceof Map)) {
      throw new FormatException(
          "fotoware: extension \"" + FotowareAssetFormat.ASSET_EXTENSION + "\" of the " + side
              + " snapshot must be a JSON object (the Fotoware asset representation), was a "
              + ext.getClass().getSimpleName());
    }
    this.supplied = (Map<?, ?>) ext;
    this.fields = collectFields();
    this.fileName = resolveFileName();
  }

  MediaSnapshot snapshot() {
    return snapshot;
  }

  boolean isSupplied() {
    return supplied != null;
  }

  String fileName() {
    return fileName;
  }

  Map<Integer, FieldValue> fields() {
    return fields;
  }

  /** The field's texts joined with {@code "; "} (as Fotoware's byline), or "" when unset. */
  String joined(int id) {
    FieldValue v = fields.get(id);
    return v == null ? "" : String.join(JOIN, v.texts());
  }

  /** The asset's href relative to the site: the supplied one, else archive + folder + name. */
  String relativeHref() {
    if (supplied != null) {
      Object href = supplied.get("href");
      if (href instanceof String && !((String) href).isEmpty()) {
        return (String) href;
      }
      if (href != null && !(href instanceof String)) {
        throw new FormatException("fotoware: \"href\" in extension \""
            + FotowareAssetFormat.ASSET_EXTENSION + "\" of the " + side
            + " snapshot must be a string, was " + href);
      }
    }
    StringBuilder href = new StringBuilder(settings.archiveHref());
    String folder = snapshot.folder();
    if (folder != null) {
      for (String segment : folder.split("/")) {
        if (!segment.isEmpty()) {
          href.append(PythonUrlEncoding.quote(segment, "folder")).append('/');
        }
      }
    }
    href.append(PythonUrlEncoding.quote(fileName, "fileName")).append(".info");
    return href.toString();
  }

  /** Width in pixels as a string of digits: the snapshot's, else the representation's, else "". */
  String pixelWidth() {
    Integer w = snapshot.width();
    return w != null ? w.toString() : digits(suppliedPixels("pixelwidth"));
  }

  /** Height in pixels as a string of digits, like {@link #pixelWidth()}. */
  String pixelHeight() {
    Integer h = snapshot.height();
    return h != null ? h.toString() : digits(suppliedPixels("pixelheight"));
  }

  /** File size in bytes as a string of digits: the snapshot's, else the representation's. */
  String fileSize() {
    Long size = snapshot.size();
    if (size != null) {
      return size.toString();
    }
    return supplied == null ? "" : digits(supplied.get("filesize"));
  }

  /**
   * The thumbnail (or preview) URL: the snapshot's, else the representation's first non-square
   * preview of the given size, else null.
   */
  @Nullable String previewHref(int size) {
    String own = size == THUMBNAIL_SIZE ? snapshot.thumbnailUrl() : snapshot.previewUrl();
    if (own != null) {
      return own;
    }
    if (supplied == null || !(supplied.get("previews") instanceof List)) {
      return null;
    }
    for (Object p : (List<?>) supplied.get("previews")) {
      if (p instanceof Map) {
        Map<?, ?> preview = (Map<?, ?>) p;
        Object s = preview.get("size");
        if (s instanceof Number && ((Number) s).intValue() == size
            && !Boolean.TRUE.equals(preview.get("square"))
            && preview.get("href") instanceof String) {
          return (String) preview.get("href");
        }
      }
    }
    return null;
  }

  /**
   * The asset representation: the supplied one as given, else one built from the snapshot.
   *
   * @param dateFallback the time used for {@code created} when {@code createdFallback} is set
   *     and {@code modified} when the snapshot has no such time; null to omit such dates
   */
  Object json(Site site, @Nullable Instant dateFallback, boolean createdFallback) {
    if (supplied != null) {
      return supplied;
    }
    Map<String, Object> asset = new LinkedHashMap<>();
    String href = relativeHref();
    // Keys in the order of the captured representation, keeping only those we know.
    asset.put("archiveHREF", settings.archiveHref());
    putIfNotNull(asset, "createdBy", snapshot.createdBy());
    Instant modified = snapshot.modifiedAt() != null ? snapshot.modifiedAt() : dateFallback;
    if (modified != null) {
      asset.put("modified", FotowareDates.asset(modified));
    }
    asset.put("href", href);
    asset.put("linkstance", href);
    asset.put("builtinFields", builtinFields());
    asset.put("filename", fileName);
    putIfNotNull(asset, "modifiedBy", snapshot.modifiedBy());
    putIfNotNull(asset, "filesize", snapshot.size());
    Integer archiveId = archiveId(settings.archiveHref());
    if (archiveId != null) {
      asset.put("archiveId", archiveId);
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    fields.forEach((id, v) -> metadata.put(id.toString(), Map.of("value", v.toJson())));
    asset.put("metadata", metadata);
    asset.put("previews", previews(site));
    Instant created = snapshot.createdAt() != null ? snapshot.createdAt()
        : createdFallback ? dateFallback : null;
    if (created != null) {
      asset.put("created", FotowareDates.asset(created));
    }
    String url = snapshot.url();
    if (url != null) {
      Map<String, Object> original = new LinkedHashMap<>();
      original.put("display_name", "Original File");
      original.put("description", "Original File");
      original.put("default", true);
      putIfNotNull(original, "height", snapshot.height());
      putIfNotNull(original, "width", snapshot.width());
      original.put("href", url);
      original.put("original", true);
      original.put("sizeFixed", false);
      asset.put("renditions", List.of(original));
    }
    String doctype = doctype();
    asset.put("doctype", doctype);
    asset.put("attributes", attributes(doctype));
    return asset;
  }

  private List<Object> builtinFields() {
    List<Object> out = new ArrayList<>(6);
    out.add(builtin("title", joined(FotowareFields.TITLE)));
    out.add(builtin("description", joined(FotowareFields.DESCRIPTION)));
    FieldValue tags = fields.get(FotowareFields.KEYWORDS);
    out.add(builtin("tags", tags == null ? List.of() : tags.texts()));
    for (String name : List.of("status", "rating", "notes")) {
      out.add(builtin(name, builtinText(name)));
    }
    return out;
  }

  private static Map<String, Object> builtin(String field, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("field", field);
    m.put("required", false);
    m.put("value", value);
    return m;
  }

  private String builtinText(String name) {
    for (Map.Entry<String, MetadataValue> e : snapshot.metadata().entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return String.join(JOIN, e.getValue().texts());
      }
    }
    return "";
  }

  private List<Object> previews(Site site) {
    List<Object> out = new ArrayList<>(2);
    // Larger first, as in the capture (size 800 leads, size 200 follows).
    if (snapshot.previewUrl() != null) {
      out.add(preview(site.relativeIfOnSite(snapshot.previewUrl()), PREVIEW_SIZE));
    }
    if (snapshot.thumbnailUrl() != null) {
      out.add(preview(site.relativeIfOnSite(snapshot.thumbnailUrl()), THUMBNAIL_SIZE));
    }
    return out;
  }

  private Map<String, Object> preview(String href, int size) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("href", href);
    Integer w = snapshot.width();
    Integer h = snapshot.height();
    if (w != null && h != null && w > 0 && h > 0) {
      // Fitted into a size x size box, upscaling too: the capture has 800x800 for a 1x1 image
      // and 200x74 for 370x136 (73.5 rounded half up).
      if (w >= h) {
        p.put("width", size);
        p.put("height", (int) Math.round((double) size * h / w));
      } else {
        p.put("width", (int) Math.round((double) size * w / h));
        p.put("height", size);
      }
    }
    p.put("square", false);
    p.put("size", size);
    return p;
  }

  /** Fotoware's document type (lowercase, as the capture's {@code "image"}) from the MIME type. */
  String doctype() {
    String mime = snapshot.mimeType();
    if (mime == null) {
      if (snapshot.isImage()) {
        return "image";
      }
      return snapshot.hasDimensions() && snapshot.duration() != null ? "movie" : "generic";
    }
    String m = mime.toLowerCase(Locale.ROOT);
    int semi = m.indexOf(';');
    if (semi >= 0) {
      m = m.substring(0, semi).trim();
    }
    if (m.equals("image/svg+xml") || m.equals("application/postscript")
        || m.equals("application/illustrator") || m.equals("image/x-eps")
        || m.equals("application/eps")) {
      return "graphic";
    }
    if (m.startsWith("image/")) {
      return "image";
    }
    if (m.startsWith("video/")) {
      return "movie";
    }
    if (m.startsWith("audio/")) {
      return "audio";
    }
    if (m.equals("application/pdf") || m.startsWith("text/") || m.equals("application/msword")
        || m.equals("application/rtf") || m.startsWith("application/vnd.ms-")
        || m.startsWith("application/vnd.openxmlformats-officedocument.")
        || m.startsWith("application/vnd.oasis.opendocument.")) {
      return "document";
    }
    return "generic";
  }

  private Map<String, Object> attributes(String doctype) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    String key;
    switch (doctype) {
      case "image":
        key = "imageattributes";
        break;
      case "movie":
        key = "videoattributes";
        break;
      case "document":
        key = "documentattributes";
        break;
      default:
        return attributes;
    }
    Map<String, Object> inner = new LinkedHashMap<>();
    if (!doctype.equals("document")) {
      putIfNotNull(inner, "pixelwidth", snapshot.width());
      putIfNotNull(inner, "pixelheight", snapshot.height());
    }
    attributes.put(key, inner);
    return attributes;
  }

  private Map<Integer, FieldValue> collectFields() {
    Map<Integer, FieldValue> out = new LinkedHashMap<>();
    // The host's representation first, then the snapshot's metadata, then its dedicated
    // fields: the more specific source overrides, and order follows first appearance.
    if (supplied != null && supplied.get("metadata") instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) supplied.get("metadata")).entrySet()) {
        Integer id = e.getKey() instanceof String ? FotowareFields.numericId((String) e.getKey())
            : null;
        if (id != null && e.getValue() instanceof Map) {
          put(out, id, fromJson(((Map<?, ?>) e.getValue()).get("value")));
        }
      }
    }
    for (Map.Entry<String, MetadataValue> e : snapshot.metadata().entrySet()) {
      String name = e.getKey();
      if (FotowareFields.BUILTIN_ONLY.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      Integer id = settings.fields().id(name);
      if (id == null) {
        if (settings.strictMetadata()) {
          throw new FormatException(
              "fotoware: metadata field \"" + name + "\" of the " + side + " snapshot has no"
                  + " Fotoware field id: use its numeric id as the name (for example \"116\"),"
                  + " a mapped name " + settings.fields().names() + ", or map it with"
                  + " FotowareAssetFormat.Builder.metadataField(name, id, label); or leave"
                  + " strictMetadata off to leave such fields out");
        }
        continue;
      }
      MetadataValue v = e.getValue();
      put(out, id, new FieldValue(nonEmpty(v.texts()), v.kind() != MetadataValue.Kind.TEXT));
    }
    putText(out, FotowareFields.TITLE, snapshot.title());
    putText(out, FotowareFields.DESCRIPTION, snapshot.description());
    if (!snapshot.tags().isEmpty()) {
      put(out, FotowareFields.KEYWORDS, new FieldValue(nonEmpty(snapshot.tags()), true));
    }
    if (!snapshot.creators().isEmpty()) {
      put(out, FotowareFields.BYLINE, new FieldValue(nonEmpty(snapshot.creators()), true));
    }
    return Collections.unmodifiableMap(out);
  }

  private static void putText(Map<Integer, FieldValue> out, int id, @Nullable String text) {
    if (text != null && !text.isEmpty()) {
      put(out, id, new FieldValue(List.of(text), false));
    }
  }

  /** Sets or, for a value without texts, removes the field (Fotoware omits empty fields). */
  private static void put(Map<Integer, FieldValue> out, int id, @Nullable FieldValue v) {
    if (v == null || v.texts().isEmpty()) {
      out.remove(id);
    } else {
      out.put(id, v);
    }
  }

  private static List<String> nonEmpty(List<String> texts) {
    List<String> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static @Nullable FieldValue fromJson(@Nullable Object value) {
    if (value instanceof String) {
      return new FieldValue(nonEmpty(List.of((String) value)), false);
    }
    if (value instanceof List) {
      List<String> texts = new ArrayList<>();
      for (Object o : (List<?>) value) {
        if (o != null && !(o instanceof Map) && !(o instanceof List)) {
          texts.add(o.toString());
        }
      }
      return new FieldValue(nonEmpty(texts), true);
    }
    if (value instanceof Number || value instanceof Boolean) {
      return new FieldValue(List.of(value.toString()), false);
    }
    return null;
  }

  private String resolveFileName() {
    String name = snapshot.fileName();
    if (name != null) {
      return name;
    }
    if (supplied != null && supplied.get("filename") instanceof String
        && !((String) supplied.get("filename")).isEmpty()) {
      return (String) supplied.get("filename");
    }
    throw new FormatException(
        "fotoware: file name of the " + side + " snapshot is missing (Fotoware sends it as"
            + " data.filename and receivers key on it): set MediaSnapshot.Builder.fileName(..),"
            + " or \"filename\" in the \"" + FotowareAssetFormat.ASSET_EXTENSION
            + "\" extension");
  }

  private @Nullable Object suppliedPixels(String key) {
    if (supplied == null || !(supplied.get("attributes") instanceof Map)) {
      return null;
    }
    Map<?, ?> attributes = (Map<?, ?>) supplied.get("attributes");
    for (String group : List.of("imageattributes", "videoattributes")) {
      if (attributes.get(group) instanceof Map) {
        Object v = ((Map<?, ?>) attributes.get(group)).get(key);
        if (v != null) {
          return v;
        }
      }
    }
    return null;
  }

  /** An integral JSON number as digits; "" for anything else. */
  private static String digits(@Nullable Object n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
        || n instanceof BigInteger) {
      return n.toString();
    }
    if (n instanceof Number) {
      BigDecimal d = new BigDecimal(n.toString());
      try {
        return d.toBigIntegerExact().toString();
      } catch (ArithmeticException notIntegral) {
        return d.toPlainString();
      }
    }
    return n instanceof String ? (String) n : "";
  }

  /** The archive segment's leading number: 5000 in {@code /fotoweb/archives/5000-All-files/}. */
  static @Nullable Integer archiveId(String archiveHref) {
    String trimmed = archiveHref.endsWith("/")
        ? archiveHref.substring(0, archiveHref.length() - 1) : archiveHref;
    String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    int end = 0;
    while (end < last.length() && end < 9 && Character.isDigit(last.charAt(end))) {
      end++;
    }
    return end == 0 ? null : Integer.valueOf(last.substring(0, end));
  }

  private static void putIfNotNull(Map<String, Object> map, String key, @Nullable Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /** Date formats: each Fotoware date keeps its own precision. */
  static final class FotowareDates {
    private FotowareDates() {}

    /**
     * An asset date with the precision the instant has: no fraction, milliseconds or
     * microseconds (finer digits are cut, as Python's datetime has microseconds).
     */
    static String asset(Instant t) {
      // Instant.toString prints 0, 3, 6 or 9 fraction digits, as few as the value needs.
      return t.truncatedTo(ChronoUnit.MICROS).toString();
    }

    /** The envelope's {@code created}: always exactly three fraction digits and Z. */
    static String envelope(Instant t) {
      Instant ms = t.truncatedTo(ChronoUnit.MILLIS);
      String s = ms.toString();
      // Instant.toString omits a zero fraction; add it back so the width never varies.
      if (ms.getNano() == 0) {
        return s.substring(0, s.length() - 1) + ".000Z";
      }
      return s;
    }
  }
}
