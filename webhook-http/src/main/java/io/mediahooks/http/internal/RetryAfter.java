package io.mediahooks.http.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Parses a {@code Retry-After} header value (RFC 9110 section 10.2.3): delta-seconds, or an
 * HTTP-date in any of the three forms recipients must accept (IMF-fixdate, the obsolete RFC 850
 * form and C's asctime form).
 */
public final class RetryAfter {
  /** Longer waits are clamped anyway; this only keeps the arithmetic in range. */
  private static final long MAX_SECONDS = 100L * 365 * 24 * 3600;

  private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.RFC_1123_DATE_TIME;
  private static final DateTimeFormatter ASCTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US)
          .withZone(ZoneOffset.UTC);

  private RetryAfter() {}

  /**
   * The wait a {@code Retry-After} value asks for, measured from {@code now}.
   *
   * @param value the header value, or null when absent
   * @param now the current time, for HTTP-dates
   * @return the wait (zero for a date in the past), or null when absent or unparseable
   */
  public static @Nullable Duration parse(@Nullable String value, Instant now) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    if (v.isEmpty()) {
      return null;
    }
    if (isDigits(v)) {
      // delta-seconds may be arbitrarily long; anything beyond the cap is the cap
      long seconds = v.length() > 12 ? MAX_SECONDS : Math.min(Long.parseLong(v), MAX_SECONDS);
      return Duration.ofSeconds(seconds);
    }
    Instant date = parseDate(v, now);
    if (date == null) {
      return null;
    }
    Duration d = Duration.between(now, date);
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static @Nullable Instant parseDate(String v, Instant now) {
    try {
      return ZonedDateTime.parse(v, IMF_FIXDATE).toInstant();
    } catch (DateTimeParseException e) {
      // try the obsolete forms
    }
    try {
      return ZonedDateTime.parse(v, rfc850(now)).toInstant();
    } catch (DateTimeParseException e) {
      // try asctime
    }
    try {
      return ZonedDateTime.parse(v, ASCTIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * RFC 850 dates have two-digit years; RFC 9110 reads one that would be more than 50 years in
   * the future as the most recent past year with those digits.
   */
  private static DateTimeFormatter rfc850(Instant now) {
    int year = now.atZone(ZoneOffset.UTC).getYear();
    return new DateTimeFormatterBuilder()
        .appendPattern("EEEE, dd-MMM-")
        .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.of(year - 49, 1, 1))
        .appendPattern(" HH:mm:ss 'GMT'")
        .toFormatter(Locale.US)
        .withZone(ZoneOffset.UTC);
  }

  private static boolean isDigits(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
