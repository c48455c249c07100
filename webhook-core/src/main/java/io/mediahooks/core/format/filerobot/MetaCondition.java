package io.mediahooks.core.format.filerobot;

import io.mediahooks.core.MediaChange;
import io.mediahooks.core.MediaChanges;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MetadataValue;
import org.jspecify.annotations.Nullable;

/**
 * One "On change meta" condition: a specific field or any (null), modified to a specific value or
 * any (null).
 */
record MetaCondition(@Nullable String field, @Nullable String value) {

  static final MetaCondition ANY = new MetaCondition(null, null);

  /**
   * Whether the update matches. The event's changes must include METADATA (the host's word on
   * what changed); field and value are then looked up in the field-level diff. A value matches
   * when it is one of the changed field's new texts: the text of a single value, an element of a
   * list, or the text of any locale.
   */
  boolean matches(MediaEvent event) {
    if (!event.changes().contains(MediaChange.METADATA)) {
      return false;
    }
    if (field == null && value == null) {
      return true;
    }
    for (MediaChanges.FieldChange c : event.diff().metadataFields()) {
      if (field != null && !field.equals(c.metadataName())) {
        continue;
      }
      if (value == null) {
        return true;
      }
      Object after = c.after();
      if (after instanceof MetadataValue && ((MetadataValue) after).texts().contains(value)) {
        return true;
      }
    }
    return false;
  }

  String describe() {
    if (field == null) {
      return value == null ? "any field" : "any field=" + value;
    }
    return value == null ? field : field + "=" + value;
  }
}
