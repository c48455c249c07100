package io.mediahooks.http;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Bounded waits shared by the engine tests: deadlock guards, never timing assertions. */
final class Waits {
  private Waits() {}

  /** The future's value, failing the test after 10 s instead of hanging. */
  static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(10, SECONDS);
  }

  /**
   * Starts {@code close(10 s)} on another thread and returns once it has begun (intake stopped),
   * with the future of its result.
   */
  static CompletableFuture<CloseResult> beginClose(MediaWebhooks webhooks) {
    CompletableFuture<CloseResult> closing =
        CompletableFuture.supplyAsync(() -> webhooks.close(Duration.ofSeconds(10)));
    awaitClosed(webhooks);
    return closing;
  }

  /** Returns once {@code close} has begun on another thread (intake stopped). */
  static void awaitClosed(MediaWebhooks webhooks) {
    long end = System.nanoTime() + SECONDS.toNanos(10);
    while (!webhooks.isClosed()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("close did not begin");
      }
      Thread.onSpinWait();
    }
  }
}
