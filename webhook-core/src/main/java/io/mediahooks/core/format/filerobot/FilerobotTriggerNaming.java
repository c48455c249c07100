package io.mediahooks.core.format.filerobot;

import java.util.Locale;

/**
 * How a {@link FilerobotFormat} names the trigger in the body and in
 * {@link io.mediahooks.core.WebhookPayload#eventName()}.
 *
 * <p>Both vocabularies are <b>inferred</b>: no real Filerobot webhook body has been published
 * (wire-formats.md section 2, "How the trigger is named in the payload is unknown [?]").
 * {@link #ON_SNAKE_CASE} follows the placeholder fixture {@code webhook-on-upload.inferred.json}
 * and is the default; {@link #PERMISSION} follows the vocabulary of Filerobot's API key
 * permissions. Single names can be overridden with
 * {@link FilerobotFormat.Builder#triggerName(FilerobotTrigger, String)}, which together give a
 * fully custom mapping.
 *
 * <pre>{@code
 * FilerobotFormat format = FilerobotFormat.builder()
 *     .on(FilerobotTrigger.UPLOAD)
 *     .triggerNaming(FilerobotTriggerNaming.PERMISSION)   // "FILE_UPLOAD"
 *     .build();
 * }</pre>
 */
public enum FilerobotTriggerNaming {
  /**
   * {@code on_upload}, {@code on_move}, {@code on_rename}, {@code on_delete},
   * {@code on_change_meta}, {@code on_change_info}, {@code on_change_tag},
   * {@code on_change_label}: the settings page's "On upload" ... in snake case [I]. The default.
   */
  ON_SNAKE_CASE,
  /**
   * {@code FILE_UPLOAD}, {@code FILE_MOVE}, {@code FILE_RENAME}, {@code FILE_DELETE},
   * {@code FILE_META_CHANGE}: Filerobot's API key permission names [C, docs.filerobot.com
   * secret-keys page], used as trigger names [I]. The permissions have no info, tag or label
   * entry, so those are extrapolated in the same pattern: {@code FILE_INFO_CHANGE},
   * {@code FILE_TAG_CHANGE}, {@code FILE_LABEL_CHANGE} [I].
   */
  PERMISSION;

  /**
   * The name this vocabulary gives a trigger.
   *
   * @param trigger the trigger
   * @return its name, never blank
   */
  public String nameOf(FilerobotTrigger trigger) {
    if (trigger == null) {
      throw new NullPointerException("trigger must not be null");
    }
    if (this == ON_SNAKE_CASE) {
      return "on_" + trigger.name().toLowerCase(Locale.ROOT);
    }
    switch (trigger) {
      case CHANGE_META:
        return "FILE_META_CHANGE";
      case CHANGE_INFO:
        return "FILE_INFO_CHANGE";
      case CHANGE_TAG:
        return "FILE_TAG_CHANGE";
      case CHANGE_LABEL:
        return "FILE_LABEL_CHANGE";
      default:
        return "FILE_" + trigger.name();
    }
  }
}
