package io.mediahooks.http.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The engine's adjustments to a retry policy's delay: Retry-After bounds and overload floor. */
public final class Retries {
  private Retries() {}

  /**
   * The delay before the next attempt.
   *
   * @param scheduled the policy's delay, jitter included
   * @param retryAfter what the receiver's {@code Retry-After} asked for, or null
   * @param throttled whether the receiver signalled overload (429 or a timeout)
   * @param throttledMinimum the least delay after overload
   * @return {@code retryAfter} kept within {@code [scheduled, 2 * scheduled]} (or {@code
   *     scheduled} without one), raised to {@code throttledMinimum} when throttled
   */
  public static Duration nextDelay(Duration scheduled, @Nullable Duration retryAfter,
      boolean throttled, Duration throttledMinimum) {
    Duration d = scheduled;
    if (retryAfter != null) {
      Duration max = twice(scheduled);
      d = retryAfter.compareTo(scheduled) < 0 ? scheduled
          : retryAfter.compareTo(max) > 0 ? max : retryAfter;
    }
    if (throttled && d.compareTo(throttledMinimum) < 0) {
      d = throttledMinimum;
    }
    return d;
  }

  private static Duration twice(Duration d) {
    try {
      return d.multipliedBy(2);
    } catch (ArithmeticException e) {
      return d;
    }
  }
}
