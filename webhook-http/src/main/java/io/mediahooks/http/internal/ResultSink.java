package io.mediahooks.http.internal;

import io.mediahooks.http.DeliveryResult;
import io.mediahooks.http.PublishResult;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Where a delivery's result goes: the event's publish result, or a redelivery's future. Each sink
 * is the future it completes (one object per publish instead of three: sink, future, counter),
 * since publish allocates it on the host's thread.
 */
interface ResultSink {
  void accept(int index, DeliveryResult result);

  /** Collects one result per endpoint and completes itself with the last one. */
  final class Publish extends CompletableFuture<PublishResult> implements ResultSink {
    private static final VarHandle REMAINING;
    private static final VarHandle SCREENED;

    static {
      try {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        REMAINING = lookup.findVarHandle(Publish.class, "remaining", int.class);
        SCREENED = lookup.findVarHandle(Publish.class, "screened", String[].class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    final String eventId;
    private final DeliveryResult[] results;
    @SuppressWarnings("unused") // through REMAINING
    private volatile int remaining;
    /**
     * The reasons of the endpoints publish filtered, by endpoint index (null where not filtered),
     * until someone reports them; see {@code Engine.reportScreened}. Set by the publishing thread
     * before the lock round that queues the event's deliveries, which publishes it to workers.
     */
    @Nullable String @Nullable [] screened;

    Publish(String eventId, int endpoints) {
      this.eventId = eventId;
      this.results = new DeliveryResult[endpoints];
      this.remaining = endpoints;
      if (endpoints == 0) {
        complete(PublishResult.of(eventId, Arrays.asList(results)));
      }
    }

    /**
     * Takes the filtered reasons, once: null when there were none or another thread took them.
     *
     * @return the reasons by endpoint index, or null
     */
    @Nullable String @Nullable [] takeScreened() {
      // A plain read first: almost always null, and then no atomic operation is needed.
      return screened == null ? null : (@Nullable String[]) SCREENED.getAndSet(this, null);
    }

    @Override
    public void accept(int index, DeliveryResult result) {
      results[index] = result;
      // The decrement publishes the array write to whichever thread completes the future.
      if ((int) REMAINING.getAndAdd(this, -1) == 1) {
        complete(PublishResult.of(eventId, Arrays.asList(results)));
      }
    }
  }

  /** One redelivery's future. */
  final class Single extends CompletableFuture<DeliveryResult> implements ResultSink {
    @Override
    public void accept(int index, DeliveryResult result) {
      complete(result);
    }
  }
}
