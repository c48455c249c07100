package io.mediahooks.core.format.fotoware;

import io.mediahooks.core.MediaSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The {@code metadataDiff} and {@code revisionsDiff} objects of an asset-modified payload. */
final class Diffs {
  private Diffs() {}

  /**
   * {@code {"changedFields": [{"field": {"id", "label"}, "diff": {"old", "new", "added"?,
   * "removed"?}}]}}: one entry per Fotoware field whose texts differ, fields in the before
   * snapshot's order, then fields that only the after snapshot has.
   */
  static Map<String, Object> metadataDiff(
      AssetView before, AssetView after, FotowareFields fieldNames) {
    Set<Integer> ids = new LinkedHashSet<>(before.fields().keySet());
    ids.addAll(after.fields().keySet());
    List<Object> changed = new ArrayList<>();
    for (Integer id : ids) {
      AssetView.FieldValue b = before.fields().get(id);
      AssetView.FieldValue a = after.fields().get(id);
      List<String> oldTexts = b == null ? List.of() : b.texts();
      List<String> newTexts = a == null ? List.of() : a.texts();
      if (oldTexts.equals(newTexts)) {
        continue;
      }
      Map<String, @Nullable Object> diff = new LinkedHashMap<>();
      // A field that was (or becomes) unset is null, as the capture's "old": null shows.
      diff.put("old", b == null ? null : values(b.texts()));
      diff.put("new", a == null ? null : values(a.texts()));
      List<String> added = minus(newTexts, oldTexts);
      if (!added.isEmpty()) {
        diff.put("added", values(added));
      }
      List<String> removed = minus(oldTexts, newTexts);
      if (!removed.isEmpty()) {
        diff.put("removed", values(removed));
      }
      Map<String, Object> field = new LinkedHashMap<>();
      field.put("id", id);
      field.put("label", fieldNames.label(id));
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("field", field);
      entry.put("diff", diff);
      changed.add(entry);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("changedFields", changed);
    return out;
  }

  /** {@code {"old": <before revision>, "new": <after revision>}}, null where unknown [I]. */
  static Map<String, @Nullable Object> revisionsDiff(MediaSnapshot before, MediaSnapshot after) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("old", before.revision());
    out.put("new", after.revision());
    return out;
  }

  private static Map<String, Object> values(List<String> texts) {
    List<Object> values = new ArrayList<>(texts.size());
    for (String t : texts) {
      values.add(Map.of("s", t));
    }
    return Map.of("values", values);
  }

  private static List<String> minus(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>();
    for (String s : a) {
      if (!b.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }
}
