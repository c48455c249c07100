package io.mediahooks.core.format.filerobot;

/**
 * A Filerobot DAM webhook trigger: the event a Filerobot webhook is configured to fire on.
 *
 * <p>The constants are the vendor's triggers, in the order Filerobot's settings page lists them
 * (wire-formats.md section 2, "Triggers" [C F1, F3]): On upload, On move, On rename, On delete,
 * On change meta, On change info, On change tag, On change label. That order matters: when one
 * event matches several triggers a {@link FilerobotFormat} is configured with, it is sent once,
 * naming the first matching trigger in this order ({@link #ordinal()} order).
 *
 * <p>How a trigger is named in the body is not documented [?]; {@link FilerobotTriggerNaming}
 * holds the inferred vocabularies.
 *
 * <pre>{@code
 * FilerobotFormat format = FilerobotFormat.builder()
 *     .on(FilerobotTrigger.UPLOAD, FilerobotTrigger.DELETE)
 *     .build();
 * }</pre>
 */
public enum FilerobotTrigger {
  /** "On upload": after a successful asset upload. Fired by CREATED events. */
  UPLOAD,
  /** "On move": the asset's location (folder) changed. Fired by updates with MOVE. */
  MOVE,
  /** "On rename": the asset was renamed. Fired by updates with RENAME. */
  RENAME,
  /** "On delete": the asset was deleted. Fired by DELETED events. */
  DELETE,
  /**
   * "On change meta": a specific (or any) metadata field was modified, to a specific value (or
   * any). Fired by updates with METADATA that match one of the configured conditions.
   */
  CHANGE_META,
  /** "On change info": title, description, ... changed. Fired by updates with INFO. */
  CHANGE_INFO,
  /** "On change tag": the asset's tags were edited. Fired by updates with TAGS. */
  CHANGE_TAG,
  /** "On change label": the asset's labels were modified. Fired by updates with LABELS. */
  CHANGE_LABEL
}
