package io.mediahooks.core.format.filerobot;

/**
 * One asset detail a Filerobot webhook can send: the check boxes of Filerobot's webhook settings
 * (wire-formats.md section 2, "Body" [C F1]), each in its {@link Group}.
 *
 * <p>A {@link FilerobotFormat} renders only the selected fields. The key each field renders is
 * listed on its constant; key names follow Filerobot's REST API file object [C F4, F5] where it
 * has one and are marked [I] where we had to choose. Video fields are rendered for videos only
 * and image fields for images only, as Filerobot offers them per asset type. A selected field the
 * snapshot has no value for is left out, except {@link #UUID} and {@link #NAME}, which identify
 * the file: without them rendering fails with a {@link io.mediahooks.core.FormatException}.
 *
 * <pre>{@code
 * FilerobotFormat format = FilerobotFormat.builder()
 *     .on(FilerobotTrigger.CHANGE_META)
 *     .fieldGroups(FilerobotField.Group.FILE)
 *     .fields(FilerobotField.CUSTOM_METADATA)
 *     .build();
 * }</pre>
 */
public enum FilerobotField {
  /** File name: {@code "name"}, plus {@code "extension"} when the name has one [C F4]. */
  NAME(Group.FILE),
  /** File size: {@code "size": {"bytes": 4905337, "pretty": "4.68 MB"}} [C F4]. */
  SIZE(Group.FILE),
  /** Path: {@code "url": {"path": "/folder/name"}}, each segment percent-encoded [C F5]. */
  PATH(Group.FILE),
  /** MIME type: {@code "type"} [C F4]. */
  MIME_TYPE(Group.FILE),
  /** CDN link: {@code "url": {"cdn": ...}} from the snapshot's URL [C F5]. */
  CDN_LINK(Group.FILE),
  /** File UUID: {@code "uuid"} from the snapshot's id [C F4]. Required when selected. */
  UUID(Group.FILE),
  /** Video width: {@code "info": {"video_w": ...}} [I]. */
  VIDEO_WIDTH(Group.VIDEO),
  /** Video height: {@code "info": {"video_h": ...}} [I]. */
  VIDEO_HEIGHT(Group.VIDEO),
  /** Video length in seconds: {@code "info": {"video_length": 94.5}} [I]. */
  VIDEO_LENGTH(Group.VIDEO),
  /** Video bit rate in bits per second: {@code "info": {"video_bitrate": ...}} [I]. */
  VIDEO_BITRATE(Group.VIDEO),
  /** HLS/DASH playlist URL: {@code "url": {"playlist": ...}} [I]. */
  VIDEO_PLAYLIST_URL(Group.VIDEO),
  /** Image width: {@code "info": {"img_w": ...}} [C F4]. */
  IMAGE_WIDTH(Group.IMAGE),
  /** Image height: {@code "info": {"img_h": ...}} [C F4]. */
  IMAGE_HEIGHT(Group.IMAGE),
  /**
   * All system metadata: {@code "tags"}, {@code "labels"}, {@code "hash": {"sha1": ...}},
   * {@code "created_at"}, {@code "modified_at"}, and the entries of the snapshot extension
   * {@value FilerobotFormat#SYSTEM_EXTENSION} [I].
   */
  SYSTEM_METADATA(Group.ADDITIONAL),
  /** All custom metadata: {@code "meta"} from the snapshot's metadata [C F4]. */
  CUSTOM_METADATA(Group.ADDITIONAL),
  /**
   * All embedded metadata (EXIF, IPTC, XMP): {@code "embedded_meta"} from the snapshot extension
   * {@value FilerobotFormat#EMBEDDED_EXTENSION} [I].
   */
  EMBEDDED_METADATA(Group.ADDITIONAL);

  /**
   * The column a field sits in on Filerobot's webhook settings page; selecting a group selects
   * all its fields.
   *
   * <pre>{@code
   * FilerobotFormat format = FilerobotFormat.builder()
   *     .on(FilerobotTrigger.UPLOAD)
   *     .fieldGroups(FilerobotField.Group.FILE, FilerobotField.Group.ADDITIONAL)
   *     .build();
   * }</pre>
   */
  public enum Group {
    /** "File (All assets)": name, size, path, MIME type, CDN link, file UUID. */
    FILE,
    /** "Video": width, height, length, bit rate, HLS/DASH playlist URL. */
    VIDEO,
    /** "Image": width, height. */
    IMAGE,
    /** "Additional": all system, custom and embedded metadata. */
    ADDITIONAL
  }

  private final Group group;

  FilerobotField(Group group) {
    this.group = group;
  }

  /**
   * The group this field belongs to.
   *
   * @return the group
   */
  public Group group() {
    return group;
  }
}
