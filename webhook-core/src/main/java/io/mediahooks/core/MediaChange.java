package io.mediahooks.core;

/**
 * One kind of change within an {@link MediaEventType#UPDATED} event.
 *
 * <p>An update can be several of these at once (a re-upload under a new name is {@link #CONTENT}
 * and {@link #RENAME}). When a host builds an update without naming its changes, they are derived
 * from the two snapshots by {@link MediaChanges#between(MediaSnapshot, MediaSnapshot)}; which
 * snapshot fields map to which change is documented on each constant. {@link #RESTORE} cannot be
 * derived (a restored revision looks like any other content change), so a host states it.
 *
 * <p>Formats use the changes to choose the vendor's event: microCMS sends {@code edit} only for
 * {@link #CONTENT} and {@link #RENAME}, Fotoware picks its {@code operation-name}, Filerobot maps
 * them to its triggers.
 *
 * <pre>{@code
 * MediaEvent event = MediaEvent.builder(MediaEventType.UPDATED)
 *     .before(before).after(after)
 *     .changes(MediaChange.RESTORE)
 *     .build();
 * }</pre>
 */
public enum MediaChange {
  /**
   * The file itself: a re-upload or new version. Derived from {@code url}, {@code sha1},
   * {@code size}, {@code revision}, {@code mimeType}, {@code width}, {@code height},
   * {@code duration}, {@code bitrate} and {@code streamingUrl}.
   */
  CONTENT,
  /** The file name. Derived from {@code fileName}. */
  RENAME,
  /** The folder or path the asset lives in. Derived from {@code folder}. */
  MOVE,
  /** Custom, system or embedded metadata. Derived from {@code metadata} and {@code creators}. */
  METADATA,
  /** Descriptive information. Derived from {@code title}, {@code description} and {@code alt}. */
  INFO,
  /** The asset's tags. Derived from {@code tags}. */
  TAGS,
  /** The asset's labels. Derived from {@code labels}. */
  LABELS,
  /** An earlier revision was restored. Never derived: the host states it. */
  RESTORE
}
