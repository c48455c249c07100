package io.mediahooks.core.format.betterez;

import io.mediahooks.core.Attempt;
import io.mediahooks.core.FormatException;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.internal.json.JsonDialect;
import io.mediahooks.core.internal.json.JsonWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds one Betterez webhook body as an ordered JSON tree; the rules are on {@link
 * BetterezImagesFormat}.
 */
final class BetterezBody {
  /** JavaScript's Date range: 8.64e15 ms either side of the epoch. */
  private static final long MAX_JS_DATE_SECONDS = 8_640_000_000_000L;

  private final MediaEvent event;
  private final Attempt attempt;
  private final @Nullable String configuredAccountId;
  private final boolean passThroughIds;

  BetterezBody(
      MediaEvent event, Attempt attempt, @Nullable String accountId, boolean passThroughIds) {
    this.event = event;
    this.attempt = attempt;
    this.configuredAccountId = accountId;
    this.passThroughIds = passThroughIds;
  }

  String eventName() {
    return event.type() == MediaEventType.DELETED ? "images.deleted" : "images.created";
  }

  byte[] render() {
    Map<String, @Nullable Object> data =
        event.type() == MediaEventType.DELETED
            ? deletedData(Objects.requireNonNull(event.before()))
            : createdData(Objects.requireNonNull(event.after()));
    Map<String, @Nullable Object> envelope = new LinkedHashMap<>();
    envelope.put("attemptId", attempt.id());
    envelope.put("created", attempt.time().getEpochSecond());
    envelope.put("data", data);
    envelope.put("event", eventName());
    envelope.put("id", event.id());
    envelope.put("livemode", event.source().liveMode());
    return JsonWriter.toBytes(envelope, JsonDialect.JAVASCRIPT);
  }

  private Map<String, @Nullable Object> deletedData(MediaSnapshot before) {
    Map<String, @Nullable Object> data = new LinkedHashMap<>();
    data.put("imageId", imageId(before, "data.imageId"));
    return data;
  }

  private Map<String, @Nullable Object> createdData(MediaSnapshot after) {
    String id = imageId(after, "data._id");
    String account = configuredAccountId != null
        ? configuredAccountId : event.source().accountId();
    if (account == null) {
      throw new FormatException("betterez: accountId missing for data.accountId: set"
          + " EventSource.accountId on the event or BetterezImagesFormat.builder().accountId(..)");
    }
    String url = after.url();
    if (url == null) {
      throw new FormatException(
          "betterez: url missing for data.url: set MediaSnapshot.url on the 'after' snapshot");
    }
    String actor = event.actor();
    String createdBy = firstNonNull(after.createdBy(), actor, after.modifiedBy());
    String updatedBy = firstNonNull(after.modifiedBy(), actor, after.createdBy());
    if (createdBy == null || updatedBy == null) {
      throw new FormatException("betterez: user id missing for data.createdBy and"
          + " data.updatedBy: set MediaSnapshot.createdBy/modifiedBy or the event's actor");
    }
    Instant createdAt = after.createdAt() != null ? after.createdAt() : event.occurredAt();
    Instant updatedAt = after.modifiedAt() != null ? after.modifiedAt() : createdAt;

    Map<String, @Nullable Object> data = new LinkedHashMap<>();
    data.put("_id", id);
    data.put("accountId", account);
    data.put("url", url);
    data.put("createdBy", createdBy);
    data.put("updatedBy", updatedBy);
    data.put("createdAt", date(createdAt, "data.createdAt"));
    data.put("updatedAt", date(updatedAt, "data.updatedAt"));
    return data;
  }

  private String imageId(MediaSnapshot s, String field) {
    String id = s.id();
    if (id == null) {
      throw new FormatException("betterez: image id missing for " + field
          + ": set MediaSnapshot.id (a 24-hex-digit ObjectId)");
    }
    if (!passThroughIds && !isObjectId(id)) {
      throw new FormatException("betterez: image id \"" + id + "\" for " + field
          + " is not a MongoDB ObjectId (24 lowercase hex digits), which Betterez receivers"
          + " expect; use such ids, or BetterezImagesFormat.builder().passThroughIds(true) if"
          + " the receiver accepts others");
    }
    return id;
  }

  static boolean isObjectId(String id) {
    if (id.length() != 24) {
      return false;
    }
    for (int i = 0; i < 24; i++) {
      char c = id.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /** Betterez's date object: {@code {"value": <toISOString>, "offset": 0}}. */
  static Map<String, @Nullable Object> date(Instant t, String field) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("value", isoMillis(t, field));
    m.put("offset", 0);
    return m;
  }

  /**
   * JavaScript's {@code Date.prototype.toISOString}: UTC, exactly three fraction digits, a
   * four-digit year for 0000 to 9999 and a signed six-digit year outside. Sub-millisecond
   * digits are dropped, because a JavaScript Date has none.
   */
  static String isoMillis(Instant t, String field) {
    long seconds = t.getEpochSecond();
    if (seconds < -MAX_JS_DATE_SECONDS || seconds > MAX_JS_DATE_SECONDS
        || (seconds == MAX_JS_DATE_SECONDS && t.getNano() >= 1_000_000)) {
      throw new FormatException("betterez: " + field + " " + t
          + " is outside the range of a JavaScript Date");
    }
    LocalDateTime d = LocalDateTime.ofInstant(t.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    StringBuilder out = new StringBuilder(27);
    int year = d.getYear();
    if (year >= 0 && year <= 9999) {
      pad(out, year, 4);
    } else {
      out.append(year < 0 ? '-' : '+');
      pad(out, Math.abs(year), 6);
    }
    out.append('-');
    pad(out, d.getMonthValue(), 2);
    out.append('-');
    pad(out, d.getDayOfMonth(), 2);
    out.append('T');
    pad(out, d.getHour(), 2);
    out.append(':');
    pad(out, d.getMinute(), 2);
    out.append(':');
    pad(out, d.getSecond(), 2);
    out.append('.');
    pad(out, d.getNano() / 1_000_000, 3);
    return out.append('Z').toString();
  }

  private static void pad(StringBuilder out, int value, int width) {
    String s = Integer.toString(value);
    for (int i = s.length(); i < width; i++) {
      out.append('0');
    }
    out.append(s);
  }

  private static @Nullable String firstNonNull(@Nullable String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
