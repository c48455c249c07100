package io.mediahooks.http.internal;

import io.mediahooks.http.Redaction;
import io.mediahooks.core.Attempt;
import io.mediahooks.core.FormatException;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.WebhookPayload;
import io.mediahooks.http.AuthenticationException;
import io.mediahooks.http.CloseResult;
import io.mediahooks.http.DeadLetter;
import io.mediahooks.http.DeadLetterStore;
import io.mediahooks.http.DeliveryListener;
import io.mediahooks.http.DeliveryResult;
import io.mediahooks.http.DeliveryScheduler;
import io.mediahooks.http.DestinationRefusedException;
import io.mediahooks.http.OverflowPolicy;
import io.mediahooks.http.PublishRejectedException;
import io.mediahooks.http.PublishResult;
import io.mediahooks.http.RequestSigner;
import io.mediahooks.http.RetryPolicy;
import io.mediahooks.http.WebhookEndpoint;
import io.mediahooks.http.WebhookRequest;
import io.mediahooks.http.WebhookResponse;
import io.mediahooks.http.WebhookTransport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery engine behind {@code MediaWebhooks}.
 *
 * <p>Structure: one lane per endpoint (a FIFO of deliveries and an in-flight count), a ring of
 * lanes that have work and room, and a fixed set of worker threads that take one delivery at a
 * time from the lane at the head of the ring and put the lane back at its tail (round robin). A
 * lane never has more than its concurrency limit in flight. One lock guards lanes, ring and the
 * intrusive list of held deliveries; every critical section is a few pointer moves. Retries wait
 * on the {@link DeliveryScheduler}, never on a worker. Each delivery ends exactly once: the
 * transition to {@link Delivery#DONE} happens under the lock and only its winner reports.
 *
 * <p>Publishing takes the lock once: it reserves room, links the deliveries into the held list
 * and appends them to their lanes as {@link Delivery#NEW}, then, outside the lock, tells the
 * listener each is queued and turns it {@link Delivery#QUEUED} with a CAS. A worker never starts
 * a NEW delivery (the listener would see {@code attemptStarted} before {@code enqueued}): it
 * CASes it to {@link Delivery#DEFERRED} and leaves it out of the lane, and publish, finding its
 * CAS failed, puts it back under the lock. That second lock round happens only in this race.
 * Endpoints that publish screens out are reported at once when nothing is queued for the event;
 * otherwise their reasons ride on the event's result future and are reported by the worker that
 * starts one of its deliveries, or before the event's first result, whatever ends it.
 *
 * <p>Waking workers. Parked workers wait on their own permit ({@link LockSupport#park}) in a
 * LIFO stack, so the waker chooses whom to wake and can unpark it after releasing the lock.
 * {@code searching} counts workers that are awake and on their way to the queue: woken but not
 * yet holding the lock, or back from a delivery and about to take the next. New work wakes a
 * parked worker only when that count is zero, and the worker that takes a delivery and still sees
 * ready lanes wakes the next one itself (hand-off). So a publish pays for at most one wake-up,
 * none when a worker is already on its way, and does it as its very last step; a burst wakes
 * workers one after another, each woken by the previous one rather than by the host. Workers
 * never spin or poll: a worker with nothing to take parks until someone hands it work.
 *
 * <p>Rendering ahead. A worker that takes a lane's last free slot also chooses one of the lane's
 * next deliveries ({@link #markAhead}); once its own request is on the wire, the transport lends
 * it back ({@link RenderAhead}) and it renders that delivery's next attempt, which the attempt
 * then sends ({@link #takeAhead}). Nothing is claimed: whoever takes the delivery sends the body
 * if it is ready, the same attempt and fresh, and otherwise renders it as usual; a rendering that
 * finishes after its attempt started is dropped by a CAS on {@link Delivery#ahead}.
 */
public final class Engine {
  private static final Logger LOG = LoggerFactory.getLogger("io.mediahooks.http.delivery");
  /** How often a watching worker looks for work: 1 ms. */
  static final long WATCH_POLL_NANOS = 1_000_000L;
  /** How old a body rendered ahead may be when its attempt starts: 1 s. */
  static final Duration MAX_AHEAD_AGE = Duration.ofSeconds(1);
  /**
   * Bodies shorter than this (2 KiB), judged by the endpoint's last one, are rendered when their
   * attempt starts: they render in well under a microsecond, less than rendering ahead costs
   * the lock (measured: microCMS's 204 B at concurrency 8 lost 4% of its throughput to it).
   */
  static final int AHEAD_MIN_BODY_BYTES = 2048;

  private final Route[] routes;
  private final Map<String, Route> byName;
  private final WebhookTransport transport;
  private final boolean ownsTransport;
  private final DeliveryListener listener;
  private final DeadLetterStore store;
  private final Clock clock;
  private final DeliveryScheduler scheduler;
  private final @Nullable ScheduledThreadPoolExecutor ownedTimer;
  private final RandomGenerator random;
  private final int capacity;
  private final OverflowPolicy overflowPolicy;
  private final Duration deliverRetryWindow;
  private final Worker[] workers;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition drained = lock.newCondition();
  /**
   * Workers awake and on their way to the queue (woken and not yet holding the lock, or back
   * from a delivery). Raised by a waker under the lock or by a worker without it; lowered by the
   * worker once it holds the lock. Starts at the worker count: new workers are on their way.
   */
  private final AtomicInteger searching;
  // Guarded by lock:
  private final java.util.ArrayDeque<Route> ready = new java.util.ArrayDeque<>();
  private final Delivery held; // sentinel of the circular list of held deliveries
  private int heldCount;
  /**
   * Parked workers, a stack: the last to park is the first woken, so a light load keeps reusing
   * the same few threads (warm caches; with the yield below, measured to preempt the host least).
   */
  private final Worker[] parked;
  private int parkedCount;
  /** Whether a worker is watching for work after the last delivery (see {@link #watch}). */
  private boolean watching;
  /** How long a worker keeps watching after its last delivery; 0 turns watching off. */
  private final long watchNanos;
  private boolean accepting = true;
  private boolean stopping;
  private @Nullable Instant closeDeadline;

  private volatile boolean closed;
  private final AtomicBoolean closeStarted = new AtomicBoolean();
  private final CompletableFuture<CloseResult> closeResult = new CompletableFuture<>();
  private final Set<CompletableFuture<Void>> syncWaits = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<String, CompletableFuture<DeliveryResult>> redelivering =
      new ConcurrentHashMap<>();

  /**
   * Creates the engine and starts its workers.
   *
   * @param c the settings
   */
  public Engine(EngineConfig c) {
    this.ownsTransport = c.transport == null;
    this.transport = c.transport != null ? c.transport : DefaultTransport.create();
    this.listener = new SafeListener(c.listener);
    this.store = c.deadLetterStore != null ? c.deadLetterStore : DeadLetterStore.inMemory();
    this.clock = c.clock;
    if (c.scheduler != null) {
      this.scheduler = c.scheduler;
      this.ownedTimer = null;
    } else {
      ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "mediahooks-retry-timer");
        t.setDaemon(true);
        return t;
      });
      timer.setRemoveOnCancelPolicy(true);
      this.ownedTimer = timer;
      this.scheduler = new ExecutorScheduler(timer);
    }
    this.random = c.random != null ? c.random : ThreadLocalRandomSource.INSTANCE;
    this.capacity = c.queueCapacity;
    this.overflowPolicy = c.overflowPolicy;
    this.deliverRetryWindow = c.deliverRetryWindow;

    int n = c.endpoints.size();
    this.routes = new Route[n];
    this.byName = new HashMap<>();
    int defaultLimit = Math.max(1, c.workers - (n - 1));
    for (int i = 0; i < n; i++) {
      WebhookEndpoint e = c.endpoints.get(i);
      int limit = e.maxConcurrency() > 0 ? e.maxConcurrency() : defaultLimit;
      routes[i] = new Route(e, i, limit, c.guard, transport, clock);
      byName.put(e.name(), routes[i]);
    }

    this.held = Delivery.sentinel();

    this.workers = new Worker[c.workers];
    this.parked = new Worker[c.workers];
    this.watchNanos = c.idleWatch.toNanos();
    this.searching = new AtomicInteger(c.workers);
    for (int i = 0; i < workers.length; i++) {
      Worker t = new Worker("mediahooks-delivery-" + (i + 1));
      t.setDaemon(true);
      workers[i] = t;
    }
    for (Thread t : workers) {
      t.start();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Publishing (host thread)

  /**
   * Screens the event per endpoint and queues the rest; returns at once.
   *
   * @param event the event
   * @return the future of all results
   */
  public CompletableFuture<PublishResult> publish(MediaEvent event) {
    int n = routes.length;
    ResultSink.Publish sink = new ResultSink.Publish(event.id(), n);
    if (closed) {
      return reject(event, sink, PublishRejectedException.Reason.CLOSED);
    }
    Delivery[] batch = null;
    int count = 0;
    @Nullable String @Nullable [] screened = null;
    for (int i = 0; i < n; i++) {
      Route r = routes[i];
      String reason;
      try {
        reason = r.screen(event);
      } catch (RuntimeException e) {
        Delivery d = new Delivery(r, event, sink, i, null);
        d.state = Delivery.DONE;
        deadLetter(d, "the endpoint's filter or the format's skipReason failed: "
            + Texts.error(e, r.endpoint.url()));
        continue;
      }
      if (reason != null) {
        if (screened == null) {
          screened = new String[n];
        }
        screened[i] = reason;
        continue;
      }
      if (batch == null) {
        batch = new Delivery[n - i];
      }
      batch[count++] = new Delivery(r, event, sink, i, null);
    }
    if (count == 0) {
      if (screened != null) {
        reportScreened(event, sink, screened);
      }
      return sink;
    }
    if (screened != null) {
      // Reported by the worker that starts one of the event's deliveries, not here: results,
      // listener calls and their cold code cost the host about a microsecond per endpoint after
      // it has been idle. Published to the workers by the lock round in enqueue.
      sink.screened = screened;
    }
    Object queued = enqueue(batch, count);
    if (queued instanceof PublishRejectedException.Reason) {
      PublishRejectedException.Reason refused = (PublishRejectedException.Reason) queued;
      if (refused == PublishRejectedException.Reason.QUEUE_FULL
          && overflowPolicy == OverflowPolicy.DEAD_LETTER) {
        String why = "queue full (" + capacity + " deliveries held); not sent."
            + " Redeliver when receivers recover";
        for (int k = 0; k < count; k++) {
          batch[k].state = Delivery.DONE;
          deadLetter(batch[k], why);
        }
        return sink;
      }
      return reject(event, sink, refused);
    }
    announce(batch, count, (Worker) queued);
    return sink;
  }

  private CompletableFuture<PublishResult> reject(
      MediaEvent event, ResultSink.Publish sink, PublishRejectedException.Reason reason) {
    PublishRejectedException e = rejection(event.id(), reason);
    listener.rejected(event, e);
    sink.completeExceptionally(e);
    return sink;
  }

  private PublishRejectedException rejection(String eventId, PublishRejectedException.Reason r) {
    String message = r == PublishRejectedException.Reason.CLOSED
        ? "event " + eventId + " not accepted: MediaWebhooks is closed"
        : "event " + eventId + " not accepted: the queue is full (" + capacity
            + " deliveries held: queued, in flight or waiting for a retry). Receivers are slow or"
            + " down; raise queueCapacity, add workers, or keep the event and publish it later";
    return new PublishRejectedException(eventId, r, message);
  }

  /**
   * The one lock round of a publish: reserves room for all of the batch or none, and appends it
   * to its lanes as {@link Delivery#NEW} (workers do not start those yet). When it returns no
   * reason, the caller must {@link #announce} the batch.
   *
   * @return a {@link PublishRejectedException.Reason} when nothing was queued; else the {@link
   *     Worker} to wake once the batch is announced, or null when nobody needs waking (one
   *     result instead of a holder object: this runs on the host's thread for every publish)
   */
  private @Nullable Object enqueue(Delivery[] batch, int count) {
    lock.lock();
    try {
      if (!accepting) {
        return PublishRejectedException.Reason.CLOSED;
      }
      if (count > capacity - heldCount) {
        return PublishRejectedException.Reason.QUEUE_FULL;
      }
      for (int k = 0; k < count; k++) {
        Delivery d = batch[k];
        link(d);
        d.route.pending.addLast(d);
        offerLane(d.route);
      }
      heldCount += count;
      return wakeTarget();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Tells the listener each delivery of an enqueued batch is queued and releases it to the
   * workers, then wakes the worker {@link #enqueue} chose: the last thing a publish does, outside
   * the lock, so a woken worker that preempts this thread cannot hold it inside the lock.
   */
  private void announce(Delivery[] batch, int count, @Nullable Worker wake) {
    boolean deferred = false;
    for (int k = 0; k < count; k++) {
      Delivery d = batch[k];
      listener.enqueued(d.event, d.route.endpoint);
      // Fails when a worker got there first (DEFERRED) or close ended it (DONE).
      if (!Delivery.STATE.compareAndSet(d, Delivery.NEW, Delivery.QUEUED)) {
        deferred = true;
      }
    }
    if (deferred) {
      lock.lock();
      try {
        // Back at the head of their lanes, where the worker found them; in reverse so that two
        // of one lane keep their order.
        for (int k = count - 1; k >= 0; k--) {
          Delivery d = batch[k];
          if (d.state == Delivery.DEFERRED) {
            d.state = Delivery.QUEUED;
            d.route.pending.addFirst(d);
            offerLane(d.route);
          }
        }
        if (wake == null) {
          wake = wakeTarget();
        }
      } finally {
        lock.unlock();
      }
    }
    if (wake != null) {
      LockSupport.unpark(wake);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Workers

  /** A worker thread, with what the wake-up protocol and rendering ahead keep per worker. */
  final class Worker extends Thread {
    /** Set (under the lock) by whoever took this worker off the parked stack. */
    volatile boolean woken;
    /**
     * The delivery this worker renders once its own request is on the wire (see {@link
     * #markAhead}), or null; only this thread reads or writes it after {@link #next} set it.
     */
    @Nullable Delivery ahead;
    /** The number of the attempt to render for {@link #ahead}. */
    int aheadNumber;

    Worker(String name) {
      super(name);
    }

    @Override
    public void run() {
      work(this);
    }

    /** Renders {@link #ahead}, if set; called by a transport on this thread (see RenderAhead). */
    void renderAhead() {
      Delivery d = ahead;
      if (d != null) {
        ahead = null;
        Engine.this.renderAhead(d, aheadNumber);
      }
    }
  }

  private void work(Worker me) {
    // The body of this loop lives in two methods called once per delivery, which the JIT compiles
    // as usual. Inline here, in a method each worker enters once and never leaves, it ran in the
    // interpreter until an on-stack replacement, and then in profiling code: measured with perf,
    // 4.5% of the workers' CPU at concurrency 8 was interpreter frames, 7 s into a run.
    Route finished = null;
    for (;;) {
      Delivery d = next(me, finished);
      if (d == null) {
        return;
      }
      run(d);
      finished = d.route;
    }
  }

  /**
   * The lock round between two deliveries: gives back the finished delivery's lane slot, takes
   * the next delivery (parking while there is none) and hands surplus work to a parked worker.
   *
   * @param finished the lane of the delivery this worker just ran, or null
   * @return the delivery to run, now {@link Delivery#RUNNING}; null when the engine stops
   */
  private @Nullable Delivery next(Worker me, @Nullable Route finished) {
    Delivery d;
    Worker wake = null;
    me.ahead = null; // its transport never got to it (it sends no body, or has no such hook)
    lock.lock();
    try {
      // Holding the lock, this worker will see all work queued so far: no longer on its way.
      searching.decrementAndGet();
      if (finished != null) {
        // One lock round per delivery: give back the lane's slot and take the next delivery.
        finished.inFlight--;
        offerLane(finished);
      }
      for (;;) {
        if (stopping) {
          return null;
        }
        Route r = ready.pollFirst();
        if (r != null) {
          r.inReady = false;
          d = r.pending.pollFirst();
          if (d == null) {
            continue;
          }
          if (d.state == Delivery.NEW
              && Delivery.STATE.compareAndSet(d, Delivery.NEW, Delivery.DEFERRED)) {
            // Its publish has not told the listener yet; the publish puts it back.
            offerLane(r);
            continue;
          }
          if (d.state != Delivery.QUEUED) {
            offerLane(r); // ended by close while queued
            continue;
          }
          d.state = Delivery.RUNNING;
          r.inFlight++;
          if (r.inFlight >= r.maxConcurrency && r.lastBodyLength >= AHEAD_MIN_BODY_BYTES) {
            markAhead(me, r);
          }
          offerLane(r); // back to the ring's tail: endpoints take turns
          // More work than this worker: hand the rest to a parked one (unless one is coming).
          wake = wakeTarget();
          break;
        }
        parkLocked(me);
      }
    } finally {
      lock.unlock();
    }
    if (wake != null) {
      LockSupport.unpark(wake);
    }
    return d;
  }

  /**
   * Chooses the delivery this worker renders while its own request waits for the response: the
   * first of the lane's next few that nobody renders yet. Only for a lane at its concurrency
   * limit, whose deliveries cannot start before one in flight ends, so rendering one ahead
   * takes nothing from an idle worker; and it costs no time: a worker waiting for a response has
   * nothing else to do (at concurrency 1 a 9.5 KB Fotoware body took a fifth of each delivery
   * when rendered between the response and the next request). Caller holds the lock.
   */
  private void markAhead(Worker me, Route r) {
    int looked = 0;
    for (Delivery next : r.pending) {
      if (looked++ == r.maxConcurrency) {
        return; // beyond what the lane's requests in flight will make room for
      }
      Object ahead = next.ahead;
      if (next.state == Delivery.QUEUED && (ahead == null || ahead == Delivery.TAKEN)) {
        next.ahead = Delivery.PREPARING;
        me.ahead = next;
        me.aheadNumber = next.attempts + 1;
        return;
      }
    }
  }

  /**
   * Renders the next attempt of a delivery {@link #markAhead} chose, on a worker whose own
   * request is on the wire (see RenderAhead). The attempt that starts later takes it if it is
   * still the same attempt and no older than {@link #MAX_AHEAD_AGE}; a failure is left for that
   * attempt to meet and report.
   */
  private void renderAhead(Delivery d, int number) {
    if (d.ahead != Delivery.PREPARING) {
      return; // already started
    }
    Attempt attempt = Attempt.of(number, Ids.uuid(random), clock.instant());
    try {
      Optional<WebhookPayload> payload = d.route.endpoint.format().render(d.event, attempt);
      if (payload.isPresent()) {
        Delivery.AHEAD.compareAndSet(d, Delivery.PREPARING,
            new Delivery.Prepared(attempt, payload.get()));
      }
    } catch (Exception | LinkageError | StackOverflowError e) {
      // Not this request's failure, which is on the wire: the attempt renders again and reports
      // it with its own context.
    }
  }

  /** Runs one delivery taken by {@link #next}; never throws. */
  private void run(Delivery d) {
    Thread.interrupted(); // a stale interrupt from close must not abort the next call
    try {
      process(d);
    } catch (Throwable t) {
      Route r = d.route;
      LOG.error("delivery of event {} to {} failed unexpectedly", d.event.id(), r.name, t);
      try {
        if (release(d)) {
          deadLetter(d, "unexpected error: " + Texts.error(t, r.endpoint.url()));
        }
      } catch (Throwable again) {
        LOG.error("could not dead-letter event {} for {}", d.event.id(), r.name, again);
      }
    }
    // On its way back to the queue: work queued until it gets the lock needs no wake-up.
    searching.incrementAndGet();
  }

  /**
   * Parks the calling worker until someone takes it off the stack ({@link #wakeTarget}, or close);
   * caller holds the lock, which is released while parked and held again on return.
   */
  private void parkLocked(Worker me) {
    if (!watching && watchNanos > 0 && !stopping) {
      watch();
      if (stopping || !ready.isEmpty()) {
        return; // the caller's loop takes the work (or stops)
      }
    }
    me.woken = false;
    parked[parkedCount++] = me;
    lock.unlock();
    try {
      while (!me.woken) {
        LockSupport.park(this);
        // close interrupts to abort calls; an interrupt must not turn this loop into a spin
        Thread.interrupted();
      }
      // When no other core is idle, the scheduler puts a woken thread on its waker's core and
      // lets it preempt the waker: here the host's thread, still inside publish. Measured on 2
      // cores (PublishBenchmark's idle pacing, counting the host thread's involuntary context
      // switches): without the yield, 10 to 60% of publishes to parked workers were preempted,
      // for 40 to 100 us each; with it, under 1%, and p99 fell from 60-80 us to 10-20 us.
      // Deliveries are background work and go second: one yield hands the core back to a
      // preempted host at once and costs well under a microsecond when nothing else wants the
      // core. Not a spin: once per wake-up.
      Thread.yield();
    } finally {
      lock.lock();
    }
    searching.decrementAndGet(); // the waker counted this worker as on its way
  }

  /**
   * Looks for work every {@value #WATCH_POLL_NANOS} ns for up to {@code watchNanos}, instead of
   * parking until woken; caller holds the lock, which is released between looks and held again
   * on return. One worker at a time does this, and while it does it counts as on its way to the
   * queue, so {@code publish} wakes nobody: waking a parked thread costs the host 5 to 12 us on a
   * virtual machine (more the longer the machine was idle), a look costs the watcher about 2 us
   * of its own time per millisecond. The price is up to a millisecond before a delivery starts,
   * and a thousand short wake-ups a second for {@code watchNanos} after the last delivery.
   */
  private void watch() {
    watching = true;
    searching.incrementAndGet();
    long deadline = System.nanoTime() + watchNanos;
    try {
      do {
        lock.unlock();
        try {
          LockSupport.parkNanos(this, WATCH_POLL_NANOS);
          Thread.interrupted(); // close interrupts; the loop re-checks stopping
        } finally {
          lock.lock();
        }
      } while (!stopping && ready.isEmpty() && System.nanoTime() - deadline < 0);
    } finally {
      watching = false;
      searching.decrementAndGet();
    }
  }

  /**
   * Takes a parked worker off the stack when there is ready work and no worker already on its
   * way to it; caller holds the lock and unparks the result after releasing it.
   *
   * @return the worker to unpark, or null
   */
  private @Nullable Worker wakeTarget() {
    if (parkedCount == 0 || ready.isEmpty() || searching.get() > 0) {
      return null;
    }
    Worker s = parked[--parkedCount];
    parked[parkedCount] = null;
    searching.incrementAndGet();
    s.woken = true;
    return s;
  }

  /** Puts a lane in the ring if it has work and room; caller holds the lock. */
  private void offerLane(Route r) {
    if (!r.inReady && r.inFlight < r.maxConcurrency && !r.pending.isEmpty()) {
      ready.addLast(r);
      r.inReady = true;
    }
  }

  private void process(Delivery d) {
    reportScreened(d.event, d.sink);
    if (d.state == Delivery.DONE) {
      return; // ended by close while queued
    }
    Step step = attempt(d);
    switch (step.kind) {
      case DELIVERED:
        if (release(d)) {
          delivered(d, step.status);
        }
        break;
      case FILTERED:
        if (release(d)) {
          filtered(d.route, d.event, d.sink, d.index, d.attempts, step.reasonText(),
              d.redeliveryOf);
        }
        break;
      case GIVE_UP:
        if (release(d)) {
          deadLetter(d, step.reasonText());
        }
        break;
      default:
        scheduleRetry(d, step);
    }
  }

  private void scheduleRetry(Delivery d, Step step) {
    RetryPolicy policy = d.route.endpoint.retryPolicy();
    Optional<Duration> next = policy.nextDelay(d.attempts, random.nextDouble());
    if (next.isEmpty()) {
      if (release(d)) {
        deadLetter(d, exhausted(d, policy, step));
      }
      return;
    }
    Duration delay = Retries.nextDelay(next.get(), step.retryAfter, step.throttled,
        policy.throttledMinimum());
    Instant due = clock.instant().plus(delay);
    boolean tooLate = false;
    lock.lock();
    try {
      if (d.state == Delivery.DONE) {
        return;
      }
      if (!accepting && closeDeadline != null && due.isAfter(closeDeadline)) {
        tooLate = releaseLocked(d);
      } else {
        d.state = Delivery.WAITING;
        d.dueAt = due;
      }
    } finally {
      lock.unlock();
    }
    if (tooLate) {
      deadLetter(d, "closed: " + step.reasonText() + "; the next attempt was due at " + due
          + ", after the close deadline");
      return;
    }
    listener.retryScheduled(d.event, d.route.endpoint, step.attempt, due, step.reasonText());
    try {
      d.timer = scheduler.schedule(delay, () -> requeue(d));
      if (d.state == Delivery.DONE) {
        cancelTimer(d); // close ended it before it could see the timer (both fields volatile)
      }
    } catch (RuntimeException e) {
      if (release(d)) {
        deadLetter(d, step.reasonText() + "; the retry could not be scheduled: "
            + Texts.error(e, d.route.endpoint.url()));
      }
    }
  }

  private void requeue(Delivery d) {
    Worker wake;
    lock.lock();
    try {
      if (d.state != Delivery.WAITING) {
        return;
      }
      d.state = Delivery.QUEUED;
      d.timer = null;
      d.route.pending.addLast(d);
      offerLane(d.route);
      wake = wakeTarget();
    } finally {
      lock.unlock();
    }
    if (wake != null) {
      LockSupport.unpark(wake);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // One attempt (worker or deliver() caller)

  private Step attempt(Delivery d) {
    Route r = d.route;
    WebhookEndpoint endpoint = r.endpoint;
    MediaEvent event = d.event;
    int number = ++d.attempts;
    Delivery.Prepared prepared = takeAhead(d, number);
    Attempt attempt = prepared != null ? prepared.attempt()
        : Attempt.of(number, Ids.uuid(random), clock.instant());
    listener.attemptStarted(event, endpoint, attempt);
    long start = System.nanoTime();
    WebhookResponse response = null;
    Throwable error = null;
    Step step;
    try {
      Optional<WebhookPayload> rendered = prepared != null ? Optional.of(prepared.payload())
          : endpoint.format().render(event, attempt);
      if (rendered.isEmpty()) {
        step = Step.filtered(attempt,
            "format " + endpoint.format().name() + " has no message for this event");
      } else {
        WebhookPayload payload = rendered.get();
        d.eventName = payload.eventName();
        r.lastBodyLength = payload.bodyLength();
        WebhookRequest unsigned = r.request(payload);
        WebhookRequest request = sign(r, authenticate(r, unsigned), event, attempt);
        response = transport.send(request);
        if (response.status() == 401 && endpoint.auth().onUnauthorized(request, r.authContext)) {
          // Fresh credentials: authenticate and sign again, and resend once in this attempt.
          request = sign(r, authenticate(r, unsigned), event, attempt);
          response = transport.send(request);
        }
        step = classify(attempt, response);
      }
    } catch (FormatException e) {
      error = e;
      step = Step.giveUp(attempt, "format " + endpoint.format().name()
          + " cannot render the event: " + Texts.redact(String.valueOf(e.getMessage()),
              endpoint.url()));
    } catch (DestinationRefusedException e) {
      error = e;
      step = Step.giveUp(attempt, String.valueOf(e.getMessage()));
    } catch (AuthenticationException e) {
      error = e;
      String why = "authentication failed: " + Texts.redact(String.valueOf(e.getMessage()),
          endpoint.url());
      step = e.retryable() ? Step.retry(attempt, why, null, false) : Step.giveUp(attempt, why);
    } catch (InterruptedIOException e) {
      // SocketTimeoutException and OkHttp's call timeout; the receiver is likely overloaded
      error = e;
      step = Step.retry(attempt, "timeout: " + Texts.error(e, endpoint.url()), null, true);
    } catch (IOException e) {
      error = e;
      step = Step.retry(attempt, "I/O error: " + Texts.error(e, endpoint.url()), null, false);
    } catch (RuntimeException e) {
      // A bug in a format, auth, signer or transport: retrying the same code will not help.
      error = e;
      step = Step.giveUp(attempt, "unexpected error: " + Texts.error(e, endpoint.url()));
    } catch (Exception e) {
      // Kotlin code (OkHttp) can throw checked exceptions javac does not know of; an interrupt
      // (close, or a host interrupting deliver()) surfaces as InterruptedException this way.
      error = e;
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        step = Step.retry(attempt, "interrupted: " + Texts.error(e, endpoint.url()), null, false);
      } else {
        step = Step.giveUp(attempt, "unexpected error: " + Texts.error(e, endpoint.url()));
      }
    }
    listener.attemptFinished(event, endpoint, attempt, response, error,
        Duration.ofNanos(System.nanoTime() - start));
    if (response != null) {
      d.lastStatus = response.status();
      d.lastError = response.isSuccessful() ? null : r.shared(statusLine(response));
    } else {
      d.lastStatus = null;
      d.lastError = error != null ? r.shared(Texts.error(error, endpoint.url())) : null;
    }
    return step;
  }

  /**
   * The attempt rendered ahead for this delivery, if it is attempt {@code number} and fresh;
   * either way, a rendering still under way is no longer wanted.
   */
  private Delivery.@Nullable Prepared takeAhead(Delivery d, int number) {
    if (d.ahead == null) {
      return null; // never chosen: nobody renders it
    }
    Object ahead = Delivery.AHEAD.getAndSet(d, Delivery.TAKEN);
    if (!(ahead instanceof Delivery.Prepared)) {
      return null;
    }
    Delivery.Prepared p = (Delivery.Prepared) ahead;
    // Signatures carry the attempt's time: a body that waited behind a slow request is
    // rendered afresh rather than sent with an old timestamp.
    if (p.attempt().number() != number
        || Duration.between(p.attempt().time(), clock.instant()).compareTo(MAX_AHEAD_AGE) > 0) {
      return null;
    }
    return p;
  }

  private static WebhookRequest authenticate(Route r, WebhookRequest request) throws IOException {
    WebhookRequest authenticated = r.endpoint.auth().authenticate(request, r.authContext);
    if (authenticated == null) {
      throw new IllegalStateException("EndpointAuth " + r.endpoint.auth() + " returned null");
    }
    return authenticated;
  }

  private static WebhookRequest sign(
      Route r, WebhookRequest request, MediaEvent event, Attempt attempt) {
    RequestSigner signer = r.endpoint.signer();
    if (signer == null) {
      return request;
    }
    Map<String, String> headers =
        signer.sign(new RequestSigner.Input(event.id(), attempt.time(), request.body()));
    if (headers.isEmpty()) {
      return request;
    }
    WebhookRequest.Builder b = request.newBuilder();
    headers.forEach(b::setHeader);
    return b.build();
  }

  private Step classify(Attempt attempt, WebhookResponse response) {
    int s = response.status();
    if (s >= 200 && s < 300) {
      return Step.delivered(attempt, s);
    }
    String status = "HTTP " + s;
    if (s == 408 || s == 425 || s == 429 || s >= 500) {
      Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock.instant());
      return Step.retry(attempt, status, retryAfter, s == 429);
    }
    if (s >= 300 && s < 400) {
      return Step.giveUp(attempt, status + ": redirects are not followed; point the endpoint at"
          + " the final URL" + location(response));
    }
    return Step.giveUp(attempt, status + " is not retryable");
  }

  private static String location(WebhookResponse response) {
    String location = response.header("Location");
    return location == null ? "" : " (Location: " + Redaction.url(Texts.oneLine(location, 500))
        + ")";
  }

  private static String statusLine(WebhookResponse response) {
    String snippet = Texts.oneLine(response.bodySnippet(), Texts.SNIPPET_CHARS);
    return "HTTP " + response.status() + (snippet.isEmpty() ? "" : ": " + snippet);
  }

  private static String exhausted(Delivery d, RetryPolicy policy, Step step) {
    return "gave up after " + d.attempts + (d.attempts == 1 ? " attempt" : " attempts")
        + " (the retry policy allows " + policy.maxAttempts() + "); last: " + step.reasonText();
  }

  // ---------------------------------------------------------------------------------------------
  // Ending a delivery

  /** Ends a held delivery; false when it had already ended (close won). */
  private boolean release(Delivery d) {
    lock.lock();
    try {
      return releaseLocked(d);
    } finally {
      lock.unlock();
    }
  }

  private boolean releaseLocked(Delivery d) {
    if (d.state == Delivery.DONE) {
      return false;
    }
    boolean wasHeld = d.next != null;
    d.state = Delivery.DONE;
    if (wasHeld) {
      unlink(d);
      if (--heldCount == 0) {
        drained.signalAll();
      }
    }
    return true;
  }

  private void link(Delivery d) {
    Delivery last = held.prev;
    d.prev = last;
    d.next = held;
    last.next = d;
    held.prev = d;
  }

  private void unlink(Delivery d) {
    d.prev.next = d.next;
    d.next.prev = d.prev;
    d.prev = null;
    d.next = null;
  }

  private void delivered(Delivery d, int status) {
    String eventName = d.eventName != null ? d.eventName : "";
    DeliveryResult result =
        DeliveryResult.delivered(d.event.id(), d.route.name, eventName, d.attempts, status);
    resolved(d.redeliveryOf);
    listener.delivered(d.event, d.route.endpoint, result);
    d.sink.accept(d.index, result);
  }

  private void filtered(Route r, MediaEvent event, ResultSink sink, int index, int attempts,
      String reason) {
    filtered(r, event, sink, index, attempts, reason, null);
  }

  private void filtered(Route r, MediaEvent event, ResultSink sink, int index, int attempts,
      String reason, @Nullable String redeliveryOf) {
    DeliveryResult result = DeliveryResult.filtered(event.id(), r.name, attempts, reason);
    resolved(redeliveryOf);
    listener.filtered(event, r.endpoint, result);
    sink.accept(index, result);
  }

  /**
   * Reports the endpoints a publish filtered, if nobody has yet. Called where an event's queued
   * delivery starts ({@link #process}, which every delivered or filtered result of a queued
   * delivery goes through) and where one ends without starting ({@link #deadLetter}: close, an
   * overflow). Exactly once per publish.
   */
  private void reportScreened(MediaEvent event, ResultSink sink) {
    if (sink instanceof ResultSink.Publish) {
      @Nullable String @Nullable [] screened = ((ResultSink.Publish) sink).takeScreened();
      if (screened != null) {
        reportScreened(event, sink, screened);
      }
    }
  }

  private void reportScreened(MediaEvent event, ResultSink sink, @Nullable String[] screened) {
    for (int i = 0; i < screened.length; i++) {
      String reason = screened[i];
      if (reason != null) {
        filtered(routes[i], event, sink, i, 0, reason);
      }
    }
  }

  /** A redelivered dead letter that ended well leaves the store. */
  private void resolved(@Nullable String deadLetterId) {
    if (deadLetterId != null) {
      try {
        store.remove(deadLetterId);
      } catch (RuntimeException e) {
        LOG.error("dead-letter store failed to remove {} after its redelivery", deadLetterId, e);
      }
    }
  }

  private void deadLetter(Delivery d, String reason) {
    String id = d.redeliveryOf != null ? d.redeliveryOf : Ids.uuid(random);
    DeadLetter letter = DeadLetter.builder()
        .id(id)
        .endpointName(d.route.name)
        .event(d.event)
        .eventName(d.eventName)
        .attempts(d.attempts)
        .lastStatus(d.lastStatus)
        .lastError(d.lastError)
        .reason(reason)
        .time(clock.instant())
        .build();
    try {
      store.add(letter);
    } catch (RuntimeException e) {
      LOG.error("dead-letter store failed to keep {}", letter, e);
      letter = letter.newBuilder()
          .reason(reason + " (not kept: the dead-letter store failed: " + e + ")")
          .build();
    }
    DeliveryResult result = DeliveryResult.deadLettered(letter);
    reportScreened(d.event, d.sink);
    listener.deadLettered(d.event, d.route.endpoint, result);
    d.sink.accept(d.index, result);
  }

  // ---------------------------------------------------------------------------------------------
  // Synchronous delivery (caller's thread)

  /**
   * Delivers on the caller's thread within the retry window.
   *
   * @param event the event
   * @return the results
   */
  public PublishResult deliver(MediaEvent event) {
    if (closed) {
      throw new IllegalStateException("MediaWebhooks is closed");
    }
    Instant windowEnd = clock.instant().plus(deliverRetryWindow);
    ResultSink.Publish sink = new ResultSink.Publish(event.id(), routes.length);
    for (int i = 0; i < routes.length; i++) {
      Route r = routes[i];
      Delivery d = new Delivery(r, event, sink, i, null);
      d.state = Delivery.RUNNING;
      String reason;
      try {
        reason = r.screen(event);
      } catch (RuntimeException e) {
        d.state = Delivery.DONE;
        deadLetter(d, "the endpoint's filter or the format's skipReason failed: "
            + Texts.error(e, r.endpoint.url()));
        continue;
      }
      if (reason != null) {
        filtered(r, event, sink, i, 0, reason);
        continue;
      }
      deliverNow(d, windowEnd);
    }
    return sink.join();
  }

  private void deliverNow(Delivery d, Instant windowEnd) {
    RetryPolicy policy = d.route.endpoint.retryPolicy();
    for (;;) {
      Step step = attempt(d);
      switch (step.kind) {
        case DELIVERED:
          d.state = Delivery.DONE;
          delivered(d, step.status);
          return;
        case FILTERED:
          d.state = Delivery.DONE;
          filtered(d.route, d.event, d.sink, d.index, d.attempts, step.reasonText());
          return;
        case GIVE_UP:
          d.state = Delivery.DONE;
          deadLetter(d, step.reasonText());
          return;
        default:
          break;
      }
      Optional<Duration> next = policy.nextDelay(d.attempts, random.nextDouble());
      if (next.isEmpty()) {
        d.state = Delivery.DONE;
        deadLetter(d, exhausted(d, policy, step));
        return;
      }
      Duration delay = Retries.nextDelay(next.get(), step.retryAfter, step.throttled,
          policy.throttledMinimum());
      Instant due = clock.instant().plus(delay);
      if (due.isAfter(windowEnd)) {
        d.state = Delivery.DONE;
        deadLetter(d, step.reasonText() + "; the next attempt, due at " + due
            + ", is after deliver()'s retry window of " + deliverRetryWindow
            + ": redeliver the dead letter to continue in the background");
        return;
      }
      listener.retryScheduled(d.event, d.route.endpoint, step.attempt, due, step.reasonText());
      String interrupted = await(delay);
      if (interrupted != null) {
        d.state = Delivery.DONE;
        deadLetter(d, step.reasonText() + "; " + interrupted + " while deliver() waited for"
            + " the next attempt");
        return;
      }
    }
  }

  /** Waits on the scheduler; null when the wait ended normally, else what cut it short. */
  private @Nullable String await(Duration delay) {
    if (delay.isZero()) {
      return null;
    }
    CompletableFuture<Void> wait = new CompletableFuture<>();
    syncWaits.add(wait);
    DeliveryScheduler.Cancellable timer = null;
    try {
      if (closed) {
        return "closed";
      }
      timer = scheduler.schedule(delay, () -> wait.complete(null));
      wait.get();
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (ExecutionException | CancellationException e) {
      return "closed";
    } catch (RuntimeException e) {
      return "the wait could not be scheduled (" + e + ")";
    } finally {
      syncWaits.remove(wait);
      if (timer != null) {
        timer.cancel();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Dead letters

  /**
   * The store's entries.
   *
   * @return the entries
   */
  public List<DeadLetter> deadLetters() {
    return store.list();
  }

  /**
   * Redelivers one dead letter in the background.
   *
   * @param id the dead letter's id
   * @return the result's future
   */
  public CompletableFuture<DeliveryResult> redeliver(String id) {
    CompletableFuture<DeliveryResult> running = redelivering.get(id);
    if (running != null) {
      return running;
    }
    Optional<DeadLetter> letter = store.get(id);
    if (letter.isEmpty()) {
      return CompletableFuture.failedFuture(
          new NoSuchElementException("no dead letter with id " + id));
    }
    Route r = byName.get(letter.get().endpointName());
    if (r == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("dead letter " + id
          + " is for endpoint '" + letter.get().endpointName()
          + "', which this MediaWebhooks does not have"));
    }
    ResultSink.Single sink = new ResultSink.Single();
    CompletableFuture<DeliveryResult> earlier = redelivering.putIfAbsent(id, sink);
    if (earlier != null) {
      return earlier;
    }
    Delivery d = new Delivery(r, letter.get().event(), sink, 0, id);
    Delivery[] batch = {d};
    Object queued = enqueue(batch, 1);
    if (queued instanceof PublishRejectedException.Reason) {
      redelivering.remove(id, sink);
      PublishRejectedException e =
          rejection(d.event.id(), (PublishRejectedException.Reason) queued);
      listener.rejected(d.event, e);
      return CompletableFuture.failedFuture(e);
    }
    sink.whenComplete((result, error) -> redelivering.remove(id, sink));
    announce(batch, 1, (Worker) queued);
    return sink;
  }

  /**
   * Redelivers every dead letter whose endpoint is configured, all or none.
   *
   * @return the results' future
   */
  public CompletableFuture<List<DeliveryResult>> redeliverAll() {
    List<CompletableFuture<DeliveryResult>> futures = new ArrayList<>();
    List<Delivery> batch = new ArrayList<>();
    List<ResultSink.Single> sinks = new ArrayList<>();
    for (DeadLetter letter : store.list()) {
      CompletableFuture<DeliveryResult> running = redelivering.get(letter.id());
      if (running != null) {
        futures.add(running);
        continue;
      }
      Route r = byName.get(letter.endpointName());
      if (r == null) {
        LOG.warn("dead letter {} is for endpoint '{}', which is not configured; left in the"
            + " store", letter.id(), letter.endpointName());
        continue;
      }
      ResultSink.Single sink = new ResultSink.Single();
      if (redelivering.putIfAbsent(letter.id(), sink) != null) {
        futures.add(redelivering.get(letter.id()));
        continue;
      }
      batch.add(new Delivery(r, letter.event(), sink, 0, letter.id()));
      sinks.add(sink);
      futures.add(sink);
    }
    if (!batch.isEmpty()) {
      Delivery[] array = batch.toArray(new Delivery[0]);
      Object queued = enqueue(array, array.length);
      if (queued instanceof PublishRejectedException.Reason) {
        for (Delivery d : array) {
          redelivering.remove(d.redeliveryOf);
        }
        PublishRejectedException e =
            rejection(array[0].event.id(), (PublishRejectedException.Reason) queued);
        listener.rejected(array[0].event, e);
        return CompletableFuture.failedFuture(e);
      }
      for (int i = 0; i < array.length; i++) {
        String id = array[i].redeliveryOf;
        CompletableFuture<DeliveryResult> f = sinks.get(i);
        f.whenComplete((result, error) -> redelivering.remove(id, f));
      }
      announce(array, array.length, (Worker) queued);
    }
    CompletableFuture<?>[] all = futures.toArray(new CompletableFuture<?>[0]);
    return CompletableFuture.allOf(all).thenApply(v -> {
      List<DeliveryResult> results = new ArrayList<>(futures.size());
      for (CompletableFuture<DeliveryResult> f : futures) {
        results.add(f.join());
      }
      return results;
    });
  }

  /**
   * Drops one dead letter.
   *
   * @param id the id
   * @return whether one was removed
   */
  public boolean discard(String id) {
    return store.remove(id);
  }

  /**
   * Drops every dead letter.
   *
   * @return how many
   */
  public int discardAll() {
    return store.removeAll();
  }

  // ---------------------------------------------------------------------------------------------
  // State and closing

  /**
   * Deliveries held.
   *
   * @return the count
   */
  public int pendingCount() {
    lock.lock();
    try {
      return heldCount;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Whether closing has begun.
   *
   * @return true once closed
   */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Stops intake, drains within the timeout, dead-letters the rest and releases resources.
   *
   * @param timeout how long to drain
   * @return the counts
   */
  public CloseResult close(Duration timeout) {
    if (!closeStarted.compareAndSet(false, true)) {
      return closeResult.join();
    }
    closed = true;
    long timeoutNanos = saturatedNanos(timeout);
    long deadlineNanos = System.nanoTime() + timeoutNanos;
    Instant clockDeadline = clock.instant().plus(timeout);
    int pending;
    List<Delivery> late = new ArrayList<>();
    lock.lock();
    try {
      accepting = false;
      closeDeadline = clockDeadline;
      pending = heldCount;
      for (Delivery d = held.next; d != held; d = d.next) {
        if (d.state == Delivery.WAITING && d.dueAt != null && d.dueAt.isAfter(clockDeadline)) {
          late.add(d);
        }
      }
      for (Delivery d : late) {
        releaseLocked(d);
      }
    } finally {
      lock.unlock();
    }
    for (Delivery d : late) {
      cancelTimer(d);
      deadLetter(d, "closed: the next attempt was due at " + d.dueAt
          + ", after the close deadline (" + d.attempts + " attempts made; last: "
          + (d.lastError != null ? d.lastError : "none") + ")");
    }
    for (CompletableFuture<Void> wait : syncWaits) {
      wait.completeExceptionally(new CancellationException("closed"));
    }

    List<Delivery> leftovers = new ArrayList<>();
    boolean interrupted = false;
    lock.lock();
    try {
      long remaining = deadlineNanos - System.nanoTime();
      while (heldCount > 0 && remaining > 0) {
        try {
          remaining = drained.awaitNanos(remaining);
        } catch (InterruptedException e) {
          interrupted = true;
          break;
        }
      }
      for (Delivery d = held.next; d != held; d = d.next) {
        leftovers.add(d);
      }
      for (Delivery d : leftovers) {
        releaseLocked(d);
      }
      stopping = true;
      while (parkedCount > 0) {
        Worker s = parked[--parkedCount];
        parked[parkedCount] = null;
        searching.incrementAndGet();
        s.woken = true;
        LockSupport.unpark(s); // under the lock: close is not a hot path
      }
    } finally {
      lock.unlock();
    }
    for (Delivery d : leftovers) {
      cancelTimer(d);
      deadLetter(d, "closed before the delivery ended (" + d.attempts + " attempts made; last: "
          + (d.lastError != null ? d.lastError : "none") + ")");
    }
    if (!leftovers.isEmpty()) {
      for (Thread t : workers) {
        t.interrupt(); // aborts requests still in flight
      }
    }
    if (ownedTimer != null) {
      ownedTimer.shutdownNow();
    }
    if (ownsTransport) {
      try {
        transport.close();
      } catch (RuntimeException e) {
        LOG.warn("closing the transport failed", e);
      }
    }
    int deadLettered = late.size() + leftovers.size();
    CloseResult result = CloseResult.of(pending, Math.max(0, pending - deadLettered),
        deadLettered);
    closeResult.complete(result);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return result;
  }

  private static void cancelTimer(Delivery d) {
    DeliveryScheduler.Cancellable timer = d.timer;
    if (timer != null) {
      try {
        timer.cancel();
      } catch (RuntimeException e) {
        LOG.debug("cancelling a retry timer failed", e);
      }
    }
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 2;
    }
  }
}
