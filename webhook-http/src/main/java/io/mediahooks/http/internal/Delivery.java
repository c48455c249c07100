package io.mediahooks.http.internal;

import io.mediahooks.core.Attempt;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.WebhookPayload;
import io.mediahooks.http.DeliveryScheduler;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One event on its way to one endpoint, across all its attempts. About 80 bytes; bodies are not
 * kept between attempts (only the next attempt's, once a worker has rendered it ahead). Held
 * deliveries form an intrusive list (no per-item allocation) so close can find every one of them.
 */
final class Delivery {
  /** Held and in its lane, but publish has not yet told the listener: not to be started. */
  static final int NEW = 0;
  static final int QUEUED = 1;
  static final int RUNNING = 2;
  static final int WAITING = 3;
  static final int DONE = 4;
  /**
   * A worker reached it while it was still {@link #NEW} and left it out of its lane; the
   * publishing thread puts it back once the listener has seen it queued.
   */
  static final int DEFERRED = 5;

  /**
   * CAS on {@link #state}: NEW to QUEUED by the publishing thread without the lock, and NEW to
   * DEFERRED by a worker under it; every other transition is a plain write under the lock.
   */
  static final VarHandle STATE;

  /** {@link #ahead}: a worker has chosen this delivery to render while its own request waits. */
  static final Object PREPARING = new Object();
  /** {@link #ahead}: the attempt has started; a late rendering is dropped. */
  static final Object TAKEN = new Object();

  /**
   * CAS on {@link #ahead}: PREPARING to a {@link Prepared} by the worker rendering ahead, and
   * anything to TAKEN by the thread starting the attempt, both without the lock; null or TAKEN to
   * PREPARING under it, only while the delivery is QUEUED.
   */
  static final VarHandle AHEAD;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      STATE = lookup.findVarHandle(Delivery.class, "state", int.class);
      AHEAD = lookup.findVarHandle(Delivery.class, "ahead", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The next attempt, rendered ahead of time by a worker (see {@code Engine.markAhead}). */
  record Prepared(Attempt attempt, WebhookPayload payload) {}

  final Route route;
  final MediaEvent event;
  final ResultSink sink;
  final int index;
  /** The dead letter this delivery redelivers, or null. */
  final @Nullable String redeliveryOf;

  // Written by the thread running the attempt; read when the delivery ends.
  int attempts;
  @Nullable Integer lastStatus;
  @Nullable String lastError;
  @Nullable String eventName;

  // Guarded by Engine.lock (state is volatile for cheap unlocked checks; see STATE).
  volatile int state = NEW;
  @Nullable Delivery prev;
  @Nullable Delivery next;
  @Nullable Instant dueAt;
  volatile DeliveryScheduler.@Nullable Cancellable timer;
  /** Null, {@link #PREPARING}, a {@link Prepared} or {@link #TAKEN}; see {@link #AHEAD}. */
  volatile @Nullable Object ahead;

  /** The head of the engine's circular list of held deliveries; never delivered. */
  @SuppressWarnings("NullAway")
  static Delivery sentinel() {
    Delivery head = new Delivery(null, null, null, -1, null);
    head.prev = head;
    head.next = head;
    return head;
  }

  Delivery(Route route, MediaEvent event, ResultSink sink, int index,
      @Nullable String redeliveryOf) {
    this.route = route;
    this.event = event;
    this.sink = sink;
    this.index = index;
    this.redeliveryOf = redeliveryOf;
  }
}
