package io.mediahooks.http.internal;

import io.mediahooks.core.Attempt;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** What one attempt came to, and what the engine does next. */
final class Step {
  enum Kind { DELIVERED, FILTERED, RETRY, GIVE_UP }

  final Kind kind;
  final Attempt attempt;
  final int status;
  /** Why it failed ("HTTP 503"), why it gave up, or why it was filtered; null when delivered. */
  final @Nullable String reason;
  final @Nullable Duration retryAfter;
  /** The receiver signalled overload (429 or a timeout). */
  final boolean throttled;

  private Step(Kind kind, Attempt attempt, int status, @Nullable String reason,
      @Nullable Duration retryAfter, boolean throttled) {
    this.kind = kind;
    this.attempt = attempt;
    this.status = status;
    this.reason = reason;
    this.retryAfter = retryAfter;
    this.throttled = throttled;
  }

  static Step delivered(Attempt attempt, int status) {
    return new Step(Kind.DELIVERED, attempt, status, null, null, false);
  }

  static Step filtered(Attempt attempt, String reason) {
    return new Step(Kind.FILTERED, attempt, 0, reason, null, false);
  }

  static Step retry(Attempt attempt, String reason, @Nullable Duration retryAfter,
      boolean throttled) {
    return new Step(Kind.RETRY, attempt, 0, reason, retryAfter, throttled);
  }

  static Step giveUp(Attempt attempt, String reason) {
    return new Step(Kind.GIVE_UP, attempt, 0, reason, null, false);
  }

  String reasonText() {
    return reason == null ? "" : reason;
  }
}
