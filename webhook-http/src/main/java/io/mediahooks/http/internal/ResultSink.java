package io.mediahooks.http.internal;

import io.mediahooks.http.DeliveryResult;
import io.mediahooks.http.PublishResult;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Where a delivery's result goes: the event's publish result, or a redelivery's future. */
interface ResultSink {
  void accept(int index, DeliveryResult result);

  /** Collects one result per endpoint and completes the publish future with the last one. */
  final class Publish implements ResultSink {
    final String eventId;
    final CompletableFuture<PublishResult> future = new CompletableFuture<>();
    private final DeliveryResult[] results;
    private final AtomicInteger remaining;

    Publish(String eventId, int endpoints) {
      this.eventId = eventId;
      this.results = new DeliveryResult[endpoints];
      this.remaining = new AtomicInteger(endpoints);
      if (endpoints == 0) {
        future.complete(PublishResult.of(eventId, Arrays.asList(results)));
      }
    }

    @Override
    public void accept(int index, DeliveryResult result) {
      results[index] = result;
      // The decrement publishes the array write to whichever thread completes the future.
      if (remaining.decrementAndGet() == 0) {
        future.complete(PublishResult.of(eventId, Arrays.asList(results)));
      }
    }
  }

  /** One redelivery's future. */
  final class Single implements ResultSink {
    final CompletableFuture<DeliveryResult> future = new CompletableFuture<>();

    @Override
    public void accept(int index, DeliveryResult result) {
      future.complete(result);
    }
  }
}
