package io.mediahooks.http.internal;

import io.mediahooks.http.DeadLetterStore;
import io.mediahooks.http.DeliveryListener;
import io.mediahooks.http.DeliveryScheduler;
import io.mediahooks.http.DestinationGuard;
import io.mediahooks.http.OverflowPolicy;
import io.mediahooks.http.WebhookEndpoint;
import io.mediahooks.http.WebhookTransport;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * What {@code MediaWebhooks.Builder} hands to the {@link Engine}: checked settings, with null
 * meaning "the engine creates and owns the default".
 */
public final class EngineConfig {
  /** The endpoints, names unique. */
  public List<WebhookEndpoint> endpoints = List.of();
  /** The host's transport, or null for the default (owned) one. */
  public @Nullable WebhookTransport transport;
  /** The listener. */
  public DeliveryListener listener = DeliveryListener.none();
  /** The dead-letter store. */
  public @Nullable DeadLetterStore deadLetterStore;
  /** Most deliveries held at once. */
  public int queueCapacity = 10_000;
  /** What publish does on overflow. */
  public OverflowPolicy overflowPolicy = OverflowPolicy.REJECT;
  /** Worker threads. */
  public int workers = 4;
  /** The clock. */
  public Clock clock = Clock.systemUTC();
  /** The host's scheduler, or null for the default (owned) timer thread. */
  public @Nullable DeliveryScheduler scheduler;
  /** The random source, or null for the thread-local default. */
  public @Nullable RandomGenerator random;
  /** The guard of endpoints without their own. */
  public DestinationGuard guard = DestinationGuard.strict();
  /** How long a worker watches for new work after the last delivery; zero: never. */
  public Duration idleWatch = Duration.ofSeconds(1);
  /** How long after a deliver() call its retries may start. */
  public Duration deliverRetryWindow = Duration.ofSeconds(30);
}
