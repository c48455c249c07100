package io.mediahooks.http.internal;

import io.mediahooks.http.DeliveryResult;
import io.mediahooks.http.PublishResult;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

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

    static {
      try {
        REMAINING = MethodHandles.lookup().findVarHandle(Publish.class, "remaining", int.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    final String eventId;
    private final DeliveryResult[] results;
    @SuppressWarnings("unused") // through REMAINING
    private volatile int remaining;

    Publish(String eventId, int endpoints) {
      this.eventId = eventId;
      this.results = new DeliveryResult[endpoints];
      this.remaining = endpoints;
      if (endpoints == 0) {
        complete(PublishResult.of(eventId, Arrays.asList(results)));
      }
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
