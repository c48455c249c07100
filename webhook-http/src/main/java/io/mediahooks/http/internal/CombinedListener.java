package io.mediahooks.http.internal;

import io.mediahooks.core.Attempt;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.http.DeliveryListener;
import io.mediahooks.http.DeliveryResult;
import io.mediahooks.http.PublishRejectedException;
import io.mediahooks.http.WebhookEndpoint;
import io.mediahooks.http.WebhookResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Calls several listeners in order; one that throws is logged and does not stop the others.
 * Also the engine's guard around the host's listener (a list of one).
 */
public final class CombinedListener implements DeliveryListener {
  private final DeliveryListener[] listeners;

  /**
   * Combines listeners.
   *
   * @param listeners the listeners, in call order
   */
  public CombinedListener(List<DeliveryListener> listeners) {
    this.listeners = listeners.toArray(new DeliveryListener[0]);
  }

  private void each(String method, Consumer<DeliveryListener> call) {
    for (DeliveryListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        SafeListener.complain(l, method, e);
      }
    }
  }

  @Override
  public void enqueued(MediaEvent event, WebhookEndpoint endpoint) {
    each("enqueued", l -> l.enqueued(event, endpoint));
  }

  @Override
  public void filtered(MediaEvent event, WebhookEndpoint endpoint, DeliveryResult result) {
    each("filtered", l -> l.filtered(event, endpoint, result));
  }

  @Override
  public void rejected(MediaEvent event, PublishRejectedException error) {
    each("rejected", l -> l.rejected(event, error));
  }

  @Override
  public void attemptStarted(MediaEvent event, WebhookEndpoint endpoint, Attempt attempt) {
    each("attemptStarted", l -> l.attemptStarted(event, endpoint, attempt));
  }

  @Override
  public void attemptFinished(MediaEvent event, WebhookEndpoint endpoint, Attempt attempt,
      @Nullable WebhookResponse response, @Nullable Throwable error, Duration duration) {
    each("attemptFinished",
        l -> l.attemptFinished(event, endpoint, attempt, response, error, duration));
  }

  @Override
  public void retryScheduled(MediaEvent event, WebhookEndpoint endpoint, Attempt failed,
      Instant nextAttemptAt, String reason) {
    each("retryScheduled", l -> l.retryScheduled(event, endpoint, failed, nextAttemptAt, reason));
  }

  @Override
  public void delivered(MediaEvent event, WebhookEndpoint endpoint, DeliveryResult result) {
    each("delivered", l -> l.delivered(event, endpoint, result));
  }

  @Override
  public void deadLettered(MediaEvent event, WebhookEndpoint endpoint, DeliveryResult result) {
    each("deadLettered", l -> l.deadLettered(event, endpoint, result));
  }

  @Override
  public String toString() {
    return "DeliveryListener.combine" + List.of(listeners);
  }
}
