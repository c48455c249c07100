package io.mediahooks.http;

import io.mediahooks.core.Attempt;
import io.mediahooks.core.MediaEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Records every listener call as a short line, for order and content assertions. */
final class RecordingListener implements DeliveryListener {
  private final List<String> calls = new ArrayList<>();
  final List<Attempt> attempts = new ArrayList<>();
  final List<Instant> retriesAt = new ArrayList<>();
  final List<PublishRejectedException> rejections = new ArrayList<>();
  /** Per filtered call: "eventId endpoint", and the thread it came on. */
  final List<String> filteredEvents = new ArrayList<>();
  final List<Thread> filteredOn = new ArrayList<>();

  synchronized List<String> calls() {
    return new ArrayList<>(calls);
  }

  private synchronized void add(String line) {
    calls.add(line);
  }

  @Override
  public void enqueued(MediaEvent event, WebhookEndpoint endpoint) {
    add("enqueued " + endpoint.name());
  }

  @Override
  public synchronized void filtered(MediaEvent event, WebhookEndpoint endpoint,
      DeliveryResult result) {
    filteredEvents.add(event.id() + " " + endpoint.name());
    filteredOn.add(Thread.currentThread());
    add("filtered " + endpoint.name() + ": " + result.reason());
  }

  synchronized List<String> filteredEvents() {
    return new ArrayList<>(filteredEvents);
  }

  synchronized List<Thread> filteredOn() {
    return new ArrayList<>(filteredOn);
  }

  @Override
  public synchronized void rejected(MediaEvent event, PublishRejectedException error) {
    rejections.add(error);
    add("rejected " + error.reason());
  }

  @Override
  public synchronized void attemptStarted(MediaEvent event, WebhookEndpoint endpoint,
      Attempt attempt) {
    attempts.add(attempt);
    add("attempt " + attempt.number() + " " + endpoint.name());
  }

  @Override
  public void attemptFinished(MediaEvent event, WebhookEndpoint endpoint, Attempt attempt,
      @Nullable WebhookResponse response, @Nullable Throwable error, Duration duration) {
    add("finished " + attempt.number() + " " + endpoint.name() + ": "
        + (response != null ? response.status() : error.getClass().getSimpleName()));
  }

  @Override
  public synchronized void retryScheduled(MediaEvent event, WebhookEndpoint endpoint,
      Attempt failed, Instant nextAttemptAt, String reason) {
    retriesAt.add(nextAttemptAt);
    add("retry " + endpoint.name() + ": " + reason);
  }

  @Override
  public void delivered(MediaEvent event, WebhookEndpoint endpoint, DeliveryResult result) {
    add("delivered " + endpoint.name());
  }

  @Override
  public void deadLettered(MediaEvent event, WebhookEndpoint endpoint, DeliveryResult result) {
    add("deadLettered " + endpoint.name() + ": " + result.reason());
  }
}
