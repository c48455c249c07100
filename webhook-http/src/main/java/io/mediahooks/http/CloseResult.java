package io.mediahooks.http;

import org.jspecify.annotations.Nullable;

/**
 * What {@link MediaWebhooks#close(java.time.Duration)} did: how many deliveries were pending when
 * it was called, how many of them ended during the drain (delivered, filtered, or dead-lettered
 * on their own), and how many were left when the drain ended and were dead-lettered for that
 * reason. Immutable.
 *
 * <pre>{@code
 * CloseResult closed = webhooks.close(Duration.ofSeconds(10));
 * if (!closed.isClean()) {
 *   log.warn("{} deliveries dead-lettered at shutdown", closed.deadLettered());
 * }
 * }</pre>
 */
public final class CloseResult {
  private final int pending;
  private final int drained;
  private final int deadLettered;

  private CloseResult(int pending, int drained, int deadLettered) {
    this.pending = pending;
    this.drained = drained;
    this.deadLettered = deadLettered;
  }

  /**
   * Returns a result.
   *
   * @param pending deliveries pending when close was called
   * @param drained of those, how many ended during the drain
   * @param deadLettered how many were dead-lettered because the drain ended
   * @return the result
   * @throws IllegalArgumentException if a count is negative
   */
  public static CloseResult of(int pending, int drained, int deadLettered) {
    if (pending < 0 || drained < 0 || deadLettered < 0) {
      throw new IllegalArgumentException("counts must not be negative: pending=" + pending
          + ", drained=" + drained + ", deadLettered=" + deadLettered);
    }
    return new CloseResult(pending, drained, deadLettered);
  }

  /**
   * Deliveries pending (queued, in flight or waiting for a retry) when close was called.
   *
   * @return the count
   */
  public int pending() {
    return pending;
  }

  /**
   * Deliveries that ended during the drain, whatever their outcome.
   *
   * @return the count
   */
  public int drained() {
    return drained;
  }

  /**
   * Deliveries dead-lettered because the drain ended before they did: still queued or in flight
   * at the deadline, or waiting for a retry due after it.
   *
   * @return the count
   */
  public int deadLettered() {
    return deadLettered;
  }

  /**
   * Whether every pending delivery ended on its own.
   *
   * @return true when nothing was dead-lettered by the close
   */
  public boolean isClean() {
    return deadLettered == 0;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CloseResult && pending == ((CloseResult) o).pending
        && drained == ((CloseResult) o).drained
        && deadLettered == ((CloseResult) o).deadLettered;
  }

  @Override
  public int hashCode() {
    return (pending * 31 + drained) * 31 + deadLettered;
  }

  @Override
  public String toString() {
    return "CloseResult{pending=" + pending + ", drained=" + drained + ", deadLettered="
        + deadLettered + '}';
  }
}
