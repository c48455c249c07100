package io.mediahooks.http.internal;

import io.mediahooks.http.Redaction;
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
 * The default listener: one SLF4J line per step, logger {@code io.mediahooks.http.delivery}.
 * Only event ids, endpoint names, redacted URLs, statuses and redacted reasons are logged: never
 * bodies, header values or query strings.
 */
public final class LoggingListener implements DeliveryListener {
  /** The one instance. */
  public static final LoggingListener INSTANCE = new LoggingListener();

  private static final Logger LOG = LoggerFactory.getLogger("io.mediahooks.http.delivery");

  private LoggingListener() {}

  @Override
  public void enqueued(MediaEvent event, WebhookEndpoint endpoint) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("event {} ({}) queued for {} {}", event.id(), event.type(), endpoint.name(),
          Redaction.url(endpoint.url()));
    }
  }

  @Override
  public void filtered(MediaEvent event, WebhookEndpoint endpoint, DeliveryResult result) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("event {} ({}) not sent to {}: {}", event.id(), event.type(), endpoint.name(),
          result.reason());
    }
  }

  @Override
  public void rejected(MediaEvent event, PublishRejectedException error) {
    LOG.warn("event {} ({}) rejected: {}", event.id(), event.type(), error.getMessage());
  }

  @Override
  public void attemptStarted(MediaEvent event, WebhookEndpoint endpoint, Attempt attempt) {
    if (LOG.isTraceEnabled()) {
      LOG.trace("event {} attempt {} ({}) to {} {}", event.id(), attempt.number(), attempt.id(),
          endpoint.name(), Redaction.url(endpoint.url()));
    }
  }

  @Override
  public void attemptFinished(MediaEvent event, WebhookEndpoint endpoint, Attempt attempt,
      @Nullable WebhookResponse response, @Nullable Throwable error, Duration duration) {
    if (LOG.isDebugEnabled()) {
      String what = response != null ? "HTTP " + response.status()
          : error != null ? Texts.error(error, endpoint.url()) : "no answer";
      LOG.debug("event {} attempt {} to {}: {} in {} ms", event.id(), attempt.number(),
          endpoint.name(), what, duration.toMillis());
    }
  }

  @Override
  public void retryScheduled(MediaEvent event, WebhookEndpoint endpoint, Attempt failed,
      Instant nextAttemptAt, String reason) {
    LOG.info("event {} attempt {} to {} failed ({}); next attempt at {}", event.id(),
        failed.number(), endpoint.name(), reason, nextAttemptAt);
  }

  @Override
  public void delivered(MediaEvent event, WebhookEndpoint endpoint, DeliveryResult result) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("event {} ({}) delivered to {} in {} attempt(s): HTTP {}", event.id(),
          result.eventName(), endpoint.name(), result.attempts(), result.lastStatus());
    }
  }

  @Override
  public void deadLettered(MediaEvent event, WebhookEndpoint endpoint, DeliveryResult result) {
    LOG.warn("event {} ({}) dead-lettered for {} {} after {} attempt(s): {} [dead letter {}]",
        event.id(), event.type(), endpoint.name(), Redaction.url(endpoint.url()),
        result.attempts(), result.reason(), result.deadLetterId());
  }

  @Override
  public String toString() {
    return "DeliveryListener.logging()";
  }
}
