package io.mediahooks.http;

import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@link MediaWebhooks} did not accept an event: its queue was full, or it was closed. Nothing
 * of the event was queued. This exception is never thrown at the host: it fails the future that
 * {@link MediaWebhooks#publish} (or {@link MediaWebhooks#redeliver}) returned, and the {@link
 * DeliveryListener#rejected} callback receives it.
 *
 * <pre>{@code
 * webhooks.publish(event).whenComplete((result, error) -> {
 *   if (error instanceof PublishRejectedException) {
 *     outbox.keep(event); // try again later
 *   }
 * });
 * }</pre>
 */
public final class PublishRejectedException extends RejectedExecutionException {
  private static final long serialVersionUID = 1L;

  /** Why an event was not accepted. */
  public enum Reason {
    /** The queue was at its capacity (see {@link MediaWebhooks.Builder#queueCapacity(int)}). */
    QUEUE_FULL,
    /** {@link MediaWebhooks#close()} had been called. */
    CLOSED
  }

  /** The id of the event that was not accepted. */
  private final String eventId;

  /** Why. */
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param eventId the id of the event that was not accepted
   * @param reason why
   * @param message the message, naming the event and what to do
   */
  public PublishRejectedException(String eventId, Reason reason, String message) {
    super(message);
    this.eventId = Objects.requireNonNull(eventId, "eventId must not be null");
    this.reason = Objects.requireNonNull(reason, "reason must not be null");
  }

  /**
   * The id of the event that was not accepted.
   *
   * @return the event id
   */
  public String eventId() {
    return eventId;
  }

  /**
   * Why it was not accepted.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
