package io.mediahooks.core.format.fotoware;

import io.mediahooks.core.Attempt;
import io.mediahooks.core.EventSource;
import io.mediahooks.core.FormatException;
import io.mediahooks.core.MediaChange;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.WebhookFormat;
import io.mediahooks.core.WebhookPayload;
import io.mediahooks.core.internal.HeaderChecks;
import io.mediahooks.core.internal.PayloadAccess;
import io.mediahooks.core.internal.json.JsonDialect;
import io.mediahooks.core.internal.json.JsonWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Fotoware (FotoWeb) asset webhooks: "Asset ingested", "Asset modified" (the versioned "version 2"
 * format) and "Asset deleted", byte for byte as FotoWeb sends them. Facts are cited from
 * {@code wire-formats.md} section 3 with their marks: [C] confirmed, [I] inferred, [?] unknown.
 *
 * <h2>Events</h2>
 * <table>
 *   <caption>How events map</caption>
 *   <tr><th>event</th><th>{@link WebhookPayload#eventName()}</th><th>{@code operation-name}</th>
 *       <th>{@code data}</th></tr>
 *   <tr><td>{@link MediaEventType#CREATED}</td><td>{@value #ASSET_INGESTED}</td>
 *       <td>{@code upload} [C]</td><td>the asset representation itself [C]</td></tr>
 *   <tr><td>{@link MediaEventType#UPDATED}</td><td>{@value #ASSET_MODIFIED}</td>
 *       <td>see below [C]</td><td>{@code {asset, ...}} [C]</td></tr>
 *   <tr><td>{@link MediaEventType#DELETED}</td><td>{@value #ASSET_DELETED}</td>
 *       <td>omitted [?]</td><td>the asset representation itself [I]</td></tr>
 * </table>
 * Fotoware configures one URL per event [C]; a host routes by event type (an endpoint filter per
 * type) or by the payload's event name. Whether deleted carries {@code operation-name} is unknown:
 * it is omitted, as in the inferred deleted fixture, and {@code data} is the representation
 * itself, because the Enonic receiver reads {@code data.filename} on deleted [I].
 *
 * <p>An update's {@code operation-name} comes from {@link MediaEvent#changes()}, first match
 * wins:
 * <ol>
 *   <li>{@link MediaChange#RESTORE}: {@code restoreRevision}, data {@code {asset, revisionsDiff}}.
 *   <li>{@link MediaChange#CONTENT}: {@code upload} (a new version), data {@code {asset,
 *       assetBefore, metadataDiff}}.
 *   <li>{@link MediaChange#RENAME}: {@code rename}, data {@code {asset}} only, and
 *       {@code previous-name} = the before snapshot's file name. A rename combined with metadata
 *       or other non-content changes is also sent as {@code rename}: FotoWeb renames and edits
 *       metadata in separate operations, and receivers find the renamed asset only through
 *       {@code previous-name} (Enonic falls back to the new name without it) and then re-read it,
 *       while the new metadata is in {@code data.asset}; the {@code metadataDiff} is not sent.
 *   <li>anything else (metadata, info, tags, a move, nothing): {@code updateMetadata}, data
 *       {@code {asset, assetBefore, metadataDiff}}.
 * </ol>
 * {@code previous-name} appears only with {@code rename} [C W1]; its position (right after
 * {@code operation-name}) is a guess [I], as in the inferred rename fixture.
 *
 * <h2>Envelope</h2>
 * Keys in Fotoware's order [C]: {@code pixel-width, byline, description, tags, file-size, title,
 * thumbnail-href, created, href, operation-name, (previous-name), data, preview-href, type,
 * pixel-height, id}. Values come from the event's subject (the after snapshot, or the before
 * snapshot of a deletion); where the snapshot lacks one and the host supplied the representation,
 * from the representation.
 * <ul>
 *   <li>{@code pixel-width}, {@code pixel-height}, {@code file-size}: strings of digits [C]
 *       ({@link MediaSnapshot#width()}, {@link MediaSnapshot#height()},
 *       {@link MediaSnapshot#size()}).
 *   <li>{@code title}, {@code description}, {@code byline}, {@code tags}: metadata fields 5, 120,
 *       80 and 25; several values joined with {@code "; "} ([C] for byline, [I] for tags).
 *   <li>Every envelope string is {@code ""} when unknown, never null [C].
 *   <li>{@code href}: absolute [C]: the site base URL followed by {@code data.href}. The site URL
 *       is the format's ({@link Builder#siteUrl(String)}), else {@link EventSource#siteUrl()}.
 *   <li>{@code thumbnail-href}, {@code preview-href}: absolute [C]: {@link
 *       MediaSnapshot#thumbnailUrl()} and {@link MediaSnapshot#previewUrl()} (a relative one is
 *       put after the site URL), else the representation's non-square previews of size 200 and
 *       800 [C E], else {@code ""} [C W1].
 *   <li>{@code created}: {@link MediaEvent#occurredAt()} as ISO-8601 UTC with exactly three
 *       fraction digits and {@code Z} [C]. The event time, not the attempt time, so every retry
 *       sends the same webhook [I].
 *   <li>{@code id}: {@link MediaEvent#id()} (a UUID by default) [C]; {@code type}: {@code
 *       "asset"} [C].
 * </ul>
 *
 * <h2>The asset representation ({@code data}, {@code data.asset}, {@code data.assetBefore})</h2>
 * When a snapshot carries the extension {@value #ASSET_EXTENSION} (a JSON object, for example set
 * with {@code MediaSnapshot.Builder.extensionJson("fotoware.asset", json)}), it is sent exactly as
 * given, keys in the given order. Otherwise a minimal valid one is built, keys in the captured
 * order [C E]: {@code archiveHREF} (the {@linkplain Builder#archiveHref(String) archive}),
 * {@code createdBy}, {@code modified}, {@code href} and {@code linkstance} (archive + folder +
 * file name + {@code .info}, each path segment percent-encoded as Python's {@code quote}),
 * {@code builtinFields} (title, description, tags as a list, status, rating, notes) [C],
 * {@code filename}, {@code modifiedBy}, {@code filesize} (an int [C]), {@code archiveId},
 * {@code metadata} ({@code {"<id>": {"value": text or [texts]}}}, unset fields absent [C]),
 * {@code previews} (the preview as size 800 and the thumbnail as size 200, fitted into the size
 * box as the capture shows), {@code created}, {@code renditions} (the {@link MediaSnapshot#url()}
 * as the original file [I]), {@code doctype} ({@code image}, {@code movie}, {@code audio},
 * {@code document}, {@code graphic} or {@code generic} from the MIME type, lowercase as captured)
 * and {@code attributes} ({@code imageattributes}/{@code videoattributes} with {@code pixelwidth}
 * and {@code pixelheight} as ints). Keys whose value is unknown are left out. Not carried: alt
 * text, labels, SHA-1, duration, bit rate, streaming URL (Fotoware has no such fields).
 *
 * <p>Dates inside the representation keep their own precision, as Fotoware's do [C]: an instant
 * prints with no fraction, three or six fraction digits, as few as it needs (finer than
 * microseconds is cut). {@code created} is {@link MediaSnapshot#createdAt()}, for an ingest the
 * event time when unset; {@code modified} is {@link MediaSnapshot#modifiedAt()}, for the new state
 * of an ingest or update the event time when unset.
 *
 * <p>Metadata fields by Fotoware id: the representation's {@code metadata} (when supplied), then
 * {@link MediaSnapshot#metadata()}, then {@link MediaSnapshot#title()} (5),
 * {@link MediaSnapshot#description()} (120), {@link MediaSnapshot#tags()} (25) and
 * {@link MediaSnapshot#creators()} (80), later ones overriding. A host metadata name is either the
 * numeric id ({@code "116"}) or a mapped name (case-insensitive): {@code title} 5, {@code keywords}
 * and {@code tags} 25, {@code instructions} 40, {@code byline}, {@code creator} and {@code author}
 * 80, {@code city} 90, {@code state} 95, {@code country} 101, {@code headline} 105, {@code credit}
 * 110, {@code source} 115, {@code copyright} 116, {@code description} and {@code caption} 120
 * (the ids are IPTC dataset numbers as the captures show [C]); add more with {@link
 * Builder#metadataField(String, int, String)}. {@code status}, {@code rating} and {@code notes}
 * fill the matching {@code builtinFields}. Other names have no Fotoware field and are left out,
 * or rejected with {@link Builder#strictMetadata(boolean)}. A single text is sent as a string, a
 * list (or a per-locale value, Fotoware having no locales) as the list of its texts; an empty
 * value unsets the field.
 *
 * <p>{@code metadataDiff} compares the two snapshots' fields by id (fields of the before snapshot
 * first): {@code {"changedFields": [{"field": {"id": 25, "label": "Keywords"}, "diff": {"old":
 * null, "new": {"values": [{"s": "Taggy"}]}, "added": {"values": [{"s": "Taggy"}]}}}]}} [C E].
 * {@code old}/{@code new} are null when the field is unset on that side [C]; {@code added} and
 * {@code removed} list the values only one side has and appear only when non-empty ({@code
 * removed} is [I]). Labels other than Keywords are [I]. A host holding Fotoware's own diff puts it
 * in the after snapshot's {@value #METADATA_DIFF_EXTENSION} extension to send it as given.
 * {@code revisionsDiff}'s shape is unknown [?]: we send {@code {"old": <before revision>, "new":
 * <after revision>}} ({@link MediaSnapshot#revision()}, null when unset) [I], or the after
 * snapshot's {@value #REVISIONS_DIFF_EXTENSION} extension as given.
 *
 * <h2>Bytes and headers</h2>
 * JSON mode (the default): exactly Python's {@code json.dumps} with default settings [C]
 * (separators {@code ", "} and {@code ": "}, insertion order, {@code ensure_ascii} escapes,
 * floats like {@code 300.0}), {@code Content-Type: application/json} with no charset [C]. Form mode
 * ({@link Encoding#FORM}, chosen per webhook in FotoWeb [C W2]) is unverified [?]: the field list
 * was not published, so we send the envelope's top-level fields in envelope order and {@code data}
 * as a JSON string (Python dialect) [I], encoded as Python's {@code urllib.parse.urlencode} (what
 * {@code requests} sends: {@code quote_plus}, space as {@code +}, safe letters, digits and
 * {@code _.-~}, UTF-8), {@code Content-Type: application/x-www-form-urlencoded}. Every payload
 * carries {@code User-Agent: FotoWeb/8.1} [C]: receivers such as Enonic answer 404 to any other
 * agent. The body does not depend on the attempt.
 *
 * <h2>Skipping and errors</h2>
 * Fotoware has a message for every event type, so {@link #skipReason(MediaEvent)} is empty,
 * unless {@link Builder#skipMoves(boolean)} is on: FotoWeb sends nothing for a move [C E], so an
 * update whose only change is {@link MediaChange#MOVE} is then filtered. An event lacking what
 * Fotoware requires is a {@link FormatException} naming it and where to set it: no site URL
 * anywhere, no file name in the snapshot or representation, an extension that is not a JSON
 * object, an unmapped metadata name in strict mode, or (form mode) text that has no UTF-8 form.
 *
 * <p>Get one with {@link #json(String)}, {@link #form(String)}, {@link #json()} (site URL from
 * each event's source) or {@link #builder()}. Defaults: JSON, no site URL of its own, user agent
 * {@value #DEFAULT_USER_AGENT}, archive {@value #DEFAULT_ARCHIVE_HREF}, lenient metadata, moves
 * sent. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * WebhookFormat format = FotowareAssetFormat.json("https://acme.fotoware.cloud");
 * MediaSnapshot asset = MediaSnapshot.builder()
 *     .fileName("harbour.jpg").folder("Boats").mimeType("image/jpeg")
 *     .size(104_448L).dimensions(2976, 1984)
 *     .creators("Ada", "Grace").tags("harbour", "dusk")
 *     .metadata("copyright", MetadataValue.of("ACME Ltd"))
 *     .build();
 * WebhookPayload payload = format.render(MediaEvent.created(asset), attempt).orElseThrow();
 * // payload.eventName() is "asset-ingested"; the body's first field is "pixel-width": "2976"
 * }</pre>
 */
public final class FotowareAssetFormat implements WebhookFormat {
  /** Snapshot extension holding Fotoware's asset representation, sent as given. */
  public static final String ASSET_EXTENSION = "fotoware.asset";
  /** After-snapshot extension holding a {@code metadataDiff} to send as given. */
  public static final String METADATA_DIFF_EXTENSION = "fotoware.metadataDiff";
  /** After-snapshot extension holding a {@code revisionsDiff} to send as given. */
  public static final String REVISIONS_DIFF_EXTENSION = "fotoware.revisionsDiff";
  /** The user agent FotoWeb sends and receivers check. */
  public static final String DEFAULT_USER_AGENT = "FotoWeb/8.1";
  /**
   * The archive a built representation lives in: the "All files" archive seen in the captured
   * modified webhook [I].
   */
  public static final String DEFAULT_ARCHIVE_HREF = "/fotoweb/archives/5000-All-files/";
  /** Event name of a {@link MediaEventType#CREATED} payload. */
  public static final String ASSET_INGESTED = "asset-ingested";
  /** Event name of an {@link MediaEventType#UPDATED} payload. */
  public static final String ASSET_MODIFIED = "asset-modified";
  /** Event name of a {@link MediaEventType#DELETED} payload. */
  public static final String ASSET_DELETED = "asset-deleted";

  private static final String NAME = "fotoware";

  /** How the payload is encoded; FotoWeb lets each webhook choose [C W2]. */
  public enum Encoding {
    /** A JSON body, {@code application/json}: the default and the only verified one. */
    JSON("application/json"),
    /** A form body, {@code application/x-www-form-urlencoded}; the field list is inferred. */
    FORM("application/x-www-form-urlencoded");

    private final String contentType;

    Encoding(String contentType) {
      this.contentType = contentType;
    }

    /**
     * The {@code Content-Type} header value, exactly as sent (no charset).
     *
     * @return the content type
     */
    public String contentType() {
      return contentType;
    }
  }

  private final Encoding encoding;
  private final @Nullable String siteUrl;
  private final String userAgent;
  private final String archiveHref;
  private final FotowareFields fields;
  private final boolean strictMetadata;
  private final boolean skipMoves;
  private final Settings settings;

  private FotowareAssetFormat(Builder b) {
    this.encoding = b.encoding;
    this.siteUrl = b.siteUrl;
    this.userAgent = b.userAgent;
    this.archiveHref = b.archiveHref;
    this.fields = b.fields;
    this.strictMetadata = b.strictMetadata;
    this.skipMoves = b.skipMoves;
    this.settings = new Settings(fields, archiveHref, strictMetadata);
  }

  /**
   * Returns a JSON-mode format for one site.
   *
   * @param siteUrl the site's base URL, for example {@code https://acme.fotoware.cloud}
   * @return a new format
   * @throws NullPointerException if {@code siteUrl} is null
   * @throws IllegalArgumentException if {@code siteUrl} is not an absolute http(s) URL
   */
  public static FotowareAssetFormat json(String siteUrl) {
    return builder().siteUrl(Objects.requireNonNull(siteUrl, "siteUrl must not be null")).build();
  }

  /**
   * Returns a JSON-mode format that takes the site URL from each event's {@link
   * EventSource#siteUrl()}.
   *
   * @return a new format
   */
  public static FotowareAssetFormat json() {
    return builder().build();
  }

  /**
   * Returns a form-mode format for one site (see the class comment: unverified).
   *
   * @param siteUrl the site's base URL
   * @return a new format
   * @throws NullPointerException if {@code siteUrl} is null
   * @throws IllegalArgumentException if {@code siteUrl} is not an absolute http(s) URL
   */
  public static FotowareAssetFormat form(String siteUrl) {
    return builder()
        .siteUrl(Objects.requireNonNull(siteUrl, "siteUrl must not be null"))
        .encoding(Encoding.FORM)
        .build();
  }

  /**
   * Returns a form-mode format that takes the site URL from each event's source.
   *
   * @return a new format
   */
  public static FotowareAssetFormat form() {
    return builder().encoding(Encoding.FORM).build();
  }

  /**
   * Returns a builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this format's settings.
   *
   * @return a new builder
   */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /**
   * The encoding.
   *
   * @return JSON or FORM
   */
  public Encoding encoding() {
    return encoding;
  }

  /**
   * The format's own site URL (without a trailing slash), or null to use each event's source.
   *
   * @return the site URL, or null
   */
  public @Nullable String siteUrl() {
    return siteUrl;
  }

  /**
   * The {@code User-Agent} header value sent.
   *
   * @return the user agent
   */
  public String userAgent() {
    return userAgent;
  }

  /**
   * The archive href (relative to the site, ending in {@code /}) of built representations.
   *
   * @return the archive href
   */
  public String archiveHref() {
    return archiveHref;
  }

  /**
   * Whether a metadata name without a Fotoware field id is an error rather than left out.
   *
   * @return true in strict mode
   */
  public boolean strictMetadata() {
    return strictMetadata;
  }

  /**
   * Whether updates whose only change is a move are filtered, as FotoWeb sends nothing for them.
   *
   * @return true when moves are skipped
   */
  public boolean skipMoves() {
    return skipMoves;
  }

  /**
   * Returns {@code "fotoware"}.
   *
   * @return the format's name
   */
  @Override
  public String name() {
    return NAME;
  }

  /**
   * Empty, except for a move-only update when {@link #skipMoves()} is on.
   *
   * @param event the event
   * @return the reason, or empty
   */
  @Override
  public Optional<String> skipReason(MediaEvent event) {
    Objects.requireNonNull(event, "event must not be null");
    if (skipMoves && event.type() == MediaEventType.UPDATED
        && event.changes().size() == 1 && event.changes().contains(MediaChange.MOVE)) {
      return Optional.of("fotoware: FotoWeb sends no asset-modified webhook for a move"
          + " (skipMoves is on)");
    }
    return Optional.empty();
  }

  /**
   * Renders the event as the Fotoware webhook for its type (see the class comment).
   *
   * @param event the event
   * @param attempt the delivery attempt (the body does not depend on it)
   * @return the payload, or empty when {@link #skipReason(MediaEvent)} is present
   * @throws FormatException if the event lacks what Fotoware requires; the message names it
   */
  @Override
  public Optional<WebhookPayload> render(MediaEvent event, Attempt attempt) {
    Objects.requireNonNull(event, "event must not be null");
    Objects.requireNonNull(attempt, "attempt must not be null");
    if (skipReason(event).isPresent()) {
      return Optional.empty();
    }
    Site site = new Site(siteUrl, event.source().siteUrl());
    String eventName;
    @Nullable String operation;
    @Nullable String previousName = null;
    AssetView subject;
    Object data;
    switch (event.type()) {
      case CREATED: {
        subject = view(event.after(), "after");
        eventName = ASSET_INGESTED;
        operation = "upload";
        data = subject.json(site, event.occurredAt(), true);
        break;
      }
      case DELETED: {
        subject = view(event.before(), "before");
        eventName = ASSET_DELETED;
        operation = null;
        data = subject.json(site, null, false);
        break;
      }
      default: {
        AssetView before = view(event.before(), "before");
        subject = view(event.after(), "after");
        eventName = ASSET_MODIFIED;
        operation = operationName(event.changes());
        Map<String, @Nullable Object> d = new LinkedHashMap<>();
        d.put("asset", subject.json(site, event.occurredAt(), false));
        switch (operation) {
          case "rename":
            previousName = before.fileName();
            break;
          case "restoreRevision": {
            Object given = subject.snapshot().extension(REVISIONS_DIFF_EXTENSION);
            d.put("revisionsDiff", given != null ? given
                : Diffs.revisionsDiff(before.snapshot(), subject.snapshot()));
            break;
          }
          default: {
            d.put("assetBefore", before.json(site, null, false));
            Object given = subject.snapshot().extension(METADATA_DIFF_EXTENSION);
            d.put("metadataDiff", given != null ? given
                : Diffs.metadataDiff(before, subject, fields));
          }
        }
        data = d;
      }
    }

    // The envelope in its wire order, written member by member: a map of it cost more than the
    // writing (this runs for every attempt).
    Envelope envelope = new Envelope();
    envelope.put("pixel-width", subject.pixelWidth());
    envelope.put("byline", subject.joined(FotowareFields.BYLINE));
    envelope.put("description", subject.joined(FotowareFields.DESCRIPTION));
    envelope.put("tags", subject.joined(FotowareFields.KEYWORDS));
    envelope.put("file-size", subject.fileSize());
    envelope.put("title", subject.joined(FotowareFields.TITLE));
    envelope.put("thumbnail-href", absoluteOrEmpty(site,
        subject.previewHref(AssetView.THUMBNAIL_SIZE)));
    envelope.put("created", AssetView.FotowareDates.envelope(event.occurredAt()));
    envelope.put("href", site.absolute(subject.relativeHref()));
    if (operation != null) {
      envelope.put("operation-name", operation);
    }
    if (previousName != null) {
      envelope.put("previous-name", previousName);
    }
    envelope.put("data", data);
    envelope.put("preview-href", absoluteOrEmpty(site,
        subject.previewHref(AssetView.PREVIEW_SIZE)));
    envelope.put("type", "asset");
    envelope.put("pixel-height", subject.pixelHeight());
    envelope.put("id", event.id());

    byte[] body = encoding == Encoding.JSON
        ? JsonWriter.toBytes(JsonDialect.PYTHON, envelope::writeTo)
        : envelope.formBody();
    return Optional.of(PayloadAccess.builder(eventName, encoding.contentType(), body)
        .header("User-Agent", userAgent)
        .build());
  }

  /** RESTORE, then CONTENT, then RENAME, then everything else (see the class comment). */
  static String operationName(Set<MediaChange> changes) {
    if (changes.contains(MediaChange.RESTORE)) {
      return "restoreRevision";
    }
    if (changes.contains(MediaChange.CONTENT)) {
      return "upload";
    }
    if (changes.contains(MediaChange.RENAME)) {
      return "rename";
    }
    return "updateMetadata";
  }

  private AssetView view(@Nullable MediaSnapshot snapshot, String side) {
    // MediaEvent's builder guarantees the snapshot the type needs.
    return new AssetView(Objects.requireNonNull(snapshot, side), side, settings);
  }

  private static String absoluteOrEmpty(Site site, @Nullable String url) {
    return url == null || url.isEmpty() ? "" : site.absolute(url);
  }

  /** The top-level members of a body, in the order they are sent. */
  private static final class Envelope {
    private final String[] keys = new String[16];
    private final Object[] values = new Object[16];
    private int size;

    void put(String key, Object value) {
      keys[size] = key;
      values[size++] = value;
    }

    void writeTo(JsonWriter out) {
      out.beginObject();
      for (int i = 0; i < size; i++) {
        out.member(keys[i], values[i]);
      }
      out.endObject();
    }

    /** Python's urlencode of the members, non-string values as their Python JSON. */
    byte[] formBody() {
      List<Map.Entry<String, String>> pairs = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        Object v = values[i];
        String text = v instanceof String ? (String) v : JsonWriter.toString(v, JsonDialect.PYTHON);
        pairs.add(new AbstractMap.SimpleImmutableEntry<>(keys[i], text));
      }
      return PythonUrlEncoding.urlencode(pairs).getBytes(StandardCharsets.US_ASCII);
    }
  }

  @Override
  public String toString() {
    return "FotowareAssetFormat{" + encoding.name().toLowerCase(Locale.ROOT) + ", siteUrl="
        + (siteUrl == null ? "(from event source)" : siteUrl) + ", userAgent=" + userAgent + '}';
  }

  /**
   * Builds a {@link FotowareAssetFormat}. Not thread-safe; the built format is.
   *
   * <pre>{@code
   * FotowareAssetFormat format = FotowareAssetFormat.builder()
   *     .siteUrl("https://acme.fotoware.cloud")
   *     .encoding(FotowareAssetFormat.Encoding.FORM)
   *     .archiveHref("/fotoweb/archives/5001-My-Uploads/")
   *     .metadataField("rights", 116, "Copyright")
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private Encoding encoding = Encoding.JSON;
    private @Nullable String siteUrl;
    private String userAgent = DEFAULT_USER_AGENT;
    private String archiveHref = DEFAULT_ARCHIVE_HREF;
    private FotowareFields fields = FotowareFields.defaults();
    private boolean strictMetadata;
    private boolean skipMoves;

    private Builder() {}

    private Builder(FotowareAssetFormat f) {
      encoding = f.encoding;
      siteUrl = f.siteUrl;
      userAgent = f.userAgent;
      archiveHref = f.archiveHref;
      fields = f.fields;
      strictMetadata = f.strictMetadata;
      skipMoves = f.skipMoves;
    }

    /**
     * Sets the site's base URL, which makes {@code href} and preview URLs absolute. It wins over
     * the event source's. Default: none, use {@link EventSource#siteUrl()}.
     *
     * @param siteUrl an absolute http(s) URL (a trailing slash is removed), or null
     * @return this builder
     * @throws IllegalArgumentException if {@code siteUrl} is not an absolute http(s) URL
     */
    public Builder siteUrl(@Nullable String siteUrl) {
      if (siteUrl == null) {
        this.siteUrl = null;
        return this;
      }
      URI uri;
      try {
        uri = new URI(siteUrl);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("siteUrl is not a valid URL: " + e.getMessage(), e);
      }
      if (!Site.isAbsolute(siteUrl) || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "siteUrl must be an absolute http or https URL with a host, was \"" + siteUrl + '"');
      }
      this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1)
          : siteUrl;
      return this;
    }

    /**
     * Sets the encoding. Default: {@link Encoding#JSON}.
     *
     * @param encoding JSON or FORM
     * @return this builder
     * @throws NullPointerException if {@code encoding} is null
     */
    public Builder encoding(Encoding encoding) {
      this.encoding = Objects.requireNonNull(encoding, "encoding must not be null");
      return this;
    }

    /**
     * Sets the {@code User-Agent} header. Default: {@value
     * FotowareAssetFormat#DEFAULT_USER_AGENT}; receivers may reject anything else.
     *
     * @param userAgent the value
     * @return this builder
     * @throws NullPointerException if {@code userAgent} is null
     * @throws IllegalArgumentException if it is blank or not a valid header value
     */
    public Builder userAgent(String userAgent) {
      Objects.requireNonNull(userAgent, "userAgent must not be null");
      if (userAgent.isBlank()) {
        throw new IllegalArgumentException("userAgent must not be blank");
      }
      this.userAgent = HeaderChecks.value("User-Agent", userAgent);
      return this;
    }

    /**
     * Sets the archive that built representations live in, as a site-relative href such as
     * {@code /fotoweb/archives/5001-My-Uploads/}; its leading number becomes {@code archiveId}.
     * Default: {@value FotowareAssetFormat#DEFAULT_ARCHIVE_HREF}.
     *
     * @param archiveHref the href, starting with {@code /} (a trailing {@code /} is added)
     * @return this builder
     * @throws NullPointerException if {@code archiveHref} is null
     * @throws IllegalArgumentException if it does not start with {@code /}
     */
    public Builder archiveHref(String archiveHref) {
      Objects.requireNonNull(archiveHref, "archiveHref must not be null");
      if (!archiveHref.startsWith("/") || archiveHref.isBlank()) {
        throw new IllegalArgumentException(
            "archiveHref must be a site-relative path starting with '/', was \"" + archiveHref
                + '"');
      }
      this.archiveHref = archiveHref.endsWith("/") ? archiveHref : archiveHref + '/';
      return this;
    }

    /**
     * Maps a host metadata name (case-insensitive) to a Fotoware field id and sets that field's
     * label in {@code metadataDiff}. Replaces a default mapping of the same name.
     *
     * @param name the host's metadata name, or a numeric id to only set its label
     * @param id the Fotoware field id
     * @param label the field's label
     * @return this builder
     * @throws NullPointerException if {@code name} or {@code label} is null
     * @throws IllegalArgumentException if {@code name} or {@code label} is blank or {@code id}
     *     is negative
     */
    public Builder metadataField(String name, int id, String label) {
      Objects.requireNonNull(name, "name must not be null");
      Objects.requireNonNull(label, "label must not be null");
      if (name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      if (label.isBlank()) {
        throw new IllegalArgumentException("label must not be blank");
      }
      if (id < 0) {
        throw new IllegalArgumentException("id must not be negative, was " + id);
      }
      this.fields = fields.with(name, id, label);
      return this;
    }

    /**
     * Sets whether a snapshot metadata name with no Fotoware field id fails rendering with a
     * {@link FormatException} (true) or is left out (false, the default).
     *
     * @param strict true to reject unmapped names
     * @return this builder
     */
    public Builder strictMetadata(boolean strict) {
      this.strictMetadata = strict;
      return this;
    }

    /**
     * Sets whether updates whose only change is {@link MediaChange#MOVE} are filtered, as FotoWeb
     * sends no webhook for a move. Default: false (sent as {@code updateMetadata}).
     *
     * @param skip true to filter move-only updates
     * @return this builder
     */
    public Builder skipMoves(boolean skip) {
      this.skipMoves = skip;
      return this;
    }

    /**
     * Builds the format.
     *
     * @return a new immutable format
     */
    public FotowareAssetFormat build() {
      return new FotowareAssetFormat(this);
    }
  }
}
