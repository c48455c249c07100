package io.mediahooks.core.format.filerobot;

import io.mediahooks.core.Attempt;
import io.mediahooks.core.FormatException;
import io.mediahooks.core.MediaChange;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.WebhookFormat;
import io.mediahooks.core.WebhookPayload;
import io.mediahooks.core.internal.ChangeSets;
import io.mediahooks.core.internal.PayloadAccess;
import io.mediahooks.core.internal.json.JsonDialect;
import io.mediahooks.core.internal.json.JsonValues;
import io.mediahooks.core.internal.json.JsonWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Scaleflex Filerobot DAM webhook format: one configured Filerobot webhook, with the triggers
 * it fires on and the asset details it sends.
 *
 * <p><b>What is confirmed and what is not</b> (wire-formats.md section 2). Confirmed [C F1, F3]:
 * a {@code POST} with the asset data in a JSON body, the eight triggers ({@link
 * FilerobotTrigger}), the selectable details ({@link FilerobotField}), Basic or OAuth2/Bearer
 * authentication and up to 10 custom headers (configured on the endpoint, not here), and no
 * signature. <b>No real webhook body has ever been published</b>: the envelope, the trigger
 * names and the key names are inferred [I] from Filerobot's REST API file object [C F4, F5] and
 * the placeholder fixture {@code webhook-on-upload.inferred.json}, so all of them are
 * configurable. The defaults render:
 *
 * <pre>{@code
 * {"trigger":"on_upload","file":{"uuid":"1f78b9d1-98fe-53db-82a4-8c9aafb50000",
 *   "name":"product_0f0.jpg","extension":"jpg","size":{"bytes":4905337,"pretty":"4.68 MB"},
 *   "type":"image/jpeg","info":{"img_h":3744,"img_w":5616},
 *   "url":{"cdn":"https://fdocs.filerobot.com/api-demo/product_0f0.jpg",
 *          "path":"/api-demo/product_0f0.jpg"}}}
 * }</pre>
 *
 * (shown wrapped; the body is one line).
 *
 * <p><b>Triggers.</b> CREATED fires {@link FilerobotTrigger#UPLOAD}, DELETED fires {@link
 * FilerobotTrigger#DELETE}, and an UPDATED event fires the trigger of each of its {@link
 * MediaEvent#changes()}: MOVE, RENAME, METADATA ({@link FilerobotTrigger#CHANGE_META}, when one of
 * the configured field/value conditions matches the event's metadata diff), INFO, TAGS, LABELS.
 * An event that matches several configured triggers is sent <em>once</em>, naming the first
 * matching trigger in Filerobot's documented order (upload, move, rename, delete, change meta,
 * change info, change tag, change label): a receiver gets one request per change, as with one
 * Filerobot webhook, and the order is the vendor's, not ours. An event matching no configured
 * trigger is filtered: {@link #skipReason(MediaEvent)} says which changes met which triggers, and
 * {@link #render(MediaEvent, Attempt)} returns empty.
 *
 * <p><b>Re-uploads.</b> Filerobot documents no "replace" trigger, so an update whose only changes
 * are CONTENT or RESTORE is filtered by default. With {@link Builder#replaceAsUpload(boolean)} it
 * fires {@link FilerobotTrigger#UPLOAD} instead (as does any update with CONTENT or RESTORE, and
 * upload then wins by the order above).
 *
 * <p><b>Body.</b> {@code {"trigger": <name>, "file": <file object>}} plus optional static fields;
 * the key names (or no trigger key, or the file's keys at the top level) are set with {@link
 * Builder#triggerKey(String)}, {@link Builder#fileKey(String)} and {@link
 * Builder#envelopeField(String, Object)} [I]. The file object has the REST API's keys in its order
 * ({@code uuid, name, extension, size, type, info, meta, tags, labels, url, hash, created_at,
 * modified_at}), restricted to the selected {@link FilerobotField}s; the default selection is the
 * File, Image and Video groups (everything but the voluminous metadata). It describes the asset's
 * latest state: {@code after}, or {@code before} for a deletion. Details:
 * <ul>
 *   <li>{@code uuid} (the snapshot id) and {@code name} (the file name) are required when
 *       selected: without them rendering throws {@link FormatException} naming the field. Any
 *       other selected field the snapshot lacks is left out; keys are never {@code null}.
 *   <li>{@code size} is {@code {"bytes": int, "pretty": "4.68 MB"}}: 1024-based units, two
 *       decimals, half-up, matching both vendor samples (4905337 is "4.68 MB", 109999 is
 *       "107.42 KB") [C]; below 1024 bytes "512 B" [I].
 *   <li>{@code info.img_h}, {@code info.img_w} for images [C F4]; {@code info.video_h},
 *       {@code video_w}, {@code video_length} (seconds, decimal when fractional) and
 *       {@code video_bitrate} (bits per second) and {@code url.playlist} for videos [I].
 *   <li>{@code url.cdn} is the snapshot URL; {@code url.path} is folder and file name, each
 *       segment percent-encoded (RFC 3986 unreserved characters kept: F5's {@code %3A}) [C F5].
 *       {@code url.public} and {@code url.permalink} cannot be derived and are not sent.
 *   <li>Custom metadata ({@code meta}): {@link io.mediahooks.core.MediaSnapshot#metadata()}, each
 *       value as a string, a list of strings or a {@code {locale: string}} object [C F4], then
 *       the snapshot's title and description when the metadata has no field of that name.
 *   <li>System metadata: {@code tags} and {@code labels} (arrays), {@code hash.sha1},
 *       {@code created_at} and {@code modified_at} as {@code 2020-10-27T15:37:25Z} (second
 *       precision, UTC; the precision is seen only on Filerobot's Prismic endpoint [C], so it is
 *       inferred for webhooks [I]); then every entry of the snapshot extension {@value
 *       #SYSTEM_EXTENSION} (a JSON object such as {@code {"visibility": {...}, "flags": []}}),
 *       which replaces a derived key of the same name. Keys the API object has are written in
 *       its order ({@code flags} after {@code size}, {@code visibility} before {@code url}),
 *       other keys last.
 *   <li>Embedded metadata: the snapshot extension {@value #EMBEDDED_EXTENSION} (a JSON object,
 *       for example EXIF/IPTC/XMP by namespace) as {@code embedded_meta} [I].
 * </ul>
 *
 * <p><b>Bytes.</b> Compact JSON ({@code JSON.stringify} separators and number forms) with every
 * character above U+007E escaped as a lowercase backslash-u escape, as in the vendor's published
 * example (wire-formats.md: "escapes non-ASCII as backslash-u00c9"); {@link
 * Builder#asciiOnly(boolean)} turns the escaping off. {@code Content-Type: application/json}
 * (the header value is not documented [I]); no extra headers. The payload's event name is the
 * trigger's name.
 *
 * <p>Get one with {@link #builder()} (at least one trigger) or {@link
 * #create(FilerobotTrigger...)}. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * WebhookFormat filerobot = FilerobotFormat.builder()
 *     .on(FilerobotTrigger.UPLOAD, FilerobotTrigger.DELETE)
 *     .onMetaChange("status", "approved")
 *     .fieldGroups(FilerobotField.Group.FILE, FilerobotField.Group.IMAGE)
 *     .fields(FilerobotField.CUSTOM_METADATA)
 *     .build();
 * }</pre>
 */
public final class FilerobotFormat implements WebhookFormat {
  /**
   * The snapshot extension whose JSON object entries are added to the file object with the
   * system metadata ({@link FilerobotField#SYSTEM_METADATA}), replacing derived keys of the same
   * name and placed in the REST API object's key order: the place for Filerobot data the
   * snapshot model has no field for, such as {@code visibility}, {@code flags} or
   * {@code hash.blurhash}.
   */
  public static final String SYSTEM_EXTENSION = "filerobot.system";

  /**
   * The snapshot extension holding embedded metadata (a JSON object), sent as
   * {@code embedded_meta} when {@link FilerobotField#EMBEDDED_METADATA} is selected.
   */
  public static final String EMBEDDED_EXTENSION = "filerobot.embedded";

  private static final Set<FilerobotField> DEFAULT_FIELDS = Collections.unmodifiableSet(
      fieldsOf(FilerobotField.Group.FILE, FilerobotField.Group.IMAGE, FilerobotField.Group.VIDEO));

  private final Set<FilerobotTrigger> triggers;
  private final List<MetaCondition> metaConditions;
  private final boolean replaceAsUpload;
  private final Set<FilerobotField> fields;
  private final Map<FilerobotTrigger, String> names;
  private final @Nullable String triggerKey;
  private final @Nullable String fileKey;
  private final Map<String, @Nullable Object> envelopeFields;
  private final boolean asciiOnly;
  /** Skip reasons by event type and changes (see {@link #skipReason}). */
  private final ChangeSets.TextCache reasons =
      new ChangeSets.TextCache(MediaEventType.values().length * ChangeSets.COMBINATIONS);

  private FilerobotFormat(Builder b) {
    this.triggers = Collections.unmodifiableSet(EnumSet.copyOf(b.triggers));
    this.metaConditions = List.copyOf(b.metaConditions);
    this.replaceAsUpload = b.replaceAsUpload;
    this.fields = Collections.unmodifiableSet(
        b.fields.isEmpty() ? EnumSet.copyOf(DEFAULT_FIELDS) : EnumSet.copyOf(b.fields));
    Map<FilerobotTrigger, String> n = new EnumMap<>(FilerobotTrigger.class);
    for (FilerobotTrigger t : FilerobotTrigger.values()) {
      n.put(t, b.names.getOrDefault(t, b.naming.nameOf(t)));
    }
    this.names = Collections.unmodifiableMap(n);
    this.triggerKey = b.triggerKey;
    this.fileKey = b.fileKey;
    this.envelopeFields = Collections.unmodifiableMap(new LinkedHashMap<>(b.envelopeFields));
    this.asciiOnly = b.asciiOnly;
  }

  /**
   * Returns a format with default envelope, naming and fields that fires on the given triggers.
   * {@link FilerobotTrigger#CHANGE_META} here means a change of any metadata field.
   *
   * @param triggers the triggers, at least one
   * @return a new format
   * @throws IllegalStateException if no trigger is given
   * @throws NullPointerException if a trigger is null
   */
  public static FilerobotFormat create(FilerobotTrigger... triggers) {
    return builder().on(triggers).build();
  }

  /**
   * Returns a builder with no triggers, the default fields (File, Image, Video), envelope
   * {@code {"trigger": ..., "file": ...}}, {@link FilerobotTriggerNaming#ON_SNAKE_CASE} and
   * ASCII-only output.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns {@code "filerobot"}.
   *
   * @return the format's name
   */
  @Override
  public String name() {
    return "filerobot";
  }

  /**
   * The triggers this format fires on, in Filerobot's order. Unmodifiable.
   *
   * @return the triggers
   */
  public Set<FilerobotTrigger> triggers() {
    return triggers;
  }

  /**
   * The selected fields, in declaration order. Unmodifiable.
   *
   * @return the fields
   */
  public Set<FilerobotField> fields() {
    return fields;
  }

  /**
   * The name this format gives a trigger in the body and in the payload's event name.
   *
   * @param trigger the trigger
   * @return its configured name
   */
  public String triggerName(FilerobotTrigger trigger) {
    return names.get(notNull(trigger, "trigger"));
  }

  /**
   * Returns the trigger this format would send {@code event} under: the first configured trigger,
   * in Filerobot's order, that the event matches.
   *
   * @param event the event
   * @return the trigger, or empty when the event is filtered
   */
  public Optional<FilerobotTrigger> triggerFor(MediaEvent event) {
    notNull(event, "event");
    for (FilerobotTrigger t : triggers) {
      if (matches(t, event)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * Says why no configured trigger matches {@code event}, naming the event's type and changes
   * and the configured triggers, or empty when one matches.
   *
   * @param event the event
   * @return the reason, or empty
   */
  @Override
  public Optional<String> skipReason(MediaEvent event) {
    if (triggerFor(event).isPresent()) {
      return Optional.empty();
    }
    // The text depends only on the type and the changes: built once per combination.
    int mask = ChangeSets.mask(event.changes());
    int key = event.type().ordinal() * ChangeSets.COMBINATIONS + mask;
    String cached = reasons.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Set<MediaChange> changes = ChangeSets.of(mask);
    StringBuilder reason = new StringBuilder("filerobot: no configured trigger matches; event ")
        .append(event.type()).append(" changes ").append(changes)
        .append(", triggers ").append(describeTriggers());
    if (event.type() == MediaEventType.UPDATED && !replaceAsUpload && !changes.isEmpty()
        && EnumSet.of(MediaChange.CONTENT, MediaChange.RESTORE).containsAll(changes)) {
      reason.append(" (Filerobot documents no trigger for a re-upload; see replaceAsUpload)");
    }
    return Optional.of(reasons.put(key, reason.toString()));
  }

  /**
   * Renders the event as the body of this Filerobot webhook, or returns empty when no configured
   * trigger matches.
   *
   * @param event the event
   * @param attempt the delivery attempt (not used: the body is the same for every attempt)
   * @return the payload, or empty
   * @throws FormatException if a required field is missing ({@code uuid}, {@code name}), a
   *     {@code filerobot.*} extension is not a JSON object, or a file key collides with an
   *     envelope key when the file's keys are at the top level
   */
  @Override
  public Optional<WebhookPayload> render(MediaEvent event, Attempt attempt) {
    notNull(attempt, "attempt");
    Optional<FilerobotTrigger> trigger = triggerFor(event);
    if (trigger.isEmpty()) {
      return Optional.empty();
    }
    String name = names.get(trigger.get());
    Map<String, @Nullable Object> file = FileObject.render(event.latest(), fields);
    Map<String, @Nullable Object> body = new LinkedHashMap<>();
    if (triggerKey != null) {
      body.put(triggerKey, name);
    }
    if (fileKey != null) {
      body.put(fileKey, file);
    } else {
      for (Map.Entry<String, @Nullable Object> e : file.entrySet()) {
        putNew(body, e.getKey(), e.getValue());
      }
    }
    for (Map.Entry<String, @Nullable Object> e : envelopeFields.entrySet()) {
      putNew(body, e.getKey(), e.getValue());
    }
    byte[] json = JsonWriter.toBytes(
        body, asciiOnly ? JsonDialect.JAVASCRIPT_ASCII : JsonDialect.JAVASCRIPT);
    return Optional.of(PayloadAccess.builder(name, "application/json", json).build());
  }

  @Override
  public String toString() {
    return "FilerobotFormat{triggers=" + describeTriggers() + ", fields=" + fields + '}';
  }

  private boolean matches(FilerobotTrigger trigger, MediaEvent event) {
    MediaEventType type = event.type();
    Set<MediaChange> changes = event.changes();
    switch (trigger) {
      case UPLOAD:
        return type == MediaEventType.CREATED
            || replaceAsUpload && type == MediaEventType.UPDATED
                && (changes.contains(MediaChange.CONTENT) || changes.contains(MediaChange.RESTORE));
      case DELETE:
        return type == MediaEventType.DELETED;
      case CHANGE_META:
        if (type != MediaEventType.UPDATED) {
          return false;
        }
        for (MetaCondition c : metaConditions) {
          if (c.matches(event)) {
            return true;
          }
        }
        return false;
      default:
        return type == MediaEventType.UPDATED && changes.contains(changeOf(trigger));
    }
  }

  private static MediaChange changeOf(FilerobotTrigger trigger) {
    switch (trigger) {
      case MOVE:
        return MediaChange.MOVE;
      case RENAME:
        return MediaChange.RENAME;
      case CHANGE_INFO:
        return MediaChange.INFO;
      case CHANGE_TAG:
        return MediaChange.TAGS;
      case CHANGE_LABEL:
        return MediaChange.LABELS;
      default:
        throw new AssertionError(trigger);
    }
  }

  private String describeTriggers() {
    List<String> out = new ArrayList<>();
    for (FilerobotTrigger t : triggers) {
      if (t == FilerobotTrigger.CHANGE_META) {
        List<String> conditions = new ArrayList<>();
        for (MetaCondition c : metaConditions) {
          conditions.add(c.describe());
        }
        out.add(t + "(" + String.join(", ", conditions) + ")");
      } else {
        out.add(t.name());
      }
    }
    return out.toString();
  }

  private static void putNew(Map<String, @Nullable Object> body, String key,
      @Nullable Object value) {
    if (body.containsKey(key)) {
      throw new FormatException("filerobot: body key \"" + key + "\" is both a file key and an"
          + " envelope key; with fileKey(null) the file's keys share the top level, so rename"
          + " the envelope key or the " + SYSTEM_EXTENSION + " entry");
    }
    body.put(key, value);
  }

  private static EnumSet<FilerobotField> fieldsOf(FilerobotField.Group... groups) {
    EnumSet<FilerobotField> out = EnumSet.noneOf(FilerobotField.class);
    for (FilerobotField.Group g : groups) {
      notNull(g, "groups element");
      for (FilerobotField f : FilerobotField.values()) {
        if (f.group() == g) {
          out.add(f);
        }
      }
    }
    return out;
  }

  private static <T> T notNull(@Nullable T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    return value;
  }

  private static String notBlank(@Nullable String value, String name) {
    notNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /**
   * Builds a {@link FilerobotFormat}. Triggers and fields accumulate over calls. Not
   * thread-safe; the built format is.
   *
   * <pre>{@code
   * FilerobotFormat format = FilerobotFormat.builder()
   *     .on(FilerobotTrigger.UPLOAD)
   *     .onMetaChange("copyright")
   *     .triggerNaming(FilerobotTriggerNaming.PERMISSION)
   *     .triggerKey("event")
   *     .envelopeField("source", "acme-dam")
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private final EnumSet<FilerobotTrigger> triggers = EnumSet.noneOf(FilerobotTrigger.class);
    private final Set<MetaCondition> metaConditions = new LinkedHashSet<>();
    private boolean replaceAsUpload;
    private final EnumSet<FilerobotField> fields = EnumSet.noneOf(FilerobotField.class);
    private FilerobotTriggerNaming naming = FilerobotTriggerNaming.ON_SNAKE_CASE;
    private final Map<FilerobotTrigger, String> names = new EnumMap<>(FilerobotTrigger.class);
    private @Nullable String triggerKey = "trigger";
    private @Nullable String fileKey = "file";
    private final Map<String, @Nullable Object> envelopeFields = new LinkedHashMap<>();
    private boolean asciiOnly = true;

    private Builder() {}

    /**
     * Adds triggers to fire on. {@link FilerobotTrigger#CHANGE_META} here is "any metadata
     * field, any value", like {@link #onMetaChange()}.
     *
     * @param triggers the triggers
     * @return this builder
     * @throws NullPointerException if the array or an element is null
     */
    public Builder on(FilerobotTrigger... triggers) {
      notNull(triggers, "triggers");
      for (FilerobotTrigger t : triggers) {
        notNull(t, "triggers element");
        if (t == FilerobotTrigger.CHANGE_META) {
          onMetaChange();
        } else {
          this.triggers.add(t);
        }
      }
      return this;
    }

    /**
     * Fires {@link FilerobotTrigger#CHANGE_META} when any metadata field changes.
     *
     * @return this builder
     */
    public Builder onMetaChange() {
      return meta(MetaCondition.ANY);
    }

    /**
     * Fires {@link FilerobotTrigger#CHANGE_META} when the metadata field {@code field} changes,
     * to any value (including its removal).
     *
     * @param field the metadata field name, as in {@link
     *     io.mediahooks.core.MediaSnapshot#metadata()}
     * @return this builder
     * @throws IllegalArgumentException if {@code field} is blank
     */
    public Builder onMetaChange(String field) {
      return meta(new MetaCondition(notBlank(field, "field"), null));
    }

    /**
     * Fires {@link FilerobotTrigger#CHANGE_META} when the metadata field {@code field} changes
     * and its new value is {@code value}: the text of a single value, one element of a list, or
     * the text of one locale. Compared exactly (case-sensitive).
     *
     * @param field the metadata field name
     * @param value the value it must change to
     * @return this builder
     * @throws IllegalArgumentException if {@code field} is blank
     * @throws NullPointerException if {@code value} is null
     */
    public Builder onMetaChange(String field, String value) {
      return meta(new MetaCondition(notBlank(field, "field"), notNull(value, "value")));
    }

    /**
     * Fires {@link FilerobotTrigger#CHANGE_META} when any metadata field changes to
     * {@code value} (matched as in {@link #onMetaChange(String, String)}).
     *
     * @param value the value a field must change to
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder onAnyMetaChangeTo(String value) {
      return meta(new MetaCondition(null, notNull(value, "value")));
    }

    private Builder meta(MetaCondition condition) {
      triggers.add(FilerobotTrigger.CHANGE_META);
      metaConditions.add(condition);
      return this;
    }

    /**
     * Whether an update that re-uploads the file (changes include CONTENT or RESTORE) fires
     * {@link FilerobotTrigger#UPLOAD}, when that trigger is configured. Default: false, because
     * Filerobot documents no trigger for a replaced file; such updates are then filtered unless
     * another of their changes matches.
     *
     * @param replaceAsUpload true to send re-uploads as uploads
     * @return this builder
     */
    public Builder replaceAsUpload(boolean replaceAsUpload) {
      this.replaceAsUpload = replaceAsUpload;
      return this;
    }

    /**
     * Adds fields to send. When neither this nor {@link #fieldGroups(FilerobotField.Group...)}
     * is called, the File, Image and Video groups are sent.
     *
     * @param fields the fields
     * @return this builder
     * @throws NullPointerException if the array or an element is null
     */
    public Builder fields(FilerobotField... fields) {
      notNull(fields, "fields");
      for (FilerobotField f : fields) {
        this.fields.add(notNull(f, "fields element"));
      }
      return this;
    }

    /**
     * Adds every field of the given groups, as ticking a whole column of Filerobot's settings.
     *
     * @param groups the groups
     * @return this builder
     * @throws NullPointerException if the array or an element is null
     */
    public Builder fieldGroups(FilerobotField.Group... groups) {
      notNull(groups, "groups");
      fields.addAll(fieldsOf(groups));
      return this;
    }

    /**
     * Sets the trigger vocabulary. Default: {@link FilerobotTriggerNaming#ON_SNAKE_CASE} [I].
     * Names set with {@link #triggerName(FilerobotTrigger, String)} take precedence.
     *
     * @param naming the vocabulary
     * @return this builder
     * @throws NullPointerException if {@code naming} is null
     */
    public Builder triggerNaming(FilerobotTriggerNaming naming) {
      this.naming = notNull(naming, "naming");
      return this;
    }

    /**
     * Sets the name of one trigger, for a custom vocabulary (for example a real capture's).
     *
     * @param trigger the trigger
     * @param name its name in the body and as the payload's event name
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public Builder triggerName(FilerobotTrigger trigger, String name) {
      names.put(notNull(trigger, "trigger"), notBlank(name, "name"));
      return this;
    }

    /**
     * Sets the body key of the trigger name. Default: {@code "trigger"} [I].
     *
     * @param triggerKey the key, or null to leave the trigger out of the body (it stays the
     *     payload's event name)
     * @return this builder
     * @throws IllegalArgumentException if {@code triggerKey} is blank
     */
    public Builder triggerKey(@Nullable String triggerKey) {
      this.triggerKey = triggerKey == null ? null : notBlank(triggerKey, "triggerKey");
      return this;
    }

    /**
     * Sets the body key of the file object. Default: {@code "file"} [I].
     *
     * @param fileKey the key, or null to put the file object's keys at the top level of the body,
     *     after the trigger key
     * @return this builder
     * @throws IllegalArgumentException if {@code fileKey} is blank
     */
    public Builder fileKey(@Nullable String fileKey) {
      this.fileKey = fileKey == null ? null : notBlank(fileKey, "fileKey");
      return this;
    }

    /**
     * Adds a static field to every body, after the trigger and the file, in the order added.
     * Setting a key again replaces its value.
     *
     * @param key the key
     * @param value a JSON value: String, Number, Boolean, null, or List and Map (String keys) of
     *     those; deep-copied
     * @return this builder
     * @throws IllegalArgumentException if {@code key} is blank or {@code value} is not a JSON
     *     value
     */
    public Builder envelopeField(String key, @Nullable Object value) {
      notBlank(key, "key");
      envelopeFields.put(key, JsonValues.copy(value, "envelopeField " + key));
      return this;
    }

    /**
     * Whether characters above U+007E are written as backslash-u escapes. Default: true, as in
     * the vendor's example; false writes them as UTF-8.
     *
     * @param asciiOnly true for ASCII-only bytes
     * @return this builder
     */
    public Builder asciiOnly(boolean asciiOnly) {
      this.asciiOnly = asciiOnly;
      return this;
    }

    /**
     * Builds the format.
     *
     * @return a new immutable format
     * @throws IllegalStateException if no trigger was configured, or two body keys (trigger key,
     *     file key, envelope fields, and with {@code fileKey(null)} the file object's keys)
     *     are the same
     */
    public FilerobotFormat build() {
      if (triggers.isEmpty()) {
        throw new IllegalStateException(
            "no triggers: call on(...) or onMetaChange(...) with at least one trigger");
      }
      Set<String> keys = new LinkedHashSet<>();
      if (triggerKey != null) {
        keys.add(triggerKey);
      }
      if (fileKey != null) {
        requireNew(keys, fileKey, "fileKey");
      } else {
        for (String k : FileObject.KEYS) {
          if (keys.contains(k)) {
            throw new IllegalStateException("triggerKey \"" + k + "\" is also a file object key,"
                + " and fileKey(null) puts the file's keys at the top level");
          }
        }
        keys.addAll(FileObject.KEYS);
      }
      for (String k : envelopeFields.keySet()) {
        requireNew(keys, k, "envelopeField");
      }
      return new FilerobotFormat(this);
    }

    private static void requireNew(Set<String> keys, String key, String what) {
      if (!keys.add(key)) {
        throw new IllegalStateException(
            what + " \"" + key + "\" is already a body key (trigger key, file key, envelope field"
                + " or, with fileKey(null), a file object key)");
      }
    }
  }
}
