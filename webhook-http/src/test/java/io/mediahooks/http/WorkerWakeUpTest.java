package io.mediahooks.http;

import static java.util.concurrent.TimeUnit.SECONDS;
import static io.mediahooks.http.Waits.await;
import static io.mediahooks.http.Waits.beginClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.core.Attempt;
import io.mediahooks.core.MediaEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the engine wakes its workers: parked workers are woken only for new work, one at a time,
 * and hand work on to each other; none of that may lose, duplicate or reorder a delivery. Each
 * engine is built inside its own thread group, so a test can see its worker threads (and only
 * those) and wait, bounded, until all of them are parked.
 */
class WorkerWakeUpTest {
  private final ManualClock clock = new ManualClock(Events.T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final List<MediaWebhooks> opened = new ArrayList<>();
  private final List<Runnable> cleanups = new ArrayList<>();

  @AfterEach
  void closeAll() {
    cleanups.forEach(Runnable::run);
    opened.forEach(w -> w.close(Duration.ZERO));
  }

  private MediaWebhooks.Builder builder(WebhookTransport transport, int workers) {
    return MediaWebhooks.builder()
        .transport(transport)
        .clock(clock)
        .scheduler(scheduler)
        .random(TestRandom.nominal())
        // These tests are about waking parked workers; watching is tested on its own below.
        .idleWatch(Duration.ZERO)
        .workers(workers);
  }

  private static WebhookEndpoint endpoint(String name) {
    return WebhookEndpoint.builder("https://hooks.example.com/" + name)
        .name(name)
        .format(TestFormat.create())
        .build();
  }

  // --- bursts -----------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 8})
  void everyDeliveryOfABurstFromSeveralThreadsIsSentExactlyOnce(int workers) throws Exception {
    CountingTransport transport = new CountingTransport();
    OrderListener order = new OrderListener();
    MediaWebhooks webhooks = open(builder(transport, workers).listener(order)
        .endpoint(endpoint("a")).endpoint(endpoint("b")).endpoint(endpoint("c")));
    int threads = 4;
    int perThread = 250;
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<List<CompletableFuture<PublishResult>>>> publishers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      publishers.add(CompletableFuture.supplyAsync(() -> {
        awaitLatch(start);
        List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
        for (int i = 0; i < perThread; i++) {
          futures.add(webhooks.publish(Events.created("evt-" + thread + "-" + i)));
        }
        return futures;
      }, runnable -> newThread(runnable, "publisher-" + thread).start()));
    }
    start.countDown();

    for (CompletableFuture<List<CompletableFuture<PublishResult>>> p : publishers) {
      for (CompletableFuture<PublishResult> f : await(p)) {
        assertThat(await(f).allDelivered()).isTrue();
      }
    }
    int deliveries = threads * perThread * 3;
    assertThat(transport.sends).hasSize(deliveries);
    assertThat(transport.sends.values()).allSatisfy(n -> assertThat(n).hasValue(1));
    assertThat(order.violations).as("attemptStarted before enqueued").isEmpty();
    assertThat(order.enqueued).hasValue(deliveries);
    assertThat(webhooks.pendingCount()).isZero();
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 8})
  void aPublishWhileEveryWorkerIsParkedIsDelivered(int workers) throws Exception {
    CountingTransport transport = new CountingTransport();
    WorkerGroup group = new WorkerGroup();
    MediaWebhooks webhooks = group.build(() -> open(builder(transport, workers)
        .endpoint(endpoint("a")).endpoint(endpoint("b"))));
    assertThat(group.threads()).hasSize(workers);

    for (int i = 0; i < 20; i++) {
      group.awaitAllParked();
      PublishResult result = await(webhooks.publish(Events.created("evt-" + i)));
      assertThat(result.allDelivered()).as("evt-%d", i).isTrue();
    }
    assertThat(transport.sends).hasSize(40);
  }

  @Test
  void aRetryDueWhileEveryWorkerIsParkedIsDelivered() throws Exception {
    ScriptedTransport transport = new ScriptedTransport().then(503);
    WorkerGroup group = new WorkerGroup();
    MediaWebhooks webhooks = group.build(() -> open(builder(transport, 2)
        .endpoint(endpoint("a"))));
    CompletableFuture<PublishResult> published = webhooks.publish(Events.created("evt-1"));
    scheduler.awaitScheduled(1);
    group.awaitAllParked();

    scheduler.advance(Duration.ofSeconds(5)); // the timer puts it back on this thread

    DeliveryResult result = await(published).results().get(0);
    assertThat(result.isDelivered()).isTrue();
    assertThat(result.attempts()).isEqualTo(2);
  }

  // --- the listener's order when a worker is faster than publish --------------------------------

  @Test
  void aWorkerReachingADeliveryBeforeItsEnqueuedCallLeavesItUntilPublishHasMadeIt()
      throws Exception {
    ScriptedTransport transport = new ScriptedTransport().hold();
    RecordingListener calls = new RecordingListener();
    CountDownLatch inEnqueued = new CountDownLatch(1);
    CountDownLatch finishEnqueued = new CountDownLatch(1);
    DeliveryListener slowEnqueue = new DeliveryListener() {
      @Override
      public void enqueued(MediaEvent event, WebhookEndpoint endpoint) {
        if (event.id().equals("evt-2")) {
          inEnqueued.countDown();
          awaitLatch(finishEnqueued);
        }
      }
    };
    cleanups.add(finishEnqueued::countDown);
    cleanups.add(transport::release);
    WorkerGroup group = new WorkerGroup();
    MediaWebhooks webhooks = group.build(() -> open(builder(transport, 1)
        .listener(DeliveryListener.combine(slowEnqueue, calls)).endpoint(endpoint("a"))));
    CompletableFuture<PublishResult> first = webhooks.publish(Events.created("evt-1"));
    transport.awaitHeldCall(); // the only worker is busy with evt-1

    // evt-2 is in its lane, and its publish is held inside the listener's enqueued call.
    AtomicReference<CompletableFuture<PublishResult>> second = new AtomicReference<>();
    Thread publisher = newThread(() -> second.set(webhooks.publish(Events.created("evt-2"))),
        "publisher");
    publisher.start();
    assertThat(inEnqueued.await(10, SECONDS)).isTrue();

    // The worker finishes evt-1, finds evt-2 and must not start it: it parks instead.
    transport.release();
    await(first);
    group.awaitAllParked();
    assertThat(transport.requests()).hasSize(1);

    finishEnqueued.countDown();
    publisher.join(SECONDS.toMillis(10));
    assertThat(await(second.get()).allDelivered()).isTrue();
    assertThat(transport.requests()).hasSize(2);
    assertThat(calls.calls()).containsExactly(
        "enqueued a", "attempt 1 a", "finished 1 a: 200", "delivered a",
        "enqueued a", "attempt 1 a", "finished 1 a: 200", "delivered a");
  }

  // --- closing ----------------------------------------------------------------------------------

  /** Answers 200 and records which worker thread sent each event. */
  static final class ThreadRecordingTransport implements WebhookTransport {
    final Map<String, String> senderByEvent = new ConcurrentHashMap<>();

    @Override
    public WebhookResponse send(WebhookRequest request) {
      String body = java.nio.charset.StandardCharsets.UTF_8.decode(request.body()).toString();
      java.util.regex.Matcher m = Pattern.compile("\"id\":\"([^\"]*)\"").matcher(body);
      senderByEvent.put(m.find() ? m.group(1) : body, Thread.currentThread().getName());
      return WebhookResponse.of(200, Map.of(), "");
    }
  }

  /** Waits (bounded) until exactly one worker waits with a timeout (watches); returns it. */
  private static Thread awaitOneWatching(WorkerGroup group) {
    long end = System.nanoTime() + SECONDS.toNanos(10);
    for (;;) {
      List<Thread> watching = new ArrayList<>();
      int waiting = 0;
      List<Thread> all = group.threads();
      for (Thread t : all) {
        if (t.getState() == Thread.State.TIMED_WAITING) {
          watching.add(t);
        } else if (t.getState() == Thread.State.WAITING) {
          waiting++;
        }
      }
      if (watching.size() == 1 && waiting == all.size() - 1) {
        return watching.get(0);
      }
      assertThat(System.nanoTime()).as("one worker watching, the rest parked").isLessThan(end);
      Thread.onSpinWait();
    }
  }

  @Test
  void afterADeliveryOneWorkerWatchesAndTakesTheNextEventWithoutAWakeUp() throws Exception {
    ThreadRecordingTransport transport = new ThreadRecordingTransport();
    WorkerGroup group = new WorkerGroup();
    MediaWebhooks webhooks = group.build(() -> open(builder(transport, 4)
        .idleWatch(Duration.ofMinutes(10))
        .endpoint(endpoint("a"))));
    assertThat(await(webhooks.publish(Events.created("evt-1"))).allDelivered()).isTrue();
    Thread watcher = awaitOneWatching(group);

    for (int i = 2; i <= 5; i++) {
      assertThat(await(webhooks.publish(Events.created("evt-" + i))).allDelivered()).isTrue();
      // publish woke nobody: the watching worker found the event itself and sent it, then
      // went back to watching.
      assertThat(transport.senderByEvent.get("evt-" + i)).isEqualTo(watcher.getName());
      assertThat(awaitOneWatching(group)).isSameAs(watcher);
    }
  }

  @Test
  void withoutWatchingEveryWorkerParksAfterADelivery() throws Exception {
    // The control for the test above: with idleWatch zero every worker parks, and each publish
    // wakes one; the sender is then not a watcher (none exists).
    ThreadRecordingTransport transport = new ThreadRecordingTransport();
    WorkerGroup group = new WorkerGroup();
    MediaWebhooks webhooks = group.build(() -> open(builder(transport, 4)
        .endpoint(endpoint("a"))));
    assertThat(await(webhooks.publish(Events.created("evt-1"))).allDelivered()).isTrue();
    group.awaitAllParked();
    assertThat(await(webhooks.publish(Events.created("evt-2"))).allDelivered()).isTrue();
    group.awaitAllParked();
  }

  @Test
  void watchingEndsAfterItsWindowAndEveryWorkerParks() throws Exception {
    WorkerGroup group = new WorkerGroup();
    MediaWebhooks webhooks = group.build(() -> open(builder(new CountingTransport(), 3)
        .idleWatch(Duration.ofMillis(20))
        .endpoint(endpoint("a"))));
    assertThat(await(webhooks.publish(Events.created("evt-1"))).allDelivered()).isTrue();

    group.awaitAllParked();

    // And a publish then wakes a parked worker as usual.
    assertThat(await(webhooks.publish(Events.created("evt-2"))).allDelivered()).isTrue();
  }

  @Test
  void closeEndsAWatchingWorker() throws Exception {
    WorkerGroup group = new WorkerGroup();
    MediaWebhooks webhooks = group.build(() -> open(builder(new CountingTransport(), 2)
        .idleWatch(Duration.ofMinutes(10))
        .endpoint(endpoint("a"))));
    assertThat(await(webhooks.publish(Events.created("evt-1"))).allDelivered()).isTrue();
    awaitOneWatching(group);
    List<Thread> workers = group.threads();

    webhooks.close(Duration.ofSeconds(10));

    for (Thread t : workers) {
      t.join(SECONDS.toMillis(10));
      assertThat(t.isAlive()).as(t.getName()).isFalse();
    }
  }

  @Test
  void idleWatchMustBeZeroToAnHour() {
    assertThatThrownBy(() -> MediaWebhooks.builder().idleWatch(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("idleWatch must be 0 to 1 hour");
    assertThatThrownBy(() -> MediaWebhooks.builder().idleWatch(Duration.ofHours(2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closeWakesParkedWorkersAndTheirThreadsEnd() throws Exception {
    WorkerGroup group = new WorkerGroup();
    MediaWebhooks webhooks = group.build(() -> open(builder(new CountingTransport(), 4)
        .endpoint(endpoint("a"))));
    assertThat(await(webhooks.publish(Events.created("evt-1"))).allDelivered()).isTrue();
    group.awaitAllParked();
    List<Thread> workers = group.threads();
    assertThat(workers).hasSize(4);

    CloseResult closed = webhooks.close(Duration.ofSeconds(10));

    assertThat(closed).isEqualTo(CloseResult.of(0, 0, 0));
    for (Thread t : workers) {
      t.join(SECONDS.toMillis(10));
      assertThat(t.isAlive()).as(t.getName()).isFalse();
    }
  }

  @Test
  void closeDrainsABacklogThatWorkersHandOnToEachOther() throws Exception {
    ScriptedTransport transport = new ScriptedTransport().hold();
    cleanups.add(transport::release);
    MediaWebhooks webhooks = open(builder(transport, 4)
        .endpoint(endpoint("a")).endpoint(endpoint("b")));
    List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      futures.add(webhooks.publish(Events.created("evt-" + i)));
    }
    transport.awaitHeldCall();
    CompletableFuture<CloseResult> closing = beginClose(webhooks);
    transport.release();

    CloseResult closed = await(closing);
    assertThat(closed.isClean()).isTrue();
    assertThat(closed.drained()).isEqualTo(closed.pending());
    for (CompletableFuture<PublishResult> f : futures) {
      assertThat(await(f).allDelivered()).isTrue();
    }
    assertThat(transport.requests()).hasSize(100);
  }

  // --- helpers ----------------------------------------------------------------------------------

  private MediaWebhooks open(MediaWebhooks.Builder b) {
    MediaWebhooks w = b.build();
    synchronized (opened) {
      opened.add(w);
    }
    return w;
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      if (!latch.await(10, SECONDS)) {
        throw new AssertionError("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static Thread newThread(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Builds an engine on a thread of its own group, so its workers join that group. */
  static final class WorkerGroup {
    private final ThreadGroup group = new ThreadGroup("wake-up-test");

    MediaWebhooks build(Supplier<MediaWebhooks> factory) throws Exception {
      AtomicReference<MediaWebhooks> built = new AtomicReference<>();
      AtomicReference<Throwable> failed = new AtomicReference<>();
      Thread builder = new Thread(group, () -> {
        try {
          built.set(factory.get());
        } catch (Throwable t) {
          failed.set(t);
        }
      }, "builder");
      builder.start();
      builder.join(SECONDS.toMillis(10));
      if (failed.get() != null) {
        throw new AssertionError(failed.get());
      }
      return built.get();
    }

    List<Thread> threads() {
      Thread[] all = new Thread[group.activeCount() + 8];
      int n = group.enumerate(all);
      List<Thread> workers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (all[i].getName().startsWith("mediahooks-delivery-")) {
          workers.add(all[i]);
        }
      }
      return workers;
    }

    /**
     * Waits (bounded) until every worker is parked with nothing to do. A worker never waits
     * while holding the engine's lock, so all of them waiting at once is the idle state, not a
     * moment of lock contention.
     */
    void awaitAllParked() {
      long end = System.nanoTime() + SECONDS.toNanos(10);
      while (!allWaiting()) {
        if (System.nanoTime() > end) {
          throw new AssertionError("workers not all parked: " + states());
        }
        Thread.onSpinWait();
      }
    }

    private boolean allWaiting() {
      List<Thread> workers = threads();
      if (workers.isEmpty()) {
        return false;
      }
      for (Thread t : workers) {
        if (t.getState() != Thread.State.WAITING) {
          return false;
        }
      }
      return true;
    }

    private String states() {
      StringBuilder b = new StringBuilder();
      for (Thread t : threads()) {
        b.append(t.getName()).append('=').append(t.getState()).append(' ');
      }
      return b.toString();
    }
  }

  /** Answers 200 at once and counts sends per event and endpoint. */
  static final class CountingTransport implements WebhookTransport {
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]*)\"");
    final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();

    @Override
    public WebhookResponse send(WebhookRequest request) {
      String body = java.nio.charset.StandardCharsets.UTF_8.decode(request.body()).toString();
      Matcher m = ID.matcher(body);
      String key = (m.find() ? m.group(1) : "?") + " " + request.url();
      sends.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      return WebhookResponse.of(200, Map.of(), "");
    }
  }

  /** Checks, per event and endpoint, that enqueued came before the first attemptStarted. */
  static final class OrderListener implements DeliveryListener {
    final Map<String, Boolean> seen = new ConcurrentHashMap<>();
    final List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger enqueued = new AtomicInteger();

    @Override
    public void enqueued(MediaEvent event, WebhookEndpoint endpoint) {
      enqueued.incrementAndGet();
      seen.put(event.id() + " " + endpoint.name(), Boolean.TRUE);
    }

    @Override
    public void attemptStarted(MediaEvent event, WebhookEndpoint endpoint, Attempt attempt) {
      if (seen.get(event.id() + " " + endpoint.name()) == null) {
        violations.add(event.id() + " " + endpoint.name());
      }
    }
  }
}
