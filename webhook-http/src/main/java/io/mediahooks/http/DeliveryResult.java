package io.mediahooks.http;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How one event ended for one endpoint: delivered, filtered (with the reason) or dead-lettered
 * (with the reason and the dead letter's id). Every published event ends in exactly one result
 * per endpoint of its {@link MediaWebhooks}.
 *
 * <p>Get results from {@link PublishResult#results()}, {@link MediaWebhooks#redeliver(String)}
 * or a {@link DeliveryListener}; the static factories exist for listeners' and hosts' tests.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * PublishResult published = webhooks.publish(event).get(30, TimeUnit.SECONDS);
 * for (DeliveryResult r : published.results()) {
 *   if (r.outcome() == DeliveryResult.Outcome.DEAD_LETTERED) {
 *     log.warn("{} failed after {} attempts: {}", r.endpointName(), r.attempts(), r.reason());
 *   }
 * }
 * }</pre>
 */
public final class DeliveryResult {

  /** The three ways a delivery ends. */
  public enum Outcome {
    /** The receiver answered {@code 2xx}. */
    DELIVERED,
    /**
     * Nothing was sent, on purpose: the endpoint is disabled, its {@link EventFilter} does not
     * match, or its format has no message for the event. {@link #reason()} says which.
     */
    FILTERED,
    /**
     * Delivery failed for good (retries exhausted or a failure that retrying cannot fix) and the
     * event was handed to the {@link DeadLetterStore}. {@link #reason()} says why.
     */
    DEAD_LETTERED
  }

  private final String eventId;
  private final String endpointName;
  private final Outcome outcome;
  private final int attempts;
  private final @Nullable Integer lastStatus;
  private final @Nullable String eventName;
  private final @Nullable String reason;
  private final @Nullable String deadLetterId;

  private DeliveryResult(String eventId, String endpointName, Outcome outcome, int attempts,
      @Nullable Integer lastStatus, @Nullable String eventName, @Nullable String reason,
      @Nullable String deadLetterId) {
    this.eventId = Objects.requireNonNull(eventId, "eventId must not be null");
    this.endpointName = Objects.requireNonNull(endpointName, "endpointName must not be null");
    this.outcome = outcome;
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
    }
    this.attempts = attempts;
    this.lastStatus = lastStatus;
    this.eventName = eventName;
    this.reason = reason;
    this.deadLetterId = deadLetterId;
  }

  /**
   * A delivered result.
   *
   * @param eventId the event's id
   * @param endpointName the endpoint's name
   * @param eventName the event's name in the format's vocabulary
   * @param attempts how many attempts were made, at least 1
   * @param status the {@code 2xx} status of the last attempt
   * @return the result
   * @throws NullPointerException if a string is null
   * @throws IllegalArgumentException if {@code attempts} is below 1
   */
  public static DeliveryResult delivered(
      String eventId, String endpointName, String eventName, int attempts, int status) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
    }
    return new DeliveryResult(eventId, endpointName, Outcome.DELIVERED, attempts, status,
        Objects.requireNonNull(eventName, "eventName must not be null"), null, null);
  }

  /**
   * A filtered result.
   *
   * @param eventId the event's id
   * @param endpointName the endpoint's name
   * @param attempts 0 when filtered at publish time, 1 when the format declined at render time
   * @param reason why nothing was sent
   * @return the result
   * @throws NullPointerException if a string is null
   */
  public static DeliveryResult filtered(
      String eventId, String endpointName, int attempts, String reason) {
    return new DeliveryResult(eventId, endpointName, Outcome.FILTERED, attempts, null, null,
        Objects.requireNonNull(reason, "reason must not be null"), null);
  }

  /**
   * A dead-lettered result.
   *
   * @param letter the dead letter that was stored
   * @return the result
   * @throws NullPointerException if {@code letter} is null
   */
  public static DeliveryResult deadLettered(DeadLetter letter) {
    Objects.requireNonNull(letter, "letter must not be null");
    return new DeliveryResult(letter.event().id(), letter.endpointName(), Outcome.DEAD_LETTERED,
        letter.attempts(), letter.lastStatus(), letter.eventName(), letter.reason(), letter.id());
  }

  /**
   * The event's id.
   *
   * @return the id
   */
  public String eventId() {
    return eventId;
  }

  /**
   * The endpoint's name.
   *
   * @return the name
   */
  public String endpointName() {
    return endpointName;
  }

  /**
   * How the delivery ended.
   *
   * @return the outcome
   */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * Whether the outcome is {@link Outcome#DELIVERED}.
   *
   * @return true when delivered
   */
  public boolean isDelivered() {
    return outcome == Outcome.DELIVERED;
  }

  /**
   * Whether the outcome is {@link Outcome#FILTERED}.
   *
   * @return true when filtered
   */
  public boolean isFiltered() {
    return outcome == Outcome.FILTERED;
  }

  /**
   * Whether the outcome is {@link Outcome#DEAD_LETTERED}.
   *
   * @return true when dead-lettered
   */
  public boolean isDeadLettered() {
    return outcome == Outcome.DEAD_LETTERED;
  }

  /**
   * How many attempts were made (each attempt renders the event and may send one request,
   * plus one resend after a {@code 401} refresh). 0 when filtered at publish time.
   *
   * @return the attempts
   */
  public int attempts() {
    return attempts;
  }

  /**
   * The HTTP status of the last answer, or null when no answer was received.
   *
   * @return the status, or null
   */
  public @Nullable Integer lastStatus() {
    return lastStatus;
  }

  /**
   * The event's name in the format's vocabulary (for example {@code images.created}), or null
   * when the event was never rendered.
   *
   * @return the event name, or null
   */
  public @Nullable String eventName() {
    return eventName;
  }

  /**
   * Why nothing was sent ({@link Outcome#FILTERED}) or why delivery failed ({@link
   * Outcome#DEAD_LETTERED}); null when delivered. Secrets are redacted.
   *
   * @return the reason, or null
   */
  public @Nullable String reason() {
    return reason;
  }

  /**
   * The id of the {@link DeadLetter} to redeliver or discard, or null unless dead-lettered.
   *
   * @return the dead letter's id, or null
   */
  public @Nullable String deadLetterId() {
    return deadLetterId;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof DeliveryResult)) {
      return false;
    }
    DeliveryResult r = (DeliveryResult) o;
    return eventId.equals(r.eventId) && endpointName.equals(r.endpointName)
        && outcome == r.outcome && attempts == r.attempts
        && Objects.equals(lastStatus, r.lastStatus) && Objects.equals(eventName, r.eventName)
        && Objects.equals(reason, r.reason) && Objects.equals(deadLetterId, r.deadLetterId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(eventId, endpointName, outcome, attempts);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("DeliveryResult{")
        .append(endpointName).append(' ').append(outcome)
        .append(", event=").append(eventId);
    if (eventName != null) {
      b.append(" (").append(eventName).append(')');
    }
    b.append(", attempts=").append(attempts);
    if (lastStatus != null) {
      b.append(", lastStatus=").append(lastStatus);
    }
    if (reason != null) {
      b.append(", reason=").append(reason);
    }
    if (deadLetterId != null) {
      b.append(", deadLetter=").append(deadLetterId);
    }
    return b.append('}').toString();
  }
}
