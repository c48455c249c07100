package io.mediahooks.core.format.cloudevents;

import io.mediahooks.core.FormatException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** RFC 3339 timestamps: UTC, {@code Z}, fraction only when non-zero (in 3, 6 or 9 digits). */
final class Rfc3339 {
  private Rfc3339() {}

  static String format(Instant instant, String what) {
    int year = instant.atOffset(ZoneOffset.UTC).getYear();
    // RFC 3339 has four-digit years only; ISO_INSTANT would write "+10000-..." or "-0001-...".
    if (year < 0 || year > 9999) {
      throw new FormatException("cloudevents: " + what + " " + instant
          + " is outside the years 0000-9999 that RFC 3339 can express");
    }
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
