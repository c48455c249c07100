package io.mediahooks.http.internal;

import io.mediahooks.http.DeliveryScheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A {@link DeliveryScheduler} on a {@link ScheduledExecutorService}. */
public final class ExecutorScheduler implements DeliveryScheduler {
  private final ScheduledExecutorService executor;

  /**
   * Wraps an executor.
   *
   * @param executor the executor; not shut down by this class
   */
  public ExecutorScheduler(ScheduledExecutorService executor) {
    this.executor = Objects.requireNonNull(executor, "executor must not be null");
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    long nanos;
    try {
      nanos = Math.max(0L, delay.toNanos());
    } catch (ArithmeticException e) {
      nanos = Long.MAX_VALUE;
    }
    ScheduledFuture<?> future = executor.schedule(task, nanos, TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public String toString() {
    return "DeliveryScheduler.of(" + executor + ")";
  }
}
