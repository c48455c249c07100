package io.mediahooks.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link DeliveryScheduler} whose time moves only when the test calls {@link #advance}: due
 * tasks then run on the test's thread, in due order, with the clock set to each task's due time.
 * Records every requested delay. Waits are bounded (deadlock guards), never timed assertions.
 */
final class ManualScheduler implements DeliveryScheduler {
  private final ManualClock clock;
  private final List<Task> tasks = new ArrayList<>();
  private final List<Duration> delays = new ArrayList<>();
  private long sequence;

  ManualScheduler(ManualClock clock) {
    this.clock = clock;
  }

  private static final class Task {
    final Instant due;
    final long seq;
    final Runnable runnable;
    boolean cancelled;

    Task(Instant due, long seq, Runnable runnable) {
      this.due = due;
      this.seq = seq;
      this.runnable = runnable;
    }
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    Task t = new Task(clock.instant().plus(delay), sequence++, task);
    tasks.add(t);
    delays.add(delay);
    notifyAll();
    return () -> {
      synchronized (ManualScheduler.this) {
        t.cancelled = true;
        tasks.remove(t);
      }
    };
  }

  /** Every delay requested so far, in order. */
  synchronized List<Duration> delays() {
    return new ArrayList<>(delays);
  }

  /** Tasks waiting to run. */
  synchronized int pending() {
    return tasks.size();
  }

  /** Waits (bounded) until at least {@code n} delays have been requested in all. */
  synchronized void awaitScheduled(int n) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (delays.size() < n) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("expected " + n + " scheduled tasks, got " + delays.size());
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /** Moves time forward by {@code d}, running every task that falls due on the way. */
  void advance(Duration d) {
    Instant end = clock.instant().plus(d);
    for (;;) {
      Task next;
      synchronized (this) {
        next = tasks.stream()
            .filter(t -> !t.due.isAfter(end))
            .min(Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.seq))
            .orElse(null);
        if (next == null) {
          break;
        }
        tasks.remove(next);
      }
      if (next.due.isAfter(clock.instant())) {
        clock.set(next.due);
      }
      next.runnable.run();
    }
    if (end.isAfter(clock.instant())) {
      clock.set(end);
    }
  }

  /** Runs the next task whatever its due time, moving the clock to it. */
  void runNext() {
    Task next;
    synchronized (this) {
      next = tasks.stream()
          .min(Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.seq))
          .orElseThrow(() -> new AssertionError("no scheduled task"));
      tasks.remove(next);
    }
    if (next.due.isAfter(clock.instant())) {
      clock.set(next.due);
    }
    next.runnable.run();
  }
}
