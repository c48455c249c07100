package io.mediahooks.examples.bench;

import io.mediahooks.core.Attempt;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.http.DeliveryListener;
import io.mediahooks.http.DeliveryResult;
import io.mediahooks.http.MediaWebhooks;
import io.mediahooks.http.PublishRejectedException;
import io.mediahooks.http.PublishResult;
import io.mediahooks.http.RetryPolicy;
import io.mediahooks.http.WebhookEndpoint;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap held by the delivery queue while every receiver is down, and proof that publishing more
 * once the queue is full does not grow it.
 *
 * <h2>Method</h2>
 * The four endpoints of {@link Workloads#fourEndpoints} point at a closed port on 127.0.0.1, so
 * every attempt is refused at once and retried on the default schedule (5 s, then 5 min, ...).
 * For each repetition, a fresh {@code MediaWebhooks} (default workers, the given queue capacity,
 * {@code OverflowPolicy.REJECT}, a counting listener):
 * <ol>
 *   <li>heap used after {@code System.gc()} (MemoryMXBean), {@code before};
 *   <li>publish distinct created-image events (four deliveries each) until one is rejected:
 *       the queue then holds exactly its capacity;
 *   <li>wait until every held delivery has failed {@code --settle} times (2: each is then
 *       waiting on its 5-minute retry timer, the state a long outage leaves it in);
 *   <li>heap used after GC, {@code full}; bytes per queued delivery = (full - before) /
 *       deliveries held;
 *   <li>publish {@code --overflow} more events: all must be rejected; heap used after GC minus
 *       {@code full} is the growth (expected: noise around zero).
 * </ol>
 * The same run with one shared event object instead of distinct ones isolates the engine's own
 * bookkeeping per delivery; the event objects themselves are measured on their own (an array of
 * them). Medians over the repetitions.
 *
 * <h2>Run</h2>
 * <pre>
 * mvn -q -DskipTests package
 * java -Xmx512m -cp webhook-examples/target/mediahooks.jar \
 *     io.mediahooks.examples.bench.MemoryFootprint
 * # options: --reps 5 --capacity 10000 --overflow 50000 --settle 2
 * </pre>
 */
public final class MemoryFootprint {
  private MemoryFootprint() {}

  /**
   * Runs the measurement and prints the table.
   *
   * @param args options, see the class comment
   * @throws Exception if a port cannot be found or the run breaks its bounds
   */
  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    PrintStream out = System.out;
    out.println(ThroughputComparison.Machine.describe() + ", max heap "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, GC "
        + gcNames());
    out.println(o);
    Report r = run(o, out);
    out.println();
    out.println(r.markdown(o));
  }

  /** What to run. */
  static final class Options {
    int reps = 5;
    int capacity = MediaWebhooks.DEFAULT_QUEUE_CAPACITY;
    int overflow = 50_000;
    int settle = 2;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + name + " needs a value");
        }
        int value = Integer.parseInt(args[++i]);
        switch (name) {
          case "--reps":
            o.reps = value;
            break;
          case "--capacity":
            o.capacity = value;
            break;
          case "--overflow":
            o.overflow = value;
            break;
          case "--settle":
            o.settle = value;
            break;
          default:
            throw new IllegalArgumentException("unknown option " + name
                + "; known: --reps, --capacity, --overflow, --settle");
        }
      }
      if (o.reps < 1 || o.reps > 50 || o.capacity < 4 || o.capacity > 1_000_000
          || o.overflow < 1 || o.overflow > 10_000_000 || o.settle < 1 || o.settle > 2) {
        throw new IllegalArgumentException("need 1 <= reps <= 50, 4 <= capacity <= 1,000,000,"
            + " 1 <= overflow <= 10,000,000, settle 1 or 2");
      }
      return o;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d repetitions, queue capacity %,d deliveries,"
          + " %,d overflow publishes, settle after %d failed attempts", reps, capacity, overflow,
          settle);
    }
  }

  /** One repetition's figures. */
  static final class Run {
    final boolean sharedEvent;
    final int eventsAccepted;
    final int held;
    final long heldBytes;
    final long overflowPublished;
    final long overflowRejected;
    final long growthBytes;

    Run(boolean sharedEvent, int eventsAccepted, int held, long heldBytes,
        long overflowPublished, long overflowRejected, long growthBytes) {
      this.sharedEvent = sharedEvent;
      this.eventsAccepted = eventsAccepted;
      this.held = held;
      this.heldBytes = heldBytes;
      this.overflowPublished = overflowPublished;
      this.overflowRejected = overflowRejected;
      this.growthBytes = growthBytes;
    }

    double bytesPerDelivery() {
      return (double) heldBytes / held;
    }
  }

  /** All repetitions. */
  static final class Report {
    final List<Run> distinct = new ArrayList<>();
    final List<Run> shared = new ArrayList<>();
    final List<Double> eventBytes = new ArrayList<>();

    String markdown(Options o) {
      double perDistinct = median(distinct, Run::bytesPerDelivery);
      double perShared = median(shared, Run::bytesPerDelivery);
      double growthDistinct = median(distinct, r -> (double) r.growthBytes);
      double growthShared = median(shared, r -> (double) r.growthBytes);
      double event = ThroughputComparison.Stats.median(
          eventBytes.stream().mapToDouble(Double::doubleValue).toArray());
      long overflow = 0;
      long rejected = 0;
      for (List<Run> list : List.of(distinct, shared)) {
        for (Run r : list) {
          overflow += r.overflowPublished;
          rejected += r.overflowRejected;
        }
      }
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "Queue full (%,d deliveries = %,d events x 4"
          + " endpoints), all receivers down; median of %d repetitions:%n%n", o.capacity,
          o.capacity / 4, o.reps));
      sb.append("| measure | bytes |\n|---|---:|\n");
      sb.append(String.format(Locale.ROOT, "| heap per queued delivery, distinct events"
          + " (realistic) | %,.0f |%n", perDistinct));
      sb.append(String.format(Locale.ROOT, "| heap per queued delivery, one shared event"
          + " (engine bookkeeping only) | %,.0f |%n", perShared));
      sb.append(String.format(Locale.ROOT, "| one event object (image snapshot, 16 fields) |"
          + " %,.0f |%n", event));
      sb.append(String.format(Locale.ROOT, "| heap growth after %,d more publishes, queue full,"
          + " distinct events | %,.0f |%n", o.overflow, growthDistinct));
      sb.append(String.format(Locale.ROOT, "| heap growth after %,d more publishes, queue full,"
          + " shared event | %,.0f |%n", o.overflow, growthShared));
      sb.append(String.format(Locale.ROOT, "%nOverflow publishes rejected: %,d of %,d.%n",
          rejected, overflow));
      return sb.toString();
    }
  }

  /**
   * Runs every repetition.
   *
   * @param o the options
   * @param log where progress goes
   * @return the figures
   * @throws Exception if a run breaks its bounds
   */
  static Report run(Options o, PrintStream log) throws Exception {
    Report report = new Report();
    for (int rep = 0; rep < o.reps; rep++) {
      report.eventBytes.add(eventBytes(Math.max(1, o.capacity / 4)));
      for (boolean shared : new boolean[] {false, true}) {
        Run r = once(o, shared);
        (shared ? report.shared : report.distinct).add(r);
        log.printf(Locale.ROOT, "rep %d %-8s: %,d events accepted, %,d deliveries held,"
            + " %,.0f bytes each; overflow %,d of %,d rejected, heap growth %,d bytes%n",
            rep + 1, shared ? "shared" : "distinct", r.eventsAccepted, r.held,
            r.bytesPerDelivery(), r.overflowRejected, r.overflowPublished, r.growthBytes);
      }
      log.printf(Locale.ROOT, "rep %d event object: %,.0f bytes%n", rep + 1,
          report.eventBytes.get(report.eventBytes.size() - 1));
    }
    return report;
  }

  private static Run once(Options o, boolean sharedEvent) throws Exception {
    int port = closedPort();
    Counting listener = new Counting();
    List<WebhookEndpoint> endpoints = Workloads.fourEndpoints("http://127.0.0.1:" + port,
        RetryPolicy.defaultSchedule(), true);
    MediaEvent shared = Workloads.created(0);
    MediaWebhooks webhooks = MediaWebhooks.builder()
        .endpoints(endpoints)
        .queueCapacity(o.capacity)
        .listener(listener)
        .build();
    try {
      // One event first, until its deliveries have failed once: the transport's client, its
      // connection pool and the timer's queue are allocated once per instance, not per item.
      webhooks.publish(sharedEvent ? shared : Workloads.created(0));
      awaitRetries(listener, 4);
      int heldBefore = webhooks.pendingCount();
      long before = usedAfterGc();
      int accepted = 0;
      for (int i = 1; ; i++) {
        CompletableFuture<PublishResult> f =
            webhooks.publish(sharedEvent ? shared : Workloads.created(i));
        if (f.isCompletedExceptionally()) {
          break;
        }
        accepted++;
        if (accepted > o.capacity) {
          throw new IllegalStateException("the queue accepted more events than its capacity");
        }
      }
      int held = webhooks.pendingCount();
      awaitRetries(listener, (long) o.settle * held);
      if (webhooks.pendingCount() != held || listener.deadLettered.get() != 0) {
        throw new IllegalStateException("the queue changed while settling: " + held + " held, "
            + webhooks.pendingCount() + " now, " + listener.deadLettered.get()
            + " dead-lettered");
      }
      long full = usedAfterGc();
      long rejectedBefore = listener.rejected.get();
      for (int j = 0; j < o.overflow; j++) {
        webhooks.publish(sharedEvent ? shared : Workloads.created(1_000_000 + j));
      }
      long rejected = listener.rejected.get() - rejectedBefore;
      long after = usedAfterGc();
      if (webhooks.pendingCount() != held) {
        throw new IllegalStateException("the queue changed during overflow");
      }
      return new Run(sharedEvent, accepted, held - heldBefore, full - before, o.overflow,
          rejected, after - full);
    } finally {
      webhooks.close(Duration.ZERO);
    }
  }

  private static void awaitRetries(Counting listener, long count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (listener.retries.get() < count) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("deliveries did not settle within 60 s: "
            + listener.retries.get() + " retries scheduled, " + count + " expected");
      }
      Thread.sleep(20);
    }
  }

  /** Heap per event object: an array of distinct events, measured the same way. */
  private static double eventBytes(int n) throws InterruptedException {
    long before = usedAfterGc();
    MediaEvent[] events = new MediaEvent[n];
    for (int i = 0; i < n; i++) {
      events[i] = Workloads.created(i);
    }
    long after = usedAfterGc();
    double each = (double) (after - before - 16L - 4L * n) / n; // minus the array itself
    if (events[n - 1] == null) {
      throw new AssertionError(); // keeps the array reachable until here
    }
    return each;
  }

  /** A port on 127.0.0.1 that nothing listens on: connecting is refused at once. */
  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    }
  }

  /** Heap used after the garbage collector has settled. */
  static long usedAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long previous = Long.MAX_VALUE;
    long used = 0;
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(50);
      used = memory.getHeapMemoryUsage().getUsed();
      if (Math.abs(previous - used) < 16 * 1024) {
        break;
      }
      previous = used;
    }
    return used;
  }

  private static String gcNames() {
    StringBuilder sb = new StringBuilder();
    ManagementFactory.getGarbageCollectorMXBeans().forEach(b -> {
      if (sb.length() > 0) {
        sb.append(" + ");
      }
      sb.append(b.getName());
    });
    return sb.toString();
  }

  private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
    return ThroughputComparison.Stats.median(runs.stream().mapToDouble(f).toArray());
  }

  /** Counts what the harness waits for; no logging (thousands of rejections would flood it). */
  static final class Counting implements DeliveryListener {
    final AtomicLong retries = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong attempts = new AtomicLong();

    @Override
    public void retryScheduled(MediaEvent event, WebhookEndpoint endpoint, Attempt failed,
        Instant nextAttemptAt, String reason) {
      retries.incrementAndGet();
    }

    @Override
    public void rejected(MediaEvent event, PublishRejectedException error) {
      rejected.incrementAndGet();
    }

    @Override
    public void deadLettered(MediaEvent event, WebhookEndpoint endpoint, DeliveryResult result) {
      deadLettered.incrementAndGet();
    }

    @Override
    public void attemptStarted(MediaEvent event, WebhookEndpoint endpoint, Attempt attempt) {
      attempts.incrementAndGet();
    }
  }
}
