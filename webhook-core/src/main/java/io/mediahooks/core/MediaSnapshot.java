package io.mediahooks.core;

import io.mediahooks.core.internal.json.JsonValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One state of one asset: what it looked like before or after a change.
 *
 * <p>Every field is optional; formats read what their vendor sends and throw a {@link
 * FormatException} naming a field they need and do not find (microCMS needs {@link #url()}, for
 * example). Width and height are for images and video and stay null for other files (microCMS
 * sends {@code "width": null} then). {@link #extensions()} carries JSON values a host adds for one
 * vendor, such as Fotoware's full asset representation under {@code "fotoware.asset"}; each
 * format's Javadoc names the keys it reads.
 *
 * <p>Get one with {@link #builder()}, and a changed copy with {@link #newBuilder()}. Instances are
 * immutable and thread-safe: lists and maps are copied into unmodifiable ones (keeping order), and
 * extension values are deep-copied after checking they are JSON-compatible.
 *
 * <pre>{@code
 * MediaSnapshot before = MediaSnapshot.builder()
 *     .id("5f243d100617680712e78dd7")
 *     .url("https://cdn.example.com/media/harbour.jpg")
 *     .fileName("harbour.jpg")
 *     .mimeType("image/jpeg")
 *     .size(104_448L)
 *     .dimensions(2976, 1984)
 *     .alt("The harbour at dusk")
 *     .build();
 * MediaSnapshot after = before.newBuilder().fileName("harbour-at-dusk.jpg").build();
 * }</pre>
 */
public final class MediaSnapshot {
  private final @Nullable String id;
  private final @Nullable String url;
  private final @Nullable String fileName;
  private final @Nullable String folder;
  private final @Nullable String mimeType;
  private final @Nullable Long size;
  private final @Nullable Integer width;
  private final @Nullable Integer height;
  private final @Nullable Duration duration;
  private final @Nullable Long bitrate;
  private final @Nullable String streamingUrl;
  private final @Nullable String alt;
  private final @Nullable String title;
  private final @Nullable String description;
  private final List<String> creators;
  private final List<String> tags;
  private final List<String> labels;
  private final Map<String, MetadataValue> metadata;
  private final @Nullable Instant createdAt;
  private final @Nullable Instant modifiedAt;
  private final @Nullable String createdBy;
  private final @Nullable String modifiedBy;
  private final @Nullable String sha1;
  private final @Nullable String revision;
  private final @Nullable String thumbnailUrl;
  private final @Nullable String previewUrl;
  private final Map<String, @Nullable Object> extensions;

  private MediaSnapshot(Builder b) {
    this.id = b.id;
    this.url = b.url;
    this.fileName = b.fileName;
    this.folder = b.folder;
    this.mimeType = b.mimeType;
    this.size = b.size;
    this.width = b.width;
    this.height = b.height;
    this.duration = b.duration;
    this.bitrate = b.bitrate;
    this.streamingUrl = b.streamingUrl;
    this.alt = b.alt;
    this.title = b.title;
    this.description = b.description;
    this.creators = List.copyOf(b.creators);
    this.tags = List.copyOf(b.tags);
    this.labels = List.copyOf(b.labels);
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
    this.createdAt = b.createdAt;
    this.modifiedAt = b.modifiedAt;
    this.createdBy = b.createdBy;
    this.modifiedBy = b.modifiedBy;
    this.sha1 = b.sha1;
    this.revision = b.revision;
    this.thumbnailUrl = b.thumbnailUrl;
    this.previewUrl = b.previewUrl;
    // Values were deep-copied when added; only the top-level map needs freezing.
    this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
  }

  /**
   * Returns a new, empty builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this snapshot's fields, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /**
   * The asset's id in the host's system, or null.
   *
   * @return the id
   */
  public @Nullable String id() {
    return id;
  }

  /**
   * The asset's public or CDN URL, or null.
   *
   * @return the URL
   */
  public @Nullable String url() {
    return url;
  }

  /**
   * The file name, with extension (for example {@code harbour.jpg}), or null.
   *
   * @return the file name
   */
  public @Nullable String fileName() {
    return fileName;
  }

  /**
   * The folder path the asset lives in (for example {@code /marketing/2026}), or null.
   *
   * @return the folder
   */
  public @Nullable String folder() {
    return folder;
  }

  /**
   * The MIME type (for example {@code image/jpeg}), or null.
   *
   * @return the MIME type
   */
  public @Nullable String mimeType() {
    return mimeType;
  }

  /**
   * The file size in bytes, or null.
   *
   * @return the size
   */
  public @Nullable Long size() {
    return size;
  }

  /**
   * The width in pixels; null for files without pixels (documents, audio).
   *
   * @return the width
   */
  public @Nullable Integer width() {
    return width;
  }

  /**
   * The height in pixels; null for files without pixels (documents, audio).
   *
   * @return the height
   */
  public @Nullable Integer height() {
    return height;
  }

  /**
   * The play length of audio or video, or null.
   *
   * @return the duration
   */
  public @Nullable Duration duration() {
    return duration;
  }

  /**
   * The bit rate of audio or video in bits per second, or null.
   *
   * @return the bit rate
   */
  public @Nullable Long bitrate() {
    return bitrate;
  }

  /**
   * The HLS or DASH playlist URL of a video, or null.
   *
   * @return the streaming URL
   */
  public @Nullable String streamingUrl() {
    return streamingUrl;
  }

  /**
   * The alternative text of an image, or null when none is set.
   *
   * @return the alt text
   */
  public @Nullable String alt() {
    return alt;
  }

  /**
   * The title, or null.
   *
   * @return the title
   */
  public @Nullable String title() {
    return title;
  }

  /**
   * The description, or null.
   *
   * @return the description
   */
  public @Nullable String description() {
    return description;
  }

  /**
   * The creators (byline), in order; empty when none. Unmodifiable.
   *
   * @return the creators
   */
  public List<String> creators() {
    return creators;
  }

  /**
   * The tags (keywords), in order; empty when none. Unmodifiable.
   *
   * @return the tags
   */
  public List<String> tags() {
    return tags;
  }

  /**
   * The labels, in order; empty when none. Unmodifiable.
   *
   * @return the labels
   */
  public List<String> labels() {
    return labels;
  }

  /**
   * Metadata fields by name, in the order added; empty when none. Unmodifiable.
   *
   * @return the metadata
   */
  public Map<String, MetadataValue> metadata() {
    return metadata;
  }

  /**
   * When the asset was created, or null.
   *
   * @return the creation time
   */
  public @Nullable Instant createdAt() {
    return createdAt;
  }

  /**
   * When the asset was last modified, or null.
   *
   * @return the modification time
   */
  public @Nullable Instant modifiedAt() {
    return modifiedAt;
  }

  /**
   * Who created the asset (a user id), or null.
   *
   * @return the creator's id
   */
  public @Nullable String createdBy() {
    return createdBy;
  }

  /**
   * Who last modified the asset (a user id), or null.
   *
   * @return the modifier's id
   */
  public @Nullable String modifiedBy() {
    return modifiedBy;
  }

  /**
   * The SHA-1 of the file's bytes as lowercase hex, or null.
   *
   * @return the SHA-1
   */
  public @Nullable String sha1() {
    return sha1;
  }

  /**
   * The host's revision or version token of the file, or null.
   *
   * @return the revision
   */
  public @Nullable String revision() {
    return revision;
  }

  /**
   * A small preview image URL, or null.
   *
   * @return the thumbnail URL
   */
  public @Nullable String thumbnailUrl() {
    return thumbnailUrl;
  }

  /**
   * A larger preview image URL, or null.
   *
   * @return the preview URL
   */
  public @Nullable String previewUrl() {
    return previewUrl;
  }

  /**
   * JSON values a host adds for particular formats, by key, in the order added. Values are
   * {@code String}, {@code Number}, {@code Boolean}, {@code null}, unmodifiable {@code List}s and
   * unmodifiable {@code Map}s with {@code String} keys (in their original key order).
   *
   * @return the extensions, unmodifiable
   */
  public Map<String, @Nullable Object> extensions() {
    return extensions;
  }

  /**
   * Returns one extension value, or null when the key is absent (or its value is JSON null).
   *
   * @param key the extension key, for example {@code "fotoware.asset"}
   * @return the value, or null
   */
  public @Nullable Object extension(String key) {
    return extensions.get(key);
  }

  /**
   * Whether the asset has pixel dimensions (an image or a video).
   *
   * @return true when both width and height are known
   */
  public boolean hasDimensions() {
    return width != null && height != null;
  }

  /**
   * Whether the MIME type is {@code image/*}; when the MIME type is unknown, whether the asset
   * has dimensions and is not a video.
   *
   * @return true for images
   */
  public boolean isImage() {
    if (mimeType != null) {
      return mimeType.regionMatches(true, 0, "image/", 0, 6);
    }
    return hasDimensions() && duration == null;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MediaSnapshot)) {
      return false;
    }
    MediaSnapshot s = (MediaSnapshot) o;
    return Objects.equals(id, s.id)
        && Objects.equals(url, s.url)
        && Objects.equals(fileName, s.fileName)
        && Objects.equals(folder, s.folder)
        && Objects.equals(mimeType, s.mimeType)
        && Objects.equals(size, s.size)
        && Objects.equals(width, s.width)
        && Objects.equals(height, s.height)
        && Objects.equals(duration, s.duration)
        && Objects.equals(bitrate, s.bitrate)
        && Objects.equals(streamingUrl, s.streamingUrl)
        && Objects.equals(alt, s.alt)
        && Objects.equals(title, s.title)
        && Objects.equals(description, s.description)
        && creators.equals(s.creators)
        && tags.equals(s.tags)
        && labels.equals(s.labels)
        && metadata.equals(s.metadata)
        && Objects.equals(createdAt, s.createdAt)
        && Objects.equals(modifiedAt, s.modifiedAt)
        && Objects.equals(createdBy, s.createdBy)
        && Objects.equals(modifiedBy, s.modifiedBy)
        && Objects.equals(sha1, s.sha1)
        && Objects.equals(revision, s.revision)
        && Objects.equals(thumbnailUrl, s.thumbnailUrl)
        && Objects.equals(previewUrl, s.previewUrl)
        && extensions.equals(s.extensions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, url, fileName, folder, size, sha1, revision, modifiedAt);
  }

  @Override
  public String toString() {
    // Short on purpose: snapshots end up in logs, and extensions can be kilobytes.
    return "MediaSnapshot{id=" + id + ", fileName=" + fileName + ", url=" + url + ", mimeType="
        + mimeType + ", size=" + size + '}';
  }

  /**
   * Builds a {@link MediaSnapshot}. Every setter accepts null to clear a field (collections are
   * cleared with an empty one). Not thread-safe; the built snapshot is.
   *
   * <pre>{@code
   * MediaSnapshot video = MediaSnapshot.builder()
   *     .url("https://cdn.example.com/v/launch.mp4")
   *     .mimeType("video/mp4")
   *     .dimensions(1920, 1080)
   *     .duration(Duration.ofSeconds(94))
   *     .bitrate(4_500_000L)
   *     .streamingUrl("https://cdn.example.com/v/launch.m3u8")
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String url;
    private @Nullable String fileName;
    private @Nullable String folder;
    private @Nullable String mimeType;
    private @Nullable Long size;
    private @Nullable Integer width;
    private @Nullable Integer height;
    private @Nullable Duration duration;
    private @Nullable Long bitrate;
    private @Nullable String streamingUrl;
    private @Nullable String alt;
    private @Nullable String title;
    private @Nullable String description;
    private List<String> creators = List.of();
    private List<String> tags = List.of();
    private List<String> labels = List.of();
    private final Map<String, MetadataValue> metadata = new LinkedHashMap<>();
    private @Nullable Instant createdAt;
    private @Nullable Instant modifiedAt;
    private @Nullable String createdBy;
    private @Nullable String modifiedBy;
    private @Nullable String sha1;
    private @Nullable String revision;
    private @Nullable String thumbnailUrl;
    private @Nullable String previewUrl;
    private final Map<String, @Nullable Object> extensions = new LinkedHashMap<>();

    private Builder() {}

    private Builder(MediaSnapshot s) {
      id = s.id;
      url = s.url;
      fileName = s.fileName;
      folder = s.folder;
      mimeType = s.mimeType;
      size = s.size;
      width = s.width;
      height = s.height;
      duration = s.duration;
      bitrate = s.bitrate;
      streamingUrl = s.streamingUrl;
      alt = s.alt;
      title = s.title;
      description = s.description;
      creators = s.creators;
      tags = s.tags;
      labels = s.labels;
      metadata.putAll(s.metadata);
      createdAt = s.createdAt;
      modifiedAt = s.modifiedAt;
      createdBy = s.createdBy;
      modifiedBy = s.modifiedBy;
      sha1 = s.sha1;
      revision = s.revision;
      thumbnailUrl = s.thumbnailUrl;
      previewUrl = s.previewUrl;
      extensions.putAll(s.extensions);
    }

    /**
     * Sets the asset id.
     *
     * @param id the id, or null
     * @return this builder
     * @throws IllegalArgumentException if {@code id} is blank
     */
    public Builder id(@Nullable String id) {
      this.id = Checks.nullOrNotBlank(id, "id");
      return this;
    }

    /**
     * Sets the asset URL.
     *
     * @param url the URL, or null
     * @return this builder
     * @throws IllegalArgumentException if {@code url} is blank
     */
    public Builder url(@Nullable String url) {
      this.url = Checks.nullOrNotBlank(url, "url");
      return this;
    }

    /**
     * Sets the file name.
     *
     * @param fileName the file name, or null
     * @return this builder
     * @throws IllegalArgumentException if {@code fileName} is blank
     */
    public Builder fileName(@Nullable String fileName) {
      this.fileName = Checks.nullOrNotBlank(fileName, "fileName");
      return this;
    }

    /**
     * Sets the folder path.
     *
     * @param folder the folder, or null
     * @return this builder
     */
    public Builder folder(@Nullable String folder) {
      this.folder = folder;
      return this;
    }

    /**
     * Sets the MIME type.
     *
     * @param mimeType a type such as {@code image/jpeg}, or null
     * @return this builder
     * @throws IllegalArgumentException if {@code mimeType} has no {@code /}
     */
    public Builder mimeType(@Nullable String mimeType) {
      if (mimeType != null && mimeType.indexOf('/') <= 0) {
        throw new IllegalArgumentException(
            "mimeType must look like type/subtype, was \"" + mimeType + '"');
      }
      this.mimeType = mimeType;
      return this;
    }

    /**
     * Sets the size in bytes.
     *
     * @param size the size, or null
     * @return this builder
     * @throws IllegalArgumentException if {@code size} is negative
     */
    public Builder size(@Nullable Long size) {
      this.size = Checks.nullOrNonNegative(size, "size");
      return this;
    }

    /**
     * Sets the width in pixels.
     *
     * @param width the width, or null for files without pixels
     * @return this builder
     * @throws IllegalArgumentException if {@code width} is negative
     */
    public Builder width(@Nullable Integer width) {
      this.width = Checks.nullOrNonNegative(width, "width");
      return this;
    }

    /**
     * Sets the height in pixels.
     *
     * @param height the height, or null for files without pixels
     * @return this builder
     * @throws IllegalArgumentException if {@code height} is negative
     */
    public Builder height(@Nullable Integer height) {
      this.height = Checks.nullOrNonNegative(height, "height");
      return this;
    }

    /**
     * Sets width and height together.
     *
     * @param width the width in pixels
     * @param height the height in pixels
     * @return this builder
     * @throws IllegalArgumentException if either is negative
     */
    public Builder dimensions(int width, int height) {
      return width(width).height(height);
    }

    /**
     * Sets the play length.
     *
     * @param duration the duration, or null
     * @return this builder
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public Builder duration(@Nullable Duration duration) {
      if (duration != null && duration.isNegative()) {
        throw new IllegalArgumentException("duration must not be negative, was " + duration);
      }
      this.duration = duration;
      return this;
    }

    /**
     * Sets the bit rate in bits per second.
     *
     * @param bitrate the bit rate, or null
     * @return this builder
     * @throws IllegalArgumentException if {@code bitrate} is negative
     */
    public Builder bitrate(@Nullable Long bitrate) {
      this.bitrate = Checks.nullOrNonNegative(bitrate, "bitrate");
      return this;
    }

    /**
     * Sets the HLS or DASH playlist URL.
     *
     * @param streamingUrl the URL, or null
     * @return this builder
     */
    public Builder streamingUrl(@Nullable String streamingUrl) {
      this.streamingUrl = Checks.nullOrNotBlank(streamingUrl, "streamingUrl");
      return this;
    }

    /**
     * Sets the alternative text. An empty string is kept as "alt text set to empty", which
     * formats treat as no alt text.
     *
     * @param alt the alt text, or null
     * @return this builder
     */
    public Builder alt(@Nullable String alt) {
      this.alt = alt;
      return this;
    }

    /**
     * Sets the title.
     *
     * @param title the title, or null
     * @return this builder
     */
    public Builder title(@Nullable String title) {
      this.title = title;
      return this;
    }

    /**
     * Sets the description.
     *
     * @param description the description, or null
     * @return this builder
     */
    public Builder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    /**
     * Sets the creators, in order.
     *
     * @param creators the creators; none may be null
     * @return this builder
     * @throws NullPointerException if the list or an element is null
     */
    public Builder creators(List<String> creators) {
      this.creators = copyStrings(creators, "creators");
      return this;
    }

    /**
     * Sets the creators, in order.
     *
     * @param creators the creators; none may be null
     * @return this builder
     * @throws NullPointerException if the array or an element is null
     */
    public Builder creators(String... creators) {
      // Arrays.asList, not List.of: a null element then gets our message naming its index.
      return creators(Arrays.asList(Checks.notNull(creators, "creators")));
    }

    /**
     * Sets the tags, in order.
     *
     * @param tags the tags; none may be null
     * @return this builder
     * @throws NullPointerException if the list or an element is null
     */
    public Builder tags(List<String> tags) {
      this.tags = copyStrings(tags, "tags");
      return this;
    }

    /**
     * Sets the tags, in order.
     *
     * @param tags the tags; none may be null
     * @return this builder
     * @throws NullPointerException if the array or an element is null
     */
    public Builder tags(String... tags) {
      // Arrays.asList, not List.of: a null element then gets our message naming its index.
      return tags(Arrays.asList(Checks.notNull(tags, "tags")));
    }

    /**
     * Sets the labels, in order.
     *
     * @param labels the labels; none may be null
     * @return this builder
     * @throws NullPointerException if the list or an element is null
     */
    public Builder labels(List<String> labels) {
      this.labels = copyStrings(labels, "labels");
      return this;
    }

    /**
     * Sets the labels, in order.
     *
     * @param labels the labels; none may be null
     * @return this builder
     * @throws NullPointerException if the array or an element is null
     */
    public Builder labels(String... labels) {
      // Arrays.asList, not List.of: a null element then gets our message naming its index.
      return labels(Arrays.asList(Checks.notNull(labels, "labels")));
    }

    /**
     * Sets one metadata field, or removes it when {@code value} is null. Fields keep the order
     * in which they were first added.
     *
     * @param name the field name
     * @param value the value, or null to remove the field
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public Builder metadata(String name, @Nullable MetadataValue value) {
      Checks.notBlank(name, "metadata name");
      if (value == null) {
        metadata.remove(name);
      } else {
        metadata.put(name, value);
      }
      return this;
    }

    /**
     * Replaces all metadata fields, keeping the map's order.
     *
     * @param metadata field name to value; no null keys or values
     * @return this builder
     * @throws NullPointerException if the map, a key or a value is null
     * @throws IllegalArgumentException if a name is blank
     */
    public Builder metadata(Map<String, MetadataValue> metadata) {
      Checks.notNull(metadata, "metadata");
      this.metadata.clear();
      metadata.forEach(
          (name, value) -> metadata(name, Checks.notNull(value, "metadata value of " + name)));
      return this;
    }

    /**
     * Sets the creation time.
     *
     * @param createdAt the time, or null
     * @return this builder
     */
    public Builder createdAt(@Nullable Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /**
     * Sets the last modification time.
     *
     * @param modifiedAt the time, or null
     * @return this builder
     */
    public Builder modifiedAt(@Nullable Instant modifiedAt) {
      this.modifiedAt = modifiedAt;
      return this;
    }

    /**
     * Sets who created the asset.
     *
     * @param createdBy a user id, or null
     * @return this builder
     */
    public Builder createdBy(@Nullable String createdBy) {
      this.createdBy = createdBy;
      return this;
    }

    /**
     * Sets who last modified the asset.
     *
     * @param modifiedBy a user id, or null
     * @return this builder
     */
    public Builder modifiedBy(@Nullable String modifiedBy) {
      this.modifiedBy = modifiedBy;
      return this;
    }

    /**
     * Sets the SHA-1 of the file.
     *
     * @param sha1 40 hex digits, or null
     * @return this builder
     * @throws IllegalArgumentException if {@code sha1} is not 40 hex digits
     */
    public Builder sha1(@Nullable String sha1) {
      if (sha1 != null && !sha1.matches("[0-9a-fA-F]{40}")) {
        throw new IllegalArgumentException("sha1 must be 40 hex digits, was \"" + sha1 + '"');
      }
      this.sha1 = sha1;
      return this;
    }

    /**
     * Sets the host's revision token.
     *
     * @param revision the revision, or null
     * @return this builder
     */
    public Builder revision(@Nullable String revision) {
      this.revision = revision;
      return this;
    }

    /**
     * Sets the thumbnail URL.
     *
     * @param thumbnailUrl the URL, or null
     * @return this builder
     */
    public Builder thumbnailUrl(@Nullable String thumbnailUrl) {
      this.thumbnailUrl = thumbnailUrl;
      return this;
    }

    /**
     * Sets the preview URL.
     *
     * @param previewUrl the URL, or null
     * @return this builder
     */
    public Builder previewUrl(@Nullable String previewUrl) {
      this.previewUrl = previewUrl;
      return this;
    }

    /**
     * Sets one extension value, deep-copied. Allowed values are {@code String}, {@code Boolean},
     * {@code null}, the numbers {@code Integer}, {@code Long}, {@code Short}, {@code Byte},
     * {@code BigInteger}, {@code BigDecimal} and finite {@code Double} and {@code Float}, and
     * {@code List} and {@code Map} with {@code String} keys, nested freely (not cyclically); map
     * order is kept.
     *
     * @param key the extension key, conventionally {@code vendor.name}
     * @param value a JSON-compatible value
     * @return this builder
     * @throws IllegalArgumentException if {@code key} is blank or the value (or anything nested
     *     in it) is not JSON-compatible; the message names the offending path
     */
    public Builder extension(String key, @Nullable Object value) {
      Checks.notBlank(key, "extension key");
      extensions.put(key, JsonValues.copy(value, "extension " + key));
      return this;
    }

    /**
     * Sets one extension value from JSON text, such as an asset representation fetched from a
     * vendor's API. Object key order is kept and decimals stay floating point, so re-rendering
     * reproduces the vendor's bytes.
     *
     * @param key the extension key
     * @param json JSON text
     * @return this builder
     * @throws IllegalArgumentException if {@code key} is blank, or {@code json} is not one valid
     *     JSON value (trailing content and duplicate object keys are rejected, not dropped)
     */
    public Builder extensionJson(String key, String json) {
      Checks.notBlank(key, "extension key");
      extensions.put(key, JsonValues.parse(json, "extension " + key));
      return this;
    }

    /**
     * Removes one extension.
     *
     * @param key the extension key
     * @return this builder
     */
    public Builder removeExtension(String key) {
      extensions.remove(key);
      return this;
    }

    /**
     * Builds the snapshot.
     *
     * @return a new immutable snapshot
     */
    public MediaSnapshot build() {
      return new MediaSnapshot(this);
    }

    private static List<String> copyStrings(List<String> values, String name) {
      Checks.notNull(values, name);
      List<String> copy = new ArrayList<>(values.size());
      for (int i = 0; i < values.size(); i++) {
        copy.add(Checks.notNull(values.get(i), name + "[" + i + "]"));
      }
      return Collections.unmodifiableList(copy);
    }
  }
}
