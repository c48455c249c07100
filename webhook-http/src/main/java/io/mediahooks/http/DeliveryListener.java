package io.mediahooks.http;

import io.mediahooks.core.Attempt;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.http.internal.LoggingListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Sees every step of every delivery: for metrics, tracing, audit logs and tests. Shaped like
 * OkHttp's {@code EventListener}: every method has an empty default, so a listener overrides
 * only what it needs.
 *
 * <p>For one event and one endpoint the calls come in this order: {@link #enqueued}, then per
 * attempt {@link #attemptStarted} and {@link #attemptFinished}, with {@link #retryScheduled}
 * between attempts, and finally exactly one of {@link #delivered}, {@link #filtered} (a format
 * that declines at render time) or {@link #deadLettered}. An event filtered at publish time gets
 * only {@link #filtered}; one that overflows the queue under {@link OverflowPolicy#DEAD_LETTER}
 * gets only {@link #deadLettered}. {@link #rejected} is called once per event instead of all of
 * these when the event was not accepted (queue full under {@link OverflowPolicy#REJECT}, or
 * closed). {@link MediaWebhooks#deliver} does not call {@link #enqueued}. A delivery that close
 * dead-letters while its attempt is in flight may still see that attempt's {@link
 * #attemptFinished} afterwards.
 *
 * <p>Listeners run on the host's thread ({@link #enqueued} and {@link #rejected} from {@code
 * publish}) and on worker threads (the rest), so they must be thread-safe, fast and
 * non-blocking. {@link #filtered} for an endpoint that publish screened out comes from the host's
 * thread when no endpoint takes the event, and otherwise from the worker that starts one of the
 * event's deliveries, before that delivery's first attempt (or from whichever thread ends the
 * event's deliveries first, if close or an overflow does): reporting them costs the host's thread
 * about a microsecond per endpoint, which publish leaves to the workers when it wakes them anyway.
 * An exception thrown by a listener is caught and logged; it never affects a delivery. The
 * default listener is {@link #logging()}: SLF4J logger {@code io.mediahooks.http.delivery}, with
 * credentials, signatures and URL query strings redacted.
 *
 * <pre>{@code
 * DeliveryListener metrics = new DeliveryListener() {
 *   @Override
 *   public void deadLettered(MediaEvent event, WebhookEndpoint endpoint, DeliveryResult result) {
 *     deadLetterCounter.increment(endpoint.name());
 *   }
 * };
 * MediaWebhooks webhooks = MediaWebhooks.builder()
 *     .endpoint(endpoint)
 *     .listener(DeliveryListener.combine(DeliveryListener.logging(), metrics))
 *     .build();
 * }</pre>
 */
public interface DeliveryListener {

  /**
   * The event was accepted for the endpoint and queued. Called on the host's thread.
   *
   * @param event the event
   * @param endpoint the endpoint
   */
  default void enqueued(MediaEvent event, WebhookEndpoint endpoint) {}

  /**
   * The event will not be sent to the endpoint, on purpose: disabled endpoint, filter, or the
   * format has no message for it. {@link DeliveryResult#reason()} says which. Called on the
   * host's thread or a worker's (see the class comment).
   *
   * @param event the event
   * @param endpoint the endpoint
   * @param result the filtered result
   */
  default void filtered(MediaEvent event, WebhookEndpoint endpoint, DeliveryResult result) {}

  /**
   * The event was not accepted at all (queue full under {@link OverflowPolicy#REJECT}, or
   * closed). Called on the host's thread.
   *
   * @param event the event
   * @param error why
   */
  default void rejected(MediaEvent event, PublishRejectedException error) {}

  /**
   * An attempt starts: the event is about to be rendered, authenticated, signed and sent. When
   * the worker rendered the body ahead, while its previous request awaited an answer (see
   * {@link MediaWebhooks}), the body is ready and the attempt's time is when it was rendered, at
   * most a second ago.
   *
   * @param event the event
   * @param endpoint the endpoint
   * @param attempt the attempt (number, id, time)
   */
  default void attemptStarted(MediaEvent event, WebhookEndpoint endpoint, Attempt attempt) {}

  /**
   * An attempt ended with an answer or an error.
   *
   * @param event the event
   * @param endpoint the endpoint
   * @param attempt the attempt
   * @param response the receiver's answer, or null when none was received
   * @param error what went wrong before an answer (rendering, auth, signing, I/O), or null
   * @param duration how long the attempt took
   */
  default void attemptFinished(MediaEvent event, WebhookEndpoint endpoint, Attempt attempt,
      @Nullable WebhookResponse response, @Nullable Throwable error, Duration duration) {}

  /**
   * The attempt failed in a way worth retrying, and the next attempt is scheduled.
   *
   * @param event the event
   * @param endpoint the endpoint
   * @param failed the attempt that failed
   * @param nextAttemptAt when the next attempt is due, by the engine's clock
   * @param reason what failed, for example {@code "HTTP 503"}
   */
  default void retryScheduled(MediaEvent event, WebhookEndpoint endpoint, Attempt failed,
      Instant nextAttemptAt, String reason) {}

  /**
   * The receiver accepted the event.
   *
   * @param event the event
   * @param endpoint the endpoint
   * @param result the delivered result
   */
  default void delivered(MediaEvent event, WebhookEndpoint endpoint, DeliveryResult result) {}

  /**
   * Delivery failed for good and the event went to the {@link DeadLetterStore}.
   *
   * @param event the event
   * @param endpoint the endpoint
   * @param result the dead-lettered result, with the reason and the dead letter's id
   */
  default void deadLettered(MediaEvent event, WebhookEndpoint endpoint, DeliveryResult result) {}

  /**
   * The default listener: logs through SLF4J (logger {@code io.mediahooks.http.delivery}) with
   * secrets redacted. Rejections and dead letters at WARN, retries at INFO, the rest at DEBUG.
   *
   * @return the logging listener
   */
  static DeliveryListener logging() {
    return LoggingListener.INSTANCE;
  }

  /**
   * A listener that does nothing.
   *
   * @return the silent listener
   */
  static DeliveryListener none() {
    return NoOp.INSTANCE;
  }

  /**
   * A listener that calls each of {@code listeners} in order. An exception from one does not
   * stop the others.
   *
   * @param listeners the listeners
   * @return the combined listener
   * @throws NullPointerException if {@code listeners} or an element is null
   */
  static DeliveryListener combine(DeliveryListener... listeners) {
    Objects.requireNonNull(listeners, "listeners must not be null");
    List<DeliveryListener> all = List.of(listeners);
    return new io.mediahooks.http.internal.CombinedListener(all);
  }
}

/** The listener that does nothing. */
final class NoOp implements DeliveryListener {
  static final NoOp INSTANCE = new NoOp();

  private NoOp() {}

  @Override
  public String toString() {
    return "DeliveryListener.none()";
  }
}
