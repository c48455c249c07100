package io.mediahooks.core;

/**
 * An event that a format cannot render, because a field the vendor requires is missing or
 * invalid. The message names the field and says where it may come from (the snapshot, the event
 * source or the format's configuration).
 *
 * <p>Thrown by {@link WebhookFormat#render(MediaEvent, Attempt)}; the delivery engine records it
 * as a permanent failure of that event for that endpoint (dead-lettered, not retried), because
 * rendering the same event again cannot succeed.
 *
 * <pre>{@code
 * try {
 *   format.render(event, attempt);
 * } catch (FormatException e) {
 *   // e.getMessage(): "microcms: service id missing: set EventSource.serviceId or ..."
 * }
 * }</pre>
 */
public final class FormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what is missing or wrong, naming the field
   */
  public FormatException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message what is missing or wrong, naming the field
   * @param cause the underlying error
   */
  public FormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
