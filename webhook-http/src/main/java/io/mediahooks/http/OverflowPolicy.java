package io.mediahooks.http;

/**
 * What {@link MediaWebhooks#publish} does when an event's deliveries do not fit in the bounded
 * queue (see {@link MediaWebhooks.Builder#queueCapacity(int)}). Either way the host's thread never
 * blocks, the event is never dropped silently, and the {@link DeliveryListener} is told.
 *
 * <pre>{@code
 * MediaWebhooks webhooks = MediaWebhooks.builder()
 *     .endpoint(endpoint)
 *     .queueCapacity(50_000)
 *     .overflowPolicy(OverflowPolicy.DEAD_LETTER)
 *     .build();
 * }</pre>
 */
public enum OverflowPolicy {
  /**
   * The default: the future returned by {@code publish} fails at once with a {@link
   * PublishRejectedException} whose reason is {@link PublishRejectedException.Reason#QUEUE_FULL},
   * and nothing of the event is queued. The host decides what to do (keep it in its own outbox,
   * retry later, alert).
   */
  REJECT,
  /**
   * The event is dead-lettered at once for every endpoint it was meant for (reason "queue
   * full"), and the future completes with those results. Nothing is sent until the host
   * redelivers the dead letters, but nothing is lost either (within the capacity of the {@link
   * DeadLetterStore}).
   */
  DEAD_LETTER
}
