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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the host's listener so that an exception it throws is logged and never reaches a
 * delivery or the host's publish call. Written out (no lambdas) because it sits on the publish
 * path.
 */
final class SafeListener implements DeliveryListener {
  private static final Logger LOG = LoggerFactory.getLogger("io.mediahooks.http.delivery");

  private final DeliveryListener delegate;

  SafeListener(DeliveryListener delegate) {
    this.delegate = delegate;
  }

  static void complain(DeliveryListener listener, String method, RuntimeException e) {
    LOG.warn("DeliveryListener {} threw from {}(); listeners must not throw", listener, method, e);
  }

  @Override
  public void enqueued(MediaEvent event, WebhookEndpoint endpoint) {
    try {
      delegate.enqueued(event, endpoint);
    } catch (RuntimeException e) {
      complain(delegate, "enqueued", e);
    }
  }

  @Override
  public void filtered(MediaEvent event, WebhookEndpoint endpoint, DeliveryResult result) {
    try {
      delegate.filtered(event, endpoint, result);
    } catch (RuntimeException e) {
      complain(delegate, "filtered", e);
    }
  }

  @Override
  public void rejected(MediaEvent event, PublishRejectedException error) {
    try {
      delegate.rejected(event, error);
    } catch (RuntimeException e) {
      complain(delegate, "rejected", e);
    }
  }

  @Override
  public void attemptStarted(MediaEvent event, WebhookEndpoint endpoint, Attempt attempt) {
    try {
      delegate.attemptStarted(event, endpoint, attempt);
    } catch (RuntimeException e) {
      complain(delegate, "attemptStarted", e);
    }
  }

  @Override
  public void attemptFinished(MediaEvent event, WebhookEndpoint endpoint, Attempt attempt,
      @Nullable WebhookResponse response, @Nullable Throwable error, Duration duration) {
    try {
      delegate.attemptFinished(event, endpoint, attempt, response, error, duration);
    } catch (RuntimeException e) {
      complain(delegate, "attemptFinished", e);
    }
  }

  @Override
  public void retryScheduled(MediaEvent event, WebhookEndpoint endpoint, Attempt failed,
      Instant nextAttemptAt, String reason) {
    try {
      delegate.retryScheduled(event, endpoint, failed, nextAttemptAt, reason);
    } catch (RuntimeException e) {
      complain(delegate, "retryScheduled", e);
    }
  }

  @Override
  public void delivered(MediaEvent event, WebhookEndpoint endpoint, DeliveryResult result) {
    try {
      delegate.delivered(event, endpoint, result);
    } catch (RuntimeException e) {
      complain(delegate, "delivered", e);
    }
  }

  @Override
  public void deadLettered(MediaEvent event, WebhookEndpoint endpoint, DeliveryResult result) {
    try {
      delegate.deadLettered(event, endpoint, result);
    } catch (RuntimeException e) {
      complain(delegate, "deadLettered", e);
    }
  }
}
