package io.mediahooks.http;

import io.mediahooks.http.internal.ExecutorScheduler;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs a task after a delay: how the delivery engine waits for a retry without holding a worker
 * thread (a retry five hours away costs a timer entry, not a sleeping thread).
 *
 * <p>The default, created and shut down by {@link MediaWebhooks}, is one daemon timer thread.
 * A host may share its own {@link ScheduledExecutorService} through {@link
 * #of(ScheduledExecutorService)} (it is never shut down by the library), and tests pass a manual
 * scheduler whose time they advance, so retry behaviour is tested without sleeping. Tasks handed
 * to {@link #schedule} are short (they put a delivery back in its queue); implementations must be
 * thread-safe and must run each task at most once, on any thread.
 *
 * <pre>{@code
 * ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
 * MediaWebhooks webhooks = MediaWebhooks.builder()
 *     .endpoint(endpoint)
 *     .scheduler(DeliveryScheduler.of(timers))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface DeliveryScheduler {

  /**
   * Runs {@code task} once after {@code delay}.
   *
   * @param delay how long to wait; zero runs the task as soon as possible
   * @param task the task
   * @return a handle that cancels the task if it has not run yet
   * @throws java.util.concurrent.RejectedExecutionException if the scheduler has been shut down
   */
  Cancellable schedule(Duration delay, Runnable task);

  /**
   * A scheduled task that may still be cancelled.
   *
   * <pre>{@code
   * DeliveryScheduler.Cancellable timer = scheduler.schedule(Duration.ofMinutes(5), retry);
   * timer.cancel();
   * }</pre>
   */
  @FunctionalInterface
  interface Cancellable {
    /** Cancels the task if it has not run yet; does nothing otherwise. */
    void cancel();
  }

  /**
   * A scheduler on the host's executor, which the library never shuts down.
   *
   * @param executor the executor
   * @return the scheduler
   * @throws NullPointerException if {@code executor} is null
   */
  static DeliveryScheduler of(ScheduledExecutorService executor) {
    return new ExecutorScheduler(executor);
  }
}
