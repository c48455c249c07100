package io.mediahooks.core;

import io.mediahooks.core.internal.ChangeSets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What differs between two snapshots of one asset: the set of {@link MediaChange}s and a
 * field-level diff.
 *
 * <p>The field-to-change mapping is documented on each {@link MediaChange} constant. Every
 * snapshot field takes part in the diff except {@link MediaSnapshot#extensions()} (vendor data
 * that a format compares itself if it needs to); {@code modifiedAt}, {@code modifiedBy},
 * {@code id}, {@code createdAt}, {@code createdBy}, {@code thumbnailUrl} and {@code previewUrl}
 * appear in {@link #fields()} but make no {@link MediaChange} on their own, because they change as
 * a side effect of every other change. Metadata is compared per field: each changed metadata
 * field is one {@link FieldChange} whose {@link FieldChange#metadataName()} names it.
 *
 * <p>Get one with {@link #between(MediaSnapshot, MediaSnapshot)}; a {@link MediaEvent} of type
 * {@link MediaEventType#UPDATED} exposes its own with {@link MediaEvent#diff()}. Instances are
 * immutable and thread-safe.
 *
 * <pre>{@code
 * MediaChanges diff = MediaChanges.between(before, after);
 * if (diff.changes().contains(MediaChange.RENAME)) {
 *   String previous = (String) diff.field("fileName").orElseThrow().before();
 * }
 * }</pre>
 */
public final class MediaChanges {
  private static final MediaChanges NONE = new MediaChanges(ChangeSets.of(0), List.of());

  /** Snapshot fields in diff order, each with the change it makes (null: none on its own). */
  private static final List<Field> FIELDS =
      List.of(
          new Field("id", MediaSnapshot::id, null),
          new Field("url", MediaSnapshot::url, MediaChange.CONTENT),
          new Field("sha1", MediaSnapshot::sha1, MediaChange.CONTENT),
          new Field("size", MediaSnapshot::size, MediaChange.CONTENT),
          new Field("revision", MediaSnapshot::revision, MediaChange.CONTENT),
          new Field("mimeType", MediaSnapshot::mimeType, MediaChange.CONTENT),
          new Field("width", MediaSnapshot::width, MediaChange.CONTENT),
          new Field("height", MediaSnapshot::height, MediaChange.CONTENT),
          new Field("duration", MediaSnapshot::duration, MediaChange.CONTENT),
          new Field("bitrate", MediaSnapshot::bitrate, MediaChange.CONTENT),
          new Field("streamingUrl", MediaSnapshot::streamingUrl, MediaChange.CONTENT),
          new Field("fileName", MediaSnapshot::fileName, MediaChange.RENAME),
          new Field("folder", MediaSnapshot::folder, MediaChange.MOVE),
          new Field("title", MediaSnapshot::title, MediaChange.INFO),
          new Field("description", MediaSnapshot::description, MediaChange.INFO),
          new Field("alt", MediaSnapshot::alt, MediaChange.INFO),
          new Field("creators", MediaSnapshot::creators, MediaChange.METADATA),
          new Field("tags", MediaSnapshot::tags, MediaChange.TAGS),
          new Field("labels", MediaSnapshot::labels, MediaChange.LABELS),
          new Field("createdAt", MediaSnapshot::createdAt, null),
          new Field("createdBy", MediaSnapshot::createdBy, null),
          new Field("modifiedAt", MediaSnapshot::modifiedAt, null),
          new Field("modifiedBy", MediaSnapshot::modifiedBy, null),
          new Field("thumbnailUrl", MediaSnapshot::thumbnailUrl, null),
          new Field("previewUrl", MediaSnapshot::previewUrl, null));

  /** The fields that make a change of their own: the only ones {@link #kinds} compares. */
  private static final List<Field> CHANGING = FIELDS.stream()
      .filter(f -> f.change != null)
      .collect(java.util.stream.Collectors.toUnmodifiableList());

  private final Set<MediaChange> changes;
  private final List<FieldChange> fields;

  private MediaChanges(Set<MediaChange> changes, List<FieldChange> fields) {
    this.changes = changes;
    this.fields = fields;
  }

  /**
   * Returns the diff with no changes.
   *
   * @return the empty diff
   */
  public static MediaChanges none() {
    return NONE;
  }

  /**
   * Compares two snapshots of one asset.
   *
   * @param before the earlier state
   * @param after the later state
   * @return the changes from {@code before} to {@code after}
   * @throws NullPointerException if either snapshot is null
   */
  public static MediaChanges between(MediaSnapshot before, MediaSnapshot after) {
    Checks.notNull(before, "before");
    Checks.notNull(after, "after");
    EnumSet<MediaChange> changes = EnumSet.noneOf(MediaChange.class);
    List<FieldChange> fields = new ArrayList<>();
    for (Field f : FIELDS) {
      Object b = f.getter.apply(before);
      Object a = f.getter.apply(after);
      if (!Objects.equals(b, a)) {
        fields.add(new FieldChange(f.name, null, b, a));
        if (f.change != null) {
          changes.add(f.change);
        }
      }
    }
    // Metadata per field: names in before's order, then names only in after.
    Set<String> names = new LinkedHashSet<>(before.metadata().keySet());
    names.addAll(after.metadata().keySet());
    for (String name : names) {
      MetadataValue b = before.metadata().get(name);
      MetadataValue a = after.metadata().get(name);
      if (!Objects.equals(b, a)) {
        fields.add(new FieldChange("metadata." + name, name, b, a));
        changes.add(MediaChange.METADATA);
      }
    }
    if (changes.isEmpty() && fields.isEmpty()) {
      return NONE;
    }
    return new MediaChanges(ChangeSets.shared(changes), Collections.unmodifiableList(fields));
  }

  /**
   * Exactly {@code between(before, after).changes()}, without building the field list: what
   * {@link MediaEvent} derives when an update is built, for filters and skip reasons to read
   * inside {@code publish}; the full diff (a record per changed field, metadata names
   * concatenated) cost 1 to 2.5 microseconds. Stops comparing the fields of a kind once the kind
   * is found.
   */
  static Set<MediaChange> kinds(MediaSnapshot before, MediaSnapshot after) {
    int mask = 0;
    for (Field f : CHANGING) {
      int bit = 1 << Objects.requireNonNull(f.change).ordinal();
      if ((mask & bit) == 0 && !Objects.equals(f.getter.apply(before), f.getter.apply(after))) {
        mask |= bit;
      }
    }
    int metadata = 1 << MediaChange.METADATA.ordinal();
    if ((mask & metadata) == 0 && !before.metadata().equals(after.metadata())) {
      mask |= metadata;
    }
    return ChangeSets.of(mask);
  }

  /**
   * The kinds of change, unmodifiable, in {@link MediaChange} declaration order.
   *
   * @return the changes; empty when nothing that matters changed
   */
  public Set<MediaChange> changes() {
    return changes;
  }

  /**
   * Every field that differs, unmodifiable, in a stable order (snapshot fields in declaration
   * order, then metadata fields).
   *
   * @return the field changes
   */
  public List<FieldChange> fields() {
    return fields;
  }

  /**
   * The metadata fields that differ, in order.
   *
   * @return the metadata field changes
   */
  public List<FieldChange> metadataFields() {
    List<FieldChange> out = new ArrayList<>();
    for (FieldChange c : fields) {
      if (c.metadataName() != null) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * Returns the change of one field, by its name in {@link #fields()} (for example
   * {@code "fileName"} or {@code "metadata.copyright"}).
   *
   * @param name the field name
   * @return the change, or empty when the field did not change
   */
  public Optional<FieldChange> field(String name) {
    for (FieldChange c : fields) {
      if (c.field().equals(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether nothing at all differs.
   *
   * @return true for no differences
   */
  public boolean isEmpty() {
    return fields.isEmpty() && changes.isEmpty();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof MediaChanges
        && changes.equals(((MediaChanges) o).changes)
        && fields.equals(((MediaChanges) o).fields);
  }

  @Override
  public int hashCode() {
    return changes.hashCode() * 31 + fields.hashCode();
  }

  @Override
  public String toString() {
    return "MediaChanges" + changes + fields;
  }

  /**
   * One field that differs between two snapshots. Values are the snapshot's own types (String,
   * Long, Integer, Duration, Instant, List of String, or {@link MetadataValue} for metadata
   * fields); null means "not set" on that side. Immutable and thread-safe.
   *
   * <pre>{@code
   * for (MediaChanges.FieldChange c : event.diff().fields()) {
   *   log.info("{}: {} -> {}", c.field(), c.before(), c.after());
   * }
   * }</pre>
   */
  public static final class FieldChange {
    private final String field;
    private final @Nullable String metadataName;
    private final @Nullable Object before;
    private final @Nullable Object after;

    FieldChange(
        String field, @Nullable String metadataName, @Nullable Object before,
        @Nullable Object after) {
      this.field = field;
      this.metadataName = metadataName;
      this.before = before;
      this.after = after;
    }

    /**
     * The field's name: a snapshot accessor name ({@code "fileName"}), or {@code "metadata."}
     * followed by the metadata field's name.
     *
     * @return the field name
     */
    public String field() {
      return field;
    }

    /**
     * The metadata field's name when this is a metadata change, else null.
     *
     * @return the metadata name, or null
     */
    public @Nullable String metadataName() {
      return metadataName;
    }

    /**
     * The value before, or null when unset.
     *
     * @return the old value
     */
    public @Nullable Object before() {
      return before;
    }

    /**
     * The value after, or null when unset.
     *
     * @return the new value
     */
    public @Nullable Object after() {
      return after;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      if (!(o instanceof FieldChange)) {
        return false;
      }
      FieldChange c = (FieldChange) o;
      return field.equals(c.field)
          && Objects.equals(before, c.before)
          && Objects.equals(after, c.after);
    }

    @Override
    public int hashCode() {
      return Objects.hash(field, before, after);
    }

    @Override
    public String toString() {
      return field + ": " + before + " -> " + after;
    }
  }

  private static final class Field {
    final String name;
    final Function<MediaSnapshot, @Nullable Object> getter;
    final @Nullable MediaChange change;

    Field(String name, Function<MediaSnapshot, @Nullable Object> getter,
        @Nullable MediaChange change) {
      this.name = name;
      this.getter = getter;
      this.change = change;
    }
  }
}
