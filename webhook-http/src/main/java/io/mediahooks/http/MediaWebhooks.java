package io.mediahooks.http;

import io.mediahooks.core.MediaEvent;
import io.mediahooks.http.internal.Engine;
import io.mediahooks.http.internal.EngineConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The façade a host keeps for its lifetime: renders each published {@link MediaEvent} in every
 * endpoint's format and delivers it over HTTP with auth, signatures, retries, dead letters and
 * the destination guard, without ever blocking or failing the host's media code.
 *
 * <p><strong>Share one.</strong> Like an {@code OkHttpClient}, a {@code MediaWebhooks} owns
 * threads, a queue and connections; build one at start-up with {@link #builder()}, use it from any
 * thread, and {@link #close()} it at shutdown. It is thread-safe.
 *
 * <h2>Publishing</h2>
 * {@link #publish(MediaEvent)} returns at once, on the host's thread: it checks each endpoint's
 * enabled flag, {@link EventFilter} and the format's {@link
 * io.mediahooks.core.WebhookFormat#skipReason skipReason} (cheap checks, no rendering, no I/O),
 * records filtered endpoints, and queues one delivery per remaining endpoint. Worker threads then
 * render, authenticate, sign and send each delivery, retrying per the endpoint's {@link
 * RetryPolicy}. For every endpoint the event ends in exactly one {@link DeliveryResult}:
 * delivered, filtered (with the reason) or dead-lettered (with the reason); the returned future
 * completes with all of them in a {@link PublishResult}, and the {@link DeliveryListener} sees
 * every step. {@code publish} never throws for a subscriber's failure; only a null event is an
 * error.
 *
 * <h2>Queue, workers and fairness</h2>
 * The queue is bounded: at most {@link Builder#queueCapacity(int)} deliveries (an event to one
 * endpoint) are held at once, counting queued ones, ones in flight and ones waiting for a retry.
 * An event whose deliveries do not all fit is handled by the {@link OverflowPolicy}: by default
 * the future fails at once with a {@link PublishRejectedException} and nothing of the event is
 * queued. Each endpoint has its own queue; idle workers take deliveries from the endpoints in
 * turn, and an endpoint never has more than its concurrency limit in flight (by default the worker
 * count minus one per other endpoint), so a receiver that hangs ties up at most that many workers
 * and every other endpoint keeps at least one. Retries never sleep on a worker: a timer on the
 * {@link DeliveryScheduler} puts the delivery back in its queue when it is due.
 *
 * <p>While a request awaits its answer, the worker that sent it renders the body of the next
 * delivery of the same endpoint, when the endpoint is at its concurrency limit (so that delivery
 * could not start before an answer anyway) and its last body was 2 KiB or more (smaller ones
 * render faster than handing them ahead costs); the next attempt then sends that body, if it is
 * still that attempt and was rendered less than a second ago, else renders afresh. A worker has
 * nothing else to do while it waits, so a large body (9.5 KB of Fotoware JSON) no longer lengthens
 * each delivery at low concurrency. It needs the default transport's hook; other transports render
 * each body when its attempt starts.
 *
 * <p>Memory is bounded by the capacity. A held delivery costs at most about 700 bytes: about 80
 * for its record and queue slot, about 150 for its timer entry while it waits for a retry, and up
 * to about 450 for the text of its last error (a receiver's answer is cut to 200 characters).
 * Events are held by reference and shared by all endpoints of one event; each published event
 * adds about 60 bytes of bookkeeping until its last delivery ends. Bodies are rendered for each
 * attempt and not kept, but for those rendered ahead: at most one per unit of an endpoint's
 * concurrency limit. With receivers down and the queue full, the heap held is therefore at
 * most about {@code capacity * 700 bytes} plus the events, plus the {@link DeadLetterStore}'s
 * entries (bounded too by default).
 *
 * <h2>Synchronous delivery</h2>
 * {@link #deliver(MediaEvent)} does the same work on the caller's thread, endpoint after endpoint,
 * and returns the results. It follows each endpoint's retry policy while the next attempt is due
 * within {@link Builder#deliverRetryWindow(Duration)} (30 s by default) of the call; a delivery
 * whose next retry is due later is dead-lettered with a reason saying so, from where {@link
 * #redeliver(String)} continues it in the background. So {@code deliver} never sleeps through a
 * ten-hour schedule: it is for command lines, tests and batch jobs.
 *
 * <h2>Dead letters</h2>
 * {@link #deadLetters()}, {@link #redeliver(String)}, {@link #redeliverAll()}, {@link
 * #discard(String)} and {@link #discardAll()} manage what could not be delivered: Betterez's
 * "webhook undeliverables", as an API.
 *
 * <h2>Closing</h2>
 * {@link #close(Duration)} stops intake ({@code publish} then fails its future with {@link
 * PublishRejectedException.Reason#CLOSED}; it still never throws), lets queued and in-flight
 * deliveries finish until the timeout, dead-letters what is left (including retries due after the
 * timeout, without waiting for them) and reports the counts. It closes the transport and
 * scheduler only if this instance created them. A request still in flight at the deadline is
 * dead-lettered too; its worker thread (a daemon) is interrupted and ends when the transport
 * gives up, at the latest after the endpoint's call timeout.
 *
 * <pre>{@code
 * MediaWebhooks webhooks = MediaWebhooks.builder()
 *     .endpoint(WebhookEndpoint.builder("https://hooks.example.com/media?auth=s3cr3t")
 *         .format(MicroCmsMediaFormat.create("my-service"))
 *         .retry(RetryPolicy.none())
 *         .build())
 *     .endpoint(WebhookEndpoint.builder("https://partner.example.com/images")
 *         .format(BetterezImagesFormat.create())
 *         .signer(RequestSigner.betterez(betterezKey))
 *         .build())
 *     .build();
 *
 * webhooks.publish(MediaEvent.updated(before, after)); // returns at once
 * }</pre>
 */
public final class MediaWebhooks implements AutoCloseable {
  /** How long {@link #close()} drains: 30 seconds. */
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

  /** The default {@link Builder#queueCapacity(int)}: 10,000 deliveries. */
  public static final int DEFAULT_QUEUE_CAPACITY = 10_000;

  /** The default {@link Builder#idleWatch(Duration)}: 1 second. */
  public static final Duration DEFAULT_IDLE_WATCH = Duration.ofSeconds(1);

  /** The default {@link Builder#deliverRetryWindow(Duration)}: 30 seconds. */
  public static final Duration DEFAULT_DELIVER_RETRY_WINDOW = Duration.ofSeconds(30);

  private final Engine engine;
  private final List<WebhookEndpoint> endpoints;

  private MediaWebhooks(Engine engine, List<WebhookEndpoint> endpoints) {
    this.engine = engine;
    this.endpoints = endpoints;
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Queues the event for every endpoint whose filter matches and returns at once. Never blocks
   * on the network and never throws for a subscriber's failure.
   *
   * @param event the event
   * @return a future completed with one result per endpoint when all deliveries have ended;
   *     failed with a {@link PublishRejectedException} when the event was not accepted (queue
   *     full under {@link OverflowPolicy#REJECT}, or closed)
   * @throws NullPointerException if {@code event} is null
   */
  public CompletableFuture<PublishResult> publish(MediaEvent event) {
    return engine.publish(Objects.requireNonNull(event, "event must not be null"));
  }

  /**
   * Delivers the event on the caller's thread, endpoint after endpoint, and returns the results.
   * Retries follow each endpoint's policy while the next attempt is due within the {@linkplain
   * Builder#deliverRetryWindow(Duration) retry window} of this call; a delivery whose next
   * attempt is due later is dead-lettered (its reason says so) and can be continued in the
   * background with {@link #redeliver(String)}. The queue is not used, so its capacity does not
   * apply.
   *
   * @param event the event
   * @return one result per endpoint
   * @throws NullPointerException if {@code event} is null
   * @throws IllegalStateException if this instance is closed
   */
  public PublishResult deliver(MediaEvent event) {
    return engine.deliver(Objects.requireNonNull(event, "event must not be null"));
  }

  /**
   * The endpoints, in configuration order. Unmodifiable.
   *
   * @return the endpoints
   */
  public List<WebhookEndpoint> endpoints() {
    return endpoints;
  }

  /**
   * One endpoint by name.
   *
   * @param name the endpoint's name
   * @return the endpoint, or empty when there is none of that name
   */
  public Optional<WebhookEndpoint> endpoint(String name) {
    for (WebhookEndpoint e : endpoints) {
      if (e.name().equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * The dead letters, oldest first (a snapshot of the {@link DeadLetterStore}).
   *
   * @return the dead letters
   */
  public List<DeadLetter> deadLetters() {
    return engine.deadLetters();
  }

  /**
   * Sends a dead letter again in the background, with a fresh attempt count and the endpoint's
   * retry policy. The entry stays in the store until the redelivery ends: delivered (or
   * filtered) removes it, failing again replaces it under the same id. Redelivering an id that is
   * already being redelivered returns the same future.
   *
   * @param deadLetterId the id from {@link DeadLetter#id()} or {@link
   *     DeliveryResult#deadLetterId()}
   * @return a future completed with the redelivery's result; failed with {@link
   *     java.util.NoSuchElementException} when there is no such dead letter, {@link
   *     IllegalStateException} when its endpoint is not configured here, or {@link
   *     PublishRejectedException} when the queue is full or this instance is closed
   * @throws NullPointerException if {@code deadLetterId} is null
   */
  public CompletableFuture<DeliveryResult> redeliver(String deadLetterId) {
    return engine.redeliver(Objects.requireNonNull(deadLetterId, "deadLetterId must not be null"));
  }

  /**
   * Sends every dead letter again in the background, as {@link #redeliver(String)} does. The
   * queue must have room for all of them, or none is queued.
   *
   * @return a future completed with the redeliveries' results, in the store's order; failed with
   *     {@link PublishRejectedException} when they do not fit in the queue or this instance is
   *     closed
   */
  public CompletableFuture<List<DeliveryResult>> redeliverAll() {
    return engine.redeliverAll();
  }

  /**
   * Drops a dead letter.
   *
   * @param deadLetterId the dead letter's id
   * @return whether an entry was removed
   * @throws NullPointerException if {@code deadLetterId} is null
   */
  public boolean discard(String deadLetterId) {
    return engine.discard(Objects.requireNonNull(deadLetterId, "deadLetterId must not be null"));
  }

  /**
   * Drops every dead letter.
   *
   * @return how many were removed
   */
  public int discardAll() {
    return engine.discardAll();
  }

  /**
   * How many deliveries are held: queued, in flight or waiting for a retry.
   *
   * @return the count, at most the queue capacity
   */
  public int pendingCount() {
    return engine.pendingCount();
  }

  /**
   * Whether {@link #close()} has been called.
   *
   * @return true once closing has begun
   */
  public boolean isClosed() {
    return engine.isClosed();
  }

  /**
   * Closes with {@link #DEFAULT_CLOSE_TIMEOUT}; see {@link #close(Duration)}.
   */
  @Override
  public void close() {
    close(DEFAULT_CLOSE_TIMEOUT);
  }

  /**
   * Stops intake, lets pending deliveries finish within {@code timeout}, dead-letters what is
   * left and releases the threads, and the transport and scheduler if this instance created
   * them. Retries due after the timeout are dead-lettered at once rather than waited for.
   * Calling it again returns the first call's result once that call has finished.
   *
   * @param timeout how long to wait for pending deliveries
   * @return what happened to the deliveries pending at the call
   * @throws NullPointerException if {@code timeout} is null
   * @throws IllegalArgumentException if {@code timeout} is negative
   */
  public CloseResult close(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout must not be null");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
    }
    return engine.close(timeout);
  }

  @Override
  public String toString() {
    return "MediaWebhooks{endpoints=" + endpoints + ", pending=" + pendingCount()
        + (isClosed() ? ", closed" : "") + '}';
  }

  /**
   * Builds a {@link MediaWebhooks}. Not thread-safe.
   *
   * <p>Defaults: no endpoints, an {@link io.mediahooks.http.okhttp.OkHttpTransport#create()
   * OkHttpTransport} (created, and closed on close), the
   * {@link DeliveryListener#logging()} listener, {@link DeadLetterStore#inMemory()}, a queue of
   * {@value MediaWebhooks#DEFAULT_QUEUE_CAPACITY} deliveries with {@link OverflowPolicy#REJECT},
   * {@code max(4, 2 * available processors)} workers watching for work for 1 s after their last
   * delivery ({@link #idleWatch(Duration)}), {@link Clock#systemUTC()}, one daemon timer
   * thread, a thread-local random source, and {@link DestinationGuard#strict()} for endpoints
   * without their own guard.
   *
   * <pre>{@code
   * MediaWebhooks webhooks = MediaWebhooks.builder()
   *     .endpoint(endpoint)
   *     .workers(16)
   *     .queueCapacity(50_000)
   *     .listener(DeliveryListener.combine(DeliveryListener.logging(), metrics))
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private final List<WebhookEndpoint> endpoints = new ArrayList<>();
    private @Nullable WebhookTransport transport;
    private DeliveryListener listener = DeliveryListener.logging();
    private @Nullable DeadLetterStore deadLetterStore;
    private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    private OverflowPolicy overflowPolicy = OverflowPolicy.REJECT;
    private int workers = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private Clock clock = Clock.systemUTC();
    private @Nullable DeliveryScheduler scheduler;
    private @Nullable RandomGenerator random;
    private DestinationGuard guard = DestinationGuard.strict();
    private Duration deliverRetryWindow = DEFAULT_DELIVER_RETRY_WINDOW;
    private Duration idleWatch = DEFAULT_IDLE_WATCH;

    private Builder() {}

    /**
     * Adds an endpoint. Names must be unique (checked by {@link #build()}).
     *
     * @param endpoint the endpoint
     * @return this builder
     * @throws NullPointerException if {@code endpoint} is null
     */
    public Builder endpoint(WebhookEndpoint endpoint) {
      endpoints.add(Objects.requireNonNull(endpoint, "endpoint must not be null"));
      return this;
    }

    /**
     * Adds endpoints in iteration order.
     *
     * @param endpoints the endpoints
     * @return this builder
     * @throws NullPointerException if {@code endpoints} or an element is null
     */
    public Builder endpoints(Collection<WebhookEndpoint> endpoints) {
      Objects.requireNonNull(endpoints, "endpoints must not be null");
      endpoints.forEach(this::endpoint);
      return this;
    }

    /**
     * Sets the transport. Default: an {@link io.mediahooks.http.okhttp.OkHttpTransport#create()
     * OkHttpTransport} created by the built instance and
     * closed by its {@link MediaWebhooks#close()}. A transport given here is never closed by the
     * library.
     *
     * @param transport the transport
     * @return this builder
     * @throws NullPointerException if {@code transport} is null
     */
    public Builder transport(WebhookTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport must not be null");
      return this;
    }

    /**
     * Sets the listener. Default {@link DeliveryListener#logging()}; combine it with your own
     * through {@link DeliveryListener#combine(DeliveryListener...)} to keep the logs.
     *
     * @param listener the listener
     * @return this builder
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder listener(DeliveryListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener must not be null");
      return this;
    }

    /**
     * Sets where undeliverable events go. Default {@link DeadLetterStore#inMemory()}.
     *
     * @param store the store
     * @return this builder
     * @throws NullPointerException if {@code store} is null
     */
    public Builder deadLetterStore(DeadLetterStore store) {
      this.deadLetterStore = Objects.requireNonNull(store, "store must not be null");
      return this;
    }

    /**
     * Sets how many deliveries (an event to one endpoint) may be held at once: queued, in
     * flight or waiting for a retry. Default {@value MediaWebhooks#DEFAULT_QUEUE_CAPACITY}.
     *
     * @param capacity at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code capacity} is below 1
     */
    public Builder queueCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
      }
      this.queueCapacity = capacity;
      return this;
    }

    /**
     * Sets what {@code publish} does when an event does not fit in the queue. Default {@link
     * OverflowPolicy#REJECT}.
     *
     * @param policy the policy
     * @return this builder
     * @throws NullPointerException if {@code policy} is null
     */
    public Builder overflowPolicy(OverflowPolicy policy) {
      this.overflowPolicy = Objects.requireNonNull(policy, "policy must not be null");
      return this;
    }

    /**
     * Sets how many worker threads send requests. Default {@code max(4, 2 * available
     * processors)}. Unless an endpoint sets its own {@link WebhookEndpoint#maxConcurrency()},
     * it may use {@code workers - (endpoints - 1)} workers at once (at least one), so one
     * hanging receiver always leaves a worker for every other endpoint.
     *
     * @param workers at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code workers} is below 1
     */
    public Builder workers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be at least 1, was " + workers);
      }
      this.workers = workers;
      return this;
    }

    /**
     * Sets the clock for attempt times, retry due times and dead-letter times. Default {@link
     * Clock#systemUTC()}; tests pass a manual clock shared with their scheduler.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock must not be null");
      return this;
    }

    /**
     * Sets the scheduler that runs retries when they are due. Default: one daemon timer thread,
     * shut down on close. A scheduler given here is never shut down by the library.
     *
     * @param scheduler the scheduler
     * @return this builder
     * @throws NullPointerException if {@code scheduler} is null
     */
    public Builder scheduler(DeliveryScheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
      return this;
    }

    /**
     * Sets the random source for jitter, attempt ids and dead-letter ids. Default: a
     * thread-local source. It is called from several threads, so it must be thread-safe (a
     * seeded {@link java.util.Random} is).
     *
     * @param random the random source
     * @return this builder
     * @throws NullPointerException if {@code random} is null
     */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random must not be null");
      return this;
    }

    /**
     * Sets the destination guard of endpoints that have none of their own. Default {@link
     * DestinationGuard#strict()}.
     *
     * @param guard the guard
     * @return this builder
     * @throws NullPointerException if {@code guard} is null
     */
    public Builder guard(DestinationGuard guard) {
      this.guard = Objects.requireNonNull(guard, "guard must not be null");
      return this;
    }

    /**
     * Sets how long after a {@link MediaWebhooks#deliver} call its retries may still start.
     * Default 30 s. Zero makes {@code deliver} try each endpoint once.
     *
     * @param window the window
     * @return this builder
     * @throws NullPointerException if {@code window} is null
     * @throws IllegalArgumentException if {@code window} is negative
     */
    public Builder deliverRetryWindow(Duration window) {
      Objects.requireNonNull(window, "window must not be null");
      if (window.isNegative()) {
        throw new IllegalArgumentException("window must not be negative, was " + window);
      }
      this.deliverRetryWindow = window;
      return this;
    }

    /**
     * Sets how long, after the last delivery, one worker keeps looking for new work every
     * millisecond instead of sleeping until {@code publish} wakes it. Default 1 s. While a worker
     * watches, {@code publish} wakes no thread: waking a sleeping thread is the largest part of
     * what {@code publish} costs the host (5 to 12 us on a virtual machine, the more the longer
     * it was idle), so a host that publishes at least about once a second never pays it. The
     * price: a delivery may start up to a millisecond later, and the watching worker wakes a
     * thousand times a second (about 2 us each) for this long after the last delivery. Zero
     * turns watching off: every publish that finds all workers asleep wakes one.
     *
     * @param window how long to watch; zero for never
     * @return this builder
     * @throws NullPointerException if {@code window} is null
     * @throws IllegalArgumentException if {@code window} is negative or over an hour
     */
    public Builder idleWatch(Duration window) {
      Objects.requireNonNull(window, "window must not be null");
      if (window.isNegative() || window.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("idleWatch must be 0 to 1 hour, was " + window);
      }
      this.idleWatch = window;
      return this;
    }

    /**
     * Builds the instance and starts its worker threads.
     *
     * @return a new instance, to be shared and closed
     * @throws IllegalArgumentException if two endpoints have the same name
     */
    public MediaWebhooks build() {
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < endpoints.size(); i++) {
        Integer earlier = seen.putIfAbsent(endpoints.get(i).name(), i);
        if (earlier != null) {
          throw new IllegalArgumentException("endpoints " + earlier + " and " + i
              + " are both named '" + endpoints.get(i).name()
              + "'; endpoint names must be unique: set one with WebhookEndpoint.Builder.name()");
        }
      }
      EngineConfig c = new EngineConfig();
      c.endpoints = List.copyOf(endpoints);
      c.transport = transport;
      c.listener = listener;
      c.deadLetterStore = deadLetterStore != null ? deadLetterStore : DeadLetterStore.inMemory();
      c.queueCapacity = queueCapacity;
      c.overflowPolicy = overflowPolicy;
      c.workers = workers;
      c.clock = clock;
      c.scheduler = scheduler;
      c.random = random;
      c.guard = guard;
      c.deliverRetryWindow = deliverRetryWindow;
      c.idleWatch = idleWatch;
      return new MediaWebhooks(new Engine(c), c.endpoints);
    }
  }
}
