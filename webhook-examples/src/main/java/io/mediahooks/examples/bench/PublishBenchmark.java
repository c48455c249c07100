package io.mediahooks.examples.bench;

import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.http.DeliveryListener;
import io.mediahooks.http.MediaWebhooks;
import io.mediahooks.http.PublishResult;
import io.mediahooks.http.RetryPolicy;
import io.mediahooks.http.WebhookTransport;
import io.mediahooks.http.okhttp.OkHttpTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@link MediaWebhooks#publish(MediaEvent)} costs the host's thread, as a distribution
 * (JMH {@link Mode#SampleTime}: median, p99, p99.9, in microseconds). Target: median under 5 us
 * and p99 under 50 us with four endpoints.
 *
 * <h2>Set-up, and why</h2>
 * One {@code MediaWebhooks} with the four endpoints of {@link Workloads#fourEndpoints} (microCMS,
 * Betterez signed, Fotoware, CloudEvents signed), the default workers ({@code max(4, 2 * cores)}),
 * queue ({@value MediaWebhooks#DEFAULT_QUEUE_CAPACITY}), retry policy and logging listener
 * (slf4j-simple at warn, as shipped in this jar). One JMH thread plays the host. Parameters:
 * <ul>
 *   <li>{@code events}: {@code all4}, an image created, which all four endpoints render; {@code
 *       filtered3}, a metadata edit that three endpoints filter on the host's thread (two in their
 *       format's {@code skipReason}, one in its endpoint filter) and only Fotoware sends: the
 *       cheap path.
 *   <li>{@code transport}: {@code noop}, an in-memory transport that answers 200 at once, so
 *       background work is only the library's own (render, sign, bookkeeping); {@code loopback},
 *       the real {@link OkHttpTransport} posting to {@link RawHttpReceiver} on 127.0.0.1.
 *   <li>{@code pacing}: how the host publishes, outside the timed region (a {@link
 *       Level#Invocation} set-up). {@code idle}: each publish finds the engine idle (the previous
 *       event's future is complete and the workers have had {@code gapMicros}, 50 us by
 *       default, to park), the usual case for a
 *       media application whose operations are far apart compared with a delivery; it includes
 *       waking a worker. {@code backlog}: the host publishes whenever fewer than {@value
 *       #BACKLOG} deliveries are held, so every publish meets busy workers competing for the
 *       engine's lock and for the two cores: the worst case on this machine.
 * </ul>
 * Each publish gets a new event object (built in the untimed set-up from snapshots made in
 * advance), so what an event derives lazily on first use, such as its field diff, is paid inside
 * {@code publish}, as a host pays it. An update's change kinds, which filters read, are derived
 * when the event is built: {@link EventBenchmark} measures that part of the host's bill.
 *
 * <p>Publishing flat out instead would measure a full queue (every publish rejected) after a few
 * milliseconds on any transport, because the host thread enqueues far faster than four
 * renderings per event complete; pacing keeps the queue far from overflow ({@value #BACKLOG}
 * of 10,000). A rejected publish fails the trial.
 *
 * <h2>Run</h2>
 * <pre>
 * mvn -q -DskipTests package
 * java -cp webhook-examples/target/mediahooks.jar org.openjdk.jmh.Main PublishBenchmark \
 *     -f 1 -wi 3 -i 5 -w 2s -r 3s
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class PublishBenchmark {
  /** Deliveries held below which the {@code backlog} pacing publishes again. */
  static final int BACKLOG = 256;

  private static final int RING = 1024; // distinct snapshots, cycled

  /** Which events the host publishes: {@code all4} or {@code filtered3}. */
  @Param({"all4", "filtered3"})
  public String events = "all4";

  /** The transport: {@code noop} or {@code loopback}. */
  @Param({"noop", "loopback"})
  public String transport = "noop";

  /** How the host paces its publishes: {@code idle} or {@code backlog}. */
  @Param({"idle", "backlog"})
  public String pacing = "idle";

  /**
   * With {@code idle} pacing, how long the host waits after the previous event was delivered
   * before it publishes again, in microseconds. 50 by default: long enough for the workers to
   * park, short enough that the previous delivery's aftermath (OkHttp's timeout watchdog and
   * connection-pool cleaner threads, the receiver) may still hold the other core. Hosts whose
   * media operations are milliseconds apart are better modelled by {@code -p gapMicros=1000}.
   */
  @Param({"50"})
  public long gapMicros = 50;

  /**
   * {@code MediaWebhooks.Builder.idleWatch} in milliseconds: the library's default (1,000), or 0
   * to measure publish with every idle worker asleep (each publish then wakes one).
   */
  @Param({"1000"})
  public long idleWatchMillis = 1000;

  private @Nullable RawHttpReceiver receiver;
  private @Nullable WebhookTransport webhookTransport;
  private @Nullable MediaWebhooks webhooks;
  private final MediaSnapshot[] befores = new MediaSnapshot[RING];
  private final MediaSnapshot[] afters = new MediaSnapshot[RING];
  private boolean all4;
  private int next;
  private @Nullable MediaEvent event;
  private boolean idle;
  private @Nullable CompletableFuture<PublishResult> last;
  private long published;
  private long rejected;

  /** Creates an instance with the default parameters (JMH sets them before set-up). */
  public PublishBenchmark() {}

  /**
   * Builds the façade, the receiver and the events.
   *
   * @throws IOException if the receiver cannot start
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    switch (events) {
      case "all4":
        all4 = true;
        break;
      case "filtered3":
        all4 = false;
        break;
      default:
        throw new IllegalArgumentException("events must be all4 or filtered3, was " + events);
    }
    switch (pacing) {
      case "idle":
        idle = true;
        break;
      case "backlog":
        idle = false;
        break;
      default:
        throw new IllegalArgumentException("pacing must be idle or backlog, was " + pacing);
    }
    String base;
    switch (transport) {
      case "noop":
        webhookTransport = new NoopTransport();
        base = "https://hooks.acme.example";
        break;
      case "loopback":
        receiver = RawHttpReceiver.start();
        webhookTransport = OkHttpTransport.create();
        base = receiver.baseUrl();
        break;
      default:
        throw new IllegalArgumentException("transport must be noop or loopback, was "
            + transport);
    }
    webhooks = MediaWebhooks.builder()
        .endpoints(Workloads.fourEndpoints(base, RetryPolicy.defaultSchedule(),
            receiver != null))
        .transport(webhookTransport)
        .listener(DeliveryListener.logging())
        .idleWatch(Duration.ofMillis(idleWatchMillis))
        .build();
    for (int i = 0; i < RING; i++) {
      befores[i] = Workloads.image(i);
      afters[i] = Workloads.edited(befores[i]);
    }
  }

  /** Paces the host (not timed): see the class comment. */
  @Setup(Level.Invocation)
  public void pace() {
    // A new event object each time, as a host publishes: whatever an event derives lazily on
    // first use is then paid inside publish.
    int n = next++;
    int i = n & (RING - 1);
    event = all4 ? Workloads.created(n, befores[i])
        : Workloads.metadataEdited(n, befores[i], afters[i]);
    CompletableFuture<PublishResult> previous = last;
    if (previous == null) {
      return;
    }
    if (previous.isCompletedExceptionally()) {
      rejected++;
    }
    MediaWebhooks w = webhooks;
    if (idle) {
      while (!previous.isDone()) {
        LockSupport.parkNanos(10_000);
      }
      // The workers finish their bookkeeping after completing the future, then park.
      LockSupport.parkNanos(gapMicros * 1_000);
    } else {
      while (w.pendingCount() >= BACKLOG) {
        LockSupport.parkNanos(10_000);
      }
    }
  }

  /**
   * The measured call: one publish on the host's thread.
   *
   * @return the future, so the JIT cannot drop the call
   */
  @Benchmark
  public CompletableFuture<PublishResult> publish() {
    CompletableFuture<PublishResult> f = webhooks.publish(event);
    last = f;
    published++;
    return f;
  }

  /**
   * Closes everything and fails the trial if any publish was rejected.
   *
   * @throws IOException if the receiver fails to close
   */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    CompletableFuture<PublishResult> previous = last;
    if (previous != null && previous.isCompletedExceptionally()) {
      rejected++;
    }
    if (webhooks != null) {
      webhooks.close(Duration.ofSeconds(30));
    }
    if (webhookTransport != null) {
      webhookTransport.close();
    }
    if (receiver != null) {
      receiver.close();
    }
    if (rejected > 0) {
      throw new IllegalStateException(rejected + " of " + published + " publishes were"
          + " rejected: the measurement included a full queue");
    }
  }

  /**
   * How many publishes the trial made.
   *
   * @return the count
   */
  long published() {
    return published;
  }

  /**
   * How many publishes were rejected.
   *
   * @return the count
   */
  long rejected() {
    return rejected;
  }
}
