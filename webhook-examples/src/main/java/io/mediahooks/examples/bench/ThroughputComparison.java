package io.mediahooks.examples.bench;

import io.mediahooks.core.Attempt;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.WebhookFormat;
import io.mediahooks.core.WebhookPayload;
import io.mediahooks.http.MediaWebhooks;
import io.mediahooks.http.PublishResult;
import io.mediahooks.http.RetryPolicy;
import io.mediahooks.http.WebhookEndpoint;
import io.mediahooks.http.okhttp.OkHttpTransport;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import javax.net.SocketFactory;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Delivery throughput to a loopback receiver, side by side: the library against a plain OkHttp
 * loop at the same concurrency, plus the obvious {@code java.net.http} loop and OkHttp with its
 * default sockets (Nagle's algorithm on) for comparison. Target: the library at 90% or more of
 * the plain OkHttp loop at concurrency 1, 8 and 64, for a small and a large body.
 *
 * <h2>Contenders (all against the same {@link RawHttpReceiver} on 127.0.0.1)</h2>
 * <ul>
 *   <li>{@code library}: a {@code MediaWebhooks} with {@code N} workers and one endpoint (retry
 *       none, the default transport {@code OkHttpTransport.create()}, default logging listener);
 *       one host thread publishes the event, topping the outstanding events up to {@code 32N}
 *       (at least 512) whenever half of them have completed, and counts the events whose future
 *       completed delivered (and the times the workers ran short of work, which should be
 *       rare). Rendering (and the rest of an attempt) is included: that is the library's job.
 *   <li>{@code okhttp}: the baseline. {@code N} threads each loop {@code
 *       client.newCall(POST same bytes).execute()} on one shared {@code OkHttpClient} whose
 *       sockets have TCP_NODELAY on, as the library's do: without it the large body pays a
 *       delayed ACK per request (see {@code okhttp-nagle}), which would flatter the library.
 *       Its pool keeps as many idle connections as the library's transport ({@value
 *       OkHttpTransport.Builder#DEFAULT_MAX_IDLE_CONNECTIONS}), for the same reason: with
 *       OkHttp's default of 5 it reconnects hundreds of times a second at concurrency 64.
 *   <li>{@code jdk}: the obvious {@code java.net.http} sender: {@code HttpClient.newHttpClient()},
 *       {@code N} threads each looping {@code client.send(POST BodyPublishers.ofByteArray)}.
 *   <li>{@code okhttp-nagle} (large body only, by default): the plain loop with OkHttp's default
 *       sockets, to show the Nagle / delayed-ACK trap.
 *   <li>{@code library-prerendered} (diagnostic, only when asked for with {@code --contenders}):
 *       the library exactly as {@code library}, but its format hands out the body rendered once
 *       in advance, so the difference to {@code library} is what rendering costs a delivery and
 *       the difference to {@code okhttp} is the rest of the library (queue, request, results).
 * </ul>
 * Each repetition runs every contender once for the same time, in an order rotated per
 * repetition, the library and the OkHttp loop always back to back and in turns first (see {@link
 * #order}). Warm-up repetitions are discarded: at least {@code --warmup} per body and
 * concurrency, then more while the JIT compilers are still busy (a round of the last one spent
 * {@value Options#JIT_QUIET_PERCENT}% of its time or more compiling), at most {@code
 * --max-warmup}; every progress line shows the round's JIT time. Reported: the median requests
 * per second of each contender over the repetitions, and the median over repetitions of the
 * ratio library / okhttp (both measured in the same repetition). Every request counted is
 * checked against the receiver's count.
 *
 * <h2>Run</h2>
 * <pre>
 * mvn -q -DskipTests package
 * java -cp webhook-examples/target/mediahooks.jar io.mediahooks.examples.bench.ThroughputComparison
 * # options: --seconds 3 --warmup 1 --max-warmup 10 --reps 5 --concurrency 1,8,64
 * #          --bodies microcms,fotoware
 * #          --nagle fotoware (bodies that also get the okhttp-nagle contender; "none" for none)
 * #          --contenders library,okhttp,jdk,okhttp-nagle (a subset, for profiling one)
 * </pre>
 */
public final class ThroughputComparison {
  static final String LIBRARY = "library";
  static final String OKHTTP = "okhttp";
  static final String JDK = "jdk";
  static final String OKHTTP_NAGLE = "okhttp-nagle";
  static final String PRERENDERED = "library-prerendered";
  private static final List<String> KNOWN = List.of(LIBRARY, OKHTTP, JDK, OKHTTP_NAGLE, PRERENDERED);

  private ThroughputComparison() {}

  /**
   * Runs the comparison and prints the table.
   *
   * @param args options, see the class comment
   * @throws Exception if the receiver cannot start or a contender fails to set up
   */
  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    PrintStream out = System.out;
    out.println(Machine.describe());
    out.println(options);
    Report report = run(options, out);
    out.println();
    out.println(report.markdown());
    if (report.failed() > 0 || report.uncounted() != 0) {
      out.println("WARNING: " + report.failed() + " requests failed " + report.failures
          + " (the progress lines above say what the first of each round met), receiver count"
          + " differs by " + report.uncounted());
      System.exit(1);
    }
  }

  /** What to run. */
  static final class Options {
    /** A warm-up repetition is JIT-quiet when no round of it compiled for this share of it. */
    static final int JIT_QUIET_PERCENT = 5;

    double seconds = 3;
    int warmup = 1;
    int maxWarmup = 10;
    int reps = 5;
    int[] concurrency = {1, 8, 64};
    List<String> bodies = List.of("microcms", "fotoware");
    List<String> nagle = List.of("fotoware");
    List<String> contenders = List.of(LIBRARY, OKHTTP, JDK, OKHTTP_NAGLE);

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + name + " needs a value");
        }
        String value = args[++i];
        switch (name) {
          case "--seconds":
            o.seconds = Double.parseDouble(value);
            break;
          case "--warmup":
            o.warmup = Integer.parseInt(value);
            break;
          case "--max-warmup":
            o.maxWarmup = Integer.parseInt(value);
            break;
          case "--reps":
            o.reps = Integer.parseInt(value);
            break;
          case "--concurrency":
            o.concurrency = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
            break;
          case "--bodies":
            o.bodies = List.of(value.split(","));
            break;
          case "--nagle":
            o.nagle = value.equals("none") ? List.of() : List.of(value.split(","));
            break;
          case "--contenders":
            o.contenders = List.of(value.split(","));
            for (String c : o.contenders) {
              if (!KNOWN.contains(c)) {
                throw new IllegalArgumentException("unknown contender " + c + "; known: "
                    + String.join(", ", KNOWN));
              }
            }
            break;
          default:
            throw new IllegalArgumentException("unknown option " + name + "; known: --seconds,"
                + " --warmup, --max-warmup, --reps, --concurrency, --bodies, --nagle,"
                + " --contenders");
        }
      }
      if (o.seconds <= 0 || o.seconds > 60 || o.reps < 1 || o.reps > 50 || o.warmup < 0
          || o.maxWarmup < o.warmup || o.maxWarmup > 50) {
        throw new IllegalArgumentException("need 0 < seconds <= 60, 1 <= reps <= 50,"
            + " 0 <= warmup <= max-warmup <= 50; were " + o.seconds + ", " + o.reps + ", "
            + o.warmup + ", " + o.maxWarmup);
      }
      for (int c : o.concurrency) {
        if (c < 1 || c > 256) {
          throw new IllegalArgumentException("concurrency must be 1 to 256, was " + c);
        }
      }
      return o;
    }

    /**
     * Whether the next repetition of a cell is still a warm-up: the first {@link #warmup} are,
     * then further ones while the last warm-up repetition was not {@link #jitQuiet JIT-quiet},
     * at most {@link #maxWarmup} in all.
     *
     * <p>Why: on two cores the JIT compilers take CPU from the contenders. A cell measured while
     * they still compile (seconds per round in the first rounds of a fresh JVM) measures the
     * compiler, and the library, with more code to compile than a loop, more so.
     *
     * @param warmupReps warm-up repetitions of the cell so far
     * @param lastQuiet whether the last of them was JIT-quiet (true when there was none)
     */
    boolean warmingUp(int warmupReps, boolean lastQuiet) {
      return warmupReps < warmup || (warmupReps < maxWarmup && !lastQuiet);
    }

    /**
     * Whether a repetition whose busiest round compiled for {@code jitMillis} was JIT-quiet: under
     * {@value #JIT_QUIET_PERCENT}% of a round's time.
     */
    boolean jitQuiet(long jitMillis) {
      return jitMillis * 100.0 < JIT_QUIET_PERCENT * seconds * 1000.0;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "rounds of %.1f s, %d to %d warm-up (until the JIT is"
          + " quiet) + %d measured repetitions, concurrency %s, bodies %s, okhttp-nagle for %s,"
          + " contenders %s", seconds, warmup, maxWarmup, reps, Arrays.toString(concurrency),
          bodies, nagle, contenders);
    }
  }

  /** One contender's round: requests completed and how long it took. */
  static final class Round {
    final long ok;
    final long failed;
    final long nanos;
    final long received;
    final int connections;
    final long cpuNanos;
    /**
     * Library rounds: deliveries that completed before the deadline leaving fewer events
     * outstanding than there are workers, so that a worker found nothing to take; 0 for loops.
     */
    final long shortOfWork;
    /** What the first failed request of the round met, or null when none failed. */
    final @Nullable String firstFailure;

    Round(long ok, long failed, long nanos, long received, int connections, long cpuNanos,
        long shortOfWork, @Nullable String firstFailure) {
      this.ok = ok;
      this.failed = failed;
      this.nanos = nanos;
      this.received = received;
      this.connections = connections;
      this.cpuNanos = cpuNanos;
      this.shortOfWork = shortOfWork;
      this.firstFailure = firstFailure;
    }

    /** Process CPU time per request (the receiver's included), in microseconds. */
    double cpuMicrosPerRequest() {
      return ok == 0 ? Double.NaN : cpuNanos / 1e3 / ok;
    }

    double perSecond() {
      return ok / (nanos / 1e9);
    }
  }

  /** The results of one body at one concurrency. */
  static final class Cell {
    final String body;
    final int bodyBytes;
    final int concurrency;
    final Map<String, List<Round>> rounds = new LinkedHashMap<>();
    /** How many warm-up repetitions ran before the measured ones. */
    int warmupReps;

    Cell(String body, int bodyBytes, int concurrency) {
      this.body = body;
      this.bodyBytes = bodyBytes;
      this.concurrency = concurrency;
    }

    double median(String contender) {
      List<Round> list = rounds.get(contender);
      if (list == null) {
        return Double.NaN;
      }
      return Stats.median(list.stream().mapToDouble(Round::perSecond).toArray());
    }

    /** Median over repetitions of contender / okhttp, each pair from the same repetition. */
    double medianRatio(String contender) {
      List<Round> a = rounds.get(contender);
      List<Round> b = rounds.get(OKHTTP);
      if (a == null || b == null) {
        return Double.NaN;
      }
      double[] ratios = new double[a.size()];
      for (int i = 0; i < ratios.length; i++) {
        ratios[i] = a.get(i).perSecond() / b.get(i).perSecond();
      }
      return Stats.median(ratios);
    }
  }

  /** All cells, with the totals the checks need. */
  static final class Report {
    final List<Cell> cells = new ArrayList<>();
    /** Failed requests per contender, warm-up rounds included (every request counts). */
    final Map<String, Long> failures = new LinkedHashMap<>();
    long sent;
    long received;

    long failed() {
      long f = 0;
      for (long n : failures.values()) {
        f += n;
      }
      return f;
    }

    /** Requests counted by contenders minus requests the receiver answered (0 when exact). */
    long uncounted() {
      return sent - received;
    }

    String markdown() {
      boolean prerendered = cells.stream().anyMatch(c -> c.rounds.containsKey(PRERENDERED));
      StringBuilder sb = new StringBuilder();
      sb.append("| body | concurrency | library req/s | OkHttp loop (TCP_NODELAY) req/s |"
          + " library / OkHttp | java.net.http req/s | OkHttp default sockets (Nagle) req/s |");
      sb.append(prerendered ? " library, body prerendered / OkHttp |\n" : "\n");
      sb.append("|---|---:|---:|---:|---:|---:|---:|").append(prerendered ? "---:|\n" : "\n");
      for (Cell c : cells) {
        sb.append(String.format(Locale.ROOT, "| %s (%,d B) | %d | %,.0f | %,.0f | %.2f | %,.0f | %s |",
            c.body, c.bodyBytes, c.concurrency, c.median(LIBRARY), c.median(OKHTTP),
            c.medianRatio(LIBRARY), c.median(JDK),
            c.rounds.containsKey(OKHTTP_NAGLE)
                ? String.format(Locale.ROOT, "%,.0f", c.median(OKHTTP_NAGLE)) : "n/a"));
        sb.append(prerendered ? String.format(Locale.ROOT, " %.2f |%n", c.medianRatio(PRERENDERED))
            : System.lineSeparator());
      }
      return sb.toString();
    }
  }

  /**
   * Runs every body at every concurrency.
   *
   * @param o the options
   * @param log where progress goes
   * @return the results
   * @throws Exception if set-up fails
   */
  static Report run(Options o, PrintStream log) throws Exception {
    Report report = new Report();
    try (RawHttpReceiver receiver = RawHttpReceiver.start();
        Contenders contenders = new Contenders()) {
      long receivedBefore = receiver.requests();
      for (String bodyName : o.bodies) {
        Workloads.Body body = body(bodyName);
        for (int n : o.concurrency) {
          Cell cell = new Cell(body.name, body.bytes.length, n);
          report.cells.add(cell);
          List<String> names = new ArrayList<>();
          for (String c : o.contenders) {
            if (!c.equals(OKHTTP_NAGLE) || o.nagle.contains(bodyName)) {
              names.add(c);
            }
          }
          // Only the instances a round uses: an idle one's workers would still share the cores.
          try (MediaWebhooks library = names.contains(LIBRARY)
                  ? contenders.library(receiver, body, body.format, n) : null;
              MediaWebhooks prerendered = names.contains(PRERENDERED)
                  ? contenders.library(receiver, body, new PrerenderedFormat(body), n) : null) {
            int warmupReps = 0;
            boolean jitQuiet = true;
            for (int rep = 0, measuredReps = 0; measuredReps < o.reps; rep++) {
              boolean measured = !o.warmingUp(warmupReps, jitQuiet);
              long mostJit = 0;
              for (String name : order(names, rep)) {
                long before = receiver.requests();
                int connectionsBefore = receiver.connectionsOpened();
                long cpuBefore = Machine.processCpuNanos();
                long jitBefore = Machine.jitMillis();
                Round r = contenders.round(name,
                    name.equals(PRERENDERED) ? prerendered : name.equals(LIBRARY) ? library : null,
                    receiver, body, n, o.seconds);
                Round counted = new Round(r.ok, r.failed, r.nanos,
                    receiver.requests() - before, receiver.connectionsOpened() - connectionsBefore,
                    Machine.processCpuNanos() - cpuBefore, r.shortOfWork, r.firstFailure);
                long jit = Machine.jitMillis() - jitBefore;
                mostJit = Math.max(mostJit, jit);
                report.sent += r.ok;
                if (measured) {
                  cell.rounds.computeIfAbsent(name, x -> new ArrayList<>()).add(counted);
                }
                log.printf(Locale.ROOT, "%-9s n=%-3d %-13s %s %,9.0f req/s  %6.1f us CPU/req"
                    + "  (%d ok, %d failed, %d received, %d new connections, JIT %d ms%s%s)%n",
                    body.name, n, name, measured ? "   " : "w/u", r.perSecond(),
                    counted.cpuMicrosPerRequest(), r.ok, r.failed, counted.received,
                    counted.connections, jit, r.shortOfWork == 0
                        ? "" : ", workers short of work " + r.shortOfWork + " times",
                    r.firstFailure == null ? "" : "; first failure: " + r.firstFailure);
                if (r.failed > 0) {
                  report.failures.merge(name, r.failed, Long::sum);
                }
              }
              if (measured) {
                measuredReps++;
              } else {
                warmupReps++;
                jitQuiet = o.jitQuiet(mostJit);
              }
            }
            cell.warmupReps = warmupReps;
          }
          log.printf(Locale.ROOT, "%-9s n=%-3d library/okhttp median ratio %.3f (after %d warm-up"
              + " repetitions)%n", body.name, n, cell.medianRatio(LIBRARY), cell.warmupReps);
        }
      }
      report.received = receiver.requests() - receivedBefore;
    }
    return report;
  }

  /**
   * The contenders' order in one repetition: rotated, so none always runs first, except that the
   * library and the OkHttp loop run back to back, in turns first, so that the ratio of the two
   * compares rounds seconds apart. This VM's speed drifts by tens of percent within a minute; with
   * other contenders between the two, a repetition's ratio measured that drift as much as the
   * library.
   */
  static List<String> order(List<String> names, int rep) {
    boolean paired = names.contains(LIBRARY) && names.contains(OKHTTP);
    List<String> others = new ArrayList<>();
    for (String n : names) {
      if (!paired || !(n.equals(LIBRARY) || n.equals(OKHTTP))) {
        others.add(n);
      }
    }
    // One slot stands for the pair.
    int slots = others.size() + (paired ? 1 : 0);
    List<String> order = new ArrayList<>(names.size());
    for (int k = 0; k < slots; k++) {
      int i = (k + rep) % slots;
      if (i < others.size()) {
        order.add(others.get(i));
      } else if (rep % 2 == 0) {
        order.add(LIBRARY);
        order.add(OKHTTP);
      } else {
        order.add(OKHTTP);
        order.add(LIBRARY);
      }
    }
    return order;
  }

  static Workloads.Body body(String name) {
    switch (name) {
      case "microcms":
        return Workloads.microCmsSmall();
      case "fotoware":
        Workloads.Body b = Workloads.fotowareCapture();
        if (!Arrays.equals(b.bytes, Workloads.fotowareCaptureBytes())) {
          throw new IllegalStateException("the Fotoware format no longer reproduces the capture");
        }
        return b;
      default:
        throw new IllegalArgumentException("unknown body " + name + "; known: microcms, fotoware");
    }
  }

  /** The contenders' clients, shared across rounds so connections and JIT stay warm. */
  static final class Contenders implements AutoCloseable {
    private final OkHttpTransport libraryTransport = OkHttpTransport.create();
    private final OkHttpClient okhttp = new OkHttpClient.Builder()
        .socketFactory(new NoDelaySocketFactory())
        // As many idle connections as the library's transport keeps, for the same reason.
        .connectionPool(new ConnectionPool(OkHttpTransport.Builder.DEFAULT_MAX_IDLE_CONNECTIONS,
            5, TimeUnit.MINUTES))
        // A call timeout no longer than its read and write timeouts (10 s by default), like the
        // library's defaults: OkHttp's timeout thread then wakes once per request, not thrice.
        .callTimeout(Duration.ofSeconds(10))
        .build();
    private final OkHttpClient okhttpNagle = new OkHttpClient.Builder()
        .callTimeout(Duration.ofSeconds(10))
        .build();
    private final HttpClient jdk = HttpClient.newHttpClient();

    MediaWebhooks library(RawHttpReceiver receiver, Workloads.Body body, WebhookFormat format,
        int workers) {
      return MediaWebhooks.builder()
          .endpoint(WebhookEndpoint.builder(receiver.url(body.path))
              .name(body.name)
              .format(format)
              .retry(RetryPolicy.none())
              .allowPrivateNetworks() // default timeouts, as a host gets them
              .build())
          .transport(libraryTransport)
          .workers(workers)
          .build();
    }

    Round round(String name, @Nullable MediaWebhooks library, RawHttpReceiver receiver,
        Workloads.Body body, int n, double seconds) throws InterruptedException {
      long nanos = (long) (seconds * 1e9);
      switch (name) {
        case LIBRARY:
        case PRERENDERED:
          return libraryRound(Objects.requireNonNull(library, name), body.event, n, nanos);
        case OKHTTP:
          return loop(n, nanos, okhttpCall(okhttp, receiver, body));
        case OKHTTP_NAGLE:
          return loop(n, nanos, okhttpCall(okhttpNagle, receiver, body));
        case JDK:
          return loop(n, nanos, jdkCall(receiver, body));
        default:
          throw new IllegalArgumentException(name);
      }
    }

    private static Call okhttpCall(OkHttpClient client, RawHttpReceiver receiver,
        Workloads.Body body) {
      Request.Builder b = new Request.Builder()
          .url(receiver.url(body.path))
          .post(RequestBody.create(body.bytes, MediaType.get(body.contentType)));
      body.headers.forEach(b::header);
      Request request = b.build();
      return () -> {
        try (Response response = client.newCall(request).execute()) {
          return response.code() == 200;
        }
      };
    }

    private Call jdkCall(RawHttpReceiver receiver, Workloads.Body body) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(receiver.url(body.path)))
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", body.contentType)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes));
      body.headers.forEach(b::header);
      HttpRequest request = b.build();
      return () -> {
        try {
          return jdk.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      };
    }

    @Override
    public void close() {
      libraryTransport.close();
      for (OkHttpClient c : List.of(okhttp, okhttpNagle)) {
        c.dispatcher().executorService().shutdown();
        c.connectionPool().evictAll();
      }
      // java.net.http's client has no close() before JDK 21; its threads are daemons and it
      // is released with the last reference.
    }
  }

  /**
   * The diagnostic contender's format: the body's payload, rendered once in advance, for every
   * attempt. Never a real format (a receiver would see one body for every event).
   */
  static final class PrerenderedFormat implements WebhookFormat {
    private final WebhookPayload payload;
    private final String name;

    PrerenderedFormat(Workloads.Body body) {
      this.payload = body.format.render(body.event, Attempt.first(Instant.EPOCH)).orElseThrow();
      this.name = body.format.name() + " (prerendered)";
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Optional<String> skipReason(MediaEvent event) {
      return Optional.empty();
    }

    @Override
    public Optional<WebhookPayload> render(MediaEvent event, Attempt attempt) {
      return Optional.of(payload);
    }
  }

  /** One request of a plain loop: true when answered 200. */
  interface Call {
    boolean execute() throws IOException;
  }

  /** {@code n} threads, each calling as fast as it can until the deadline. */
  static Round loop(int n, long nanos, Call call) throws InterruptedException {
    LongAdder ok = new LongAdder();
    LongAdder failed = new LongAdder();
    AtomicReference<@Nullable String> firstFailure = new AtomicReference<>();
    CountDownLatch go = new CountDownLatch(1);
    long[] deadline = new long[1];
    Thread[] threads = new Thread[n];
    for (int i = 0; i < n; i++) {
      threads[i] = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        long end = deadline[0];
        do { // at least one call, however late the thread starts
          try {
            if (call.execute()) {
              ok.increment();
            } else {
              failed.increment();
              firstFailure.compareAndSet(null, "an answer other than 200");
            }
          } catch (IOException | RuntimeException e) {
            failed.increment();
            firstFailure.compareAndSet(null, String.valueOf(e));
          }
        } while (System.nanoTime() - end < 0);
      }, "bench-client-" + i);
      threads[i].setDaemon(true);
      threads[i].start();
    }
    long start = System.nanoTime();
    deadline[0] = start + nanos; // published to the threads by the latch
    go.countDown();
    for (Thread t : threads) {
      t.join(nanos / 1_000_000 + 30_000);
      if (t.isAlive()) {
        throw new IllegalStateException(t.getName() + " did not finish within 30 s of the end");
      }
    }
    long elapsed = System.nanoTime() - start;
    return new Round(ok.sum(), failed.sum(), elapsed, 0, 0, 0, 0, firstFailure.get());
  }

  /**
   * The host thread tops the outstanding events up to {@code 32n} (at least 512) and sleeps until
   * half of them have completed, so the harness wakes the host once per 256 or more deliveries
   * rather than once per delivery (on two cores, each wake-up of the host preempts a worker or
   * the receiver: an artefact of the harness, since a real host publishes as its media
   * operations happen, not when deliveries complete). The workers must never be short of work,
   * and the round counts the times they were ({@link Round#shortOfWork}): the host, woken with
   * half the events left, can wait for one of the two saturated cores longer than the workers
   * take to finish them. Measured per 3 s round: with {@code 4n} (at least 64), 10 to 80 times
   * at concurrency 8 and up to 170 at 64; with {@code 16n} (at least 256), up to 13; with {@code
   * 32n}, none in most rounds (in four full runs, a few rounds with one to 55, where the host
   * went unscheduled for the time a thousand deliveries take). Counts events whose future
   * completed delivered.
   */
  static Round libraryRound(MediaWebhooks webhooks, MediaEvent event, int n, long nanos) {
    int high = Math.max(512, 32 * n);
    int low = high / 2;
    AtomicInteger outstanding = new AtomicInteger();
    LongAdder ok = new LongAdder();
    LongAdder failed = new LongAdder();
    LongAdder shortOfWork = new LongAdder();
    AtomicReference<@Nullable String> firstFailure = new AtomicReference<>();
    Thread host = Thread.currentThread();
    AtomicBoolean ended = new AtomicBoolean(); // after the deadline the last events drain
    BiConsumer<PublishResult, Throwable> done = (result, error) -> {
      if (error == null && result.allDelivered()) {
        ok.increment();
      } else {
        failed.increment();
        firstFailure.compareAndSet(null, String.valueOf(error != null ? error : result));
      }
      int left = outstanding.decrementAndGet();
      if (left < n && !ended.get()) {
        shortOfWork.increment();
      }
      if (left == low || left == 0) {
        LockSupport.unpark(host);
      }
    };
    long start = System.nanoTime();
    long end = start + nanos;
    do { // at least one batch
      while (outstanding.get() < high) {
        outstanding.incrementAndGet();
        webhooks.publish(event).whenComplete(done);
      }
      while (outstanding.get() > low && System.nanoTime() - end < 0) {
        LockSupport.parkNanos(10_000_000L);
      }
    } while (System.nanoTime() - end < 0);
    ended.set(true);
    long bound = System.nanoTime() + 30_000_000_000L;
    while (outstanding.get() > 0) {
      if (System.nanoTime() - bound > 0) {
        throw new IllegalStateException("deliveries did not finish within 30 s of the end");
      }
      LockSupport.parkNanos(10_000_000L);
    }
    long elapsed = System.nanoTime() - start;
    return new Round(ok.sum(), failed.sum(), elapsed, 0, 0, 0, shortOfWork.sum(),
        firstFailure.get());
  }

  /** Plain sockets with TCP_NODELAY on, for the fair OkHttp baseline. */
  static final class NoDelaySocketFactory extends SocketFactory {
    @Override
    public Socket createSocket() throws IOException {
      Socket s = new Socket();
      s.setTcpNoDelay(true);
      return s;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      Socket s = createSocket();
      s.connect(new InetSocketAddress(host, port));
      return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      Socket s = createSocket();
      s.bind(new InetSocketAddress(localHost, localPort));
      s.connect(new InetSocketAddress(host, port));
      return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      Socket s = createSocket();
      s.connect(new InetSocketAddress(host, port));
      return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress,
        int localPort) throws IOException {
      Socket s = createSocket();
      s.bind(new InetSocketAddress(localAddress, localPort));
      s.connect(new InetSocketAddress(address, port));
      return s;
    }
  }

  /** Medians. */
  static final class Stats {
    private Stats() {}

    static double median(double[] values) {
      if (values.length == 0) {
        return Double.NaN;
      }
      double[] v = values.clone();
      Arrays.sort(v);
      int m = v.length / 2;
      return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
  }

  /** The machine line printed with every report. */
  static final class Machine {
    private Machine() {}

    /** CPU time of this process so far (all threads), or 0 when the JVM cannot tell. */
    static long processCpuNanos() {
      java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
      if (os instanceof com.sun.management.OperatingSystemMXBean) {
        return Math.max(0, ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime());
      }
      return 0;
    }

    /**
     * Time the JIT compilers have spent so far, in milliseconds, or 0 when the JVM cannot tell.
     * Printed per round: a measured round that still compiles for hundreds of milliseconds was
     * not warmed up (the compiler threads take the same two cores as the contender).
     */
    static long jitMillis() {
      CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
      return jit != null && jit.isCompilationTimeMonitoringSupported()
          ? jit.getTotalCompilationTime() : 0;
    }

    static String describe() {
      double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      return String.format(Locale.ROOT, "%d cores, %s %s (%s), %s %s, load average %.2f",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
          System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
          System.getProperty("os.name"), System.getProperty("os.arch"), load);
    }
  }
}
