package io.mediahooks.examples.bench;

import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.http.DeliveryListener;
import io.mediahooks.http.MediaWebhooks;
import io.mediahooks.http.PublishResult;
import io.mediahooks.http.RetryPolicy;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * Compares two or more builds of the library in one JVM, each loaded by its own class loader,
 * their measurements interleaved: the way to tell whether a change helped on a machine whose speed
 * drifts by a factor of two within minutes (this one), where runs one after the other cannot.
 *
 * <h2>Modes</h2>
 * <ul>
 *   <li>{@code publish}: what {@code publish} costs the host's thread after the engine has been
 *       idle for {@code --gap-micros} (the {@link PublishBenchmark} set-up: four endpoints, an
 *       in-memory transport, {@code all4} or {@code filtered3} events). The builds take turns
 *       event by event; median, p90 and p99 per build and round.
 *   <li>{@code throughput}: deliveries per second to a loopback receiver at {@code
 *       --concurrency} (the {@link ThroughputComparison} library contender; each build has its
 *       own receiver), rounds alternating between the builds and a plain OkHttp loop from the
 *       first build; the median per-round ratio of each build to that loop. Warm up long (the
 *       default 12 rounds each): every build compiles its own copy of OkHttp.
 * </ul>
 *
 * <h2>Run</h2>
 * <pre>
 * # the jars of two builds, for example: git worktree add /tmp/base HEAD~1, package both
 * java -cp webhook-examples/target/mediahooks.jar io.mediahooks.examples.bench.BuildComparison \
 *     publish --events filtered3 --gap-micros 1000 /tmp/base.jar webhook-examples/target/mediahooks.jar
 * java -cp webhook-examples/target/mediahooks.jar io.mediahooks.examples.bench.BuildComparison \
 *     throughput --body microcms --concurrency 8 /tmp/base.jar webhook-examples/target/mediahooks.jar
 * </pre>
 * A build is a jar or any class path (entries separated by {@code File.pathSeparator}) holding
 * this class and the library; list each build in both orders to see the order's own effect.
 */
public final class BuildComparison {
  private BuildComparison() {}

  /**
   * Runs a comparison and prints the results.
   *
   * @param args {@code publish|throughput}, options, then two or more builds
   * @throws Exception if a build cannot be loaded or a side fails
   */
  public static void main(String[] args) throws Exception {
    run(args, System.out);
  }

  static void run(String[] args, PrintStream out) throws Exception {
    if (args.length < 1 || !(args[0].equals("publish") || args[0].equals("throughput"))) {
      throw new IllegalArgumentException("usage: BuildComparison publish|throughput [options]"
          + " build1 build2 ...");
    }
    boolean publish = args[0].equals("publish");
    String events = "filtered3";
    String body = "microcms";
    long gapMicros = 1000;
    int samples = 3000;
    int concurrency = 8;
    int rounds = publish ? 3 : 11;
    int warmup = publish ? 20_000 : 12;
    int millis = 2000;
    List<String> builds = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        builds.add(a);
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(a + " needs a value");
      }
      String v = args[++i];
      switch (a) {
        case "--events":
          events = v;
          break;
        case "--body":
          body = v;
          break;
        case "--gap-micros":
          gapMicros = Long.parseLong(v);
          break;
        case "--samples":
          samples = Integer.parseInt(v);
          break;
        case "--concurrency":
          concurrency = Integer.parseInt(v);
          break;
        case "--rounds":
          rounds = Integer.parseInt(v);
          break;
        case "--warmup":
          warmup = Integer.parseInt(v);
          break;
        case "--seconds":
          millis = (int) (Double.parseDouble(v) * 1000);
          break;
        default:
          throw new IllegalArgumentException("unknown option " + a + "; known: --events, --body,"
              + " --gap-micros, --samples, --concurrency, --rounds, --warmup, --seconds");
      }
    }
    if (builds.size() < 2) {
      throw new IllegalArgumentException("need two or more builds to compare, got " + builds);
    }
    List<IntToLongFunction> sides = new ArrayList<>();
    try {
      for (String build : builds) {
        sides.add(publish ? side(build, PublishSide.class, events, gapMicros)
            : side(build, ThroughputSide.class, body, concurrency, false));
      }
      if (publish) {
        comparePublish(out, builds, sides, events, samples, rounds, warmup);
      } else {
        sides.add(side(builds.get(0), ThroughputSide.class, body, concurrency, true));
        List<String> names = new ArrayList<>(builds);
        names.add("plain OkHttp loop");
        compareThroughput(out, names, sides, body, concurrency, rounds, warmup, millis);
      }
    } finally {
      for (IntToLongFunction s : sides) {
        ((AutoCloseable) s).close();
      }
    }
  }

  /** Loads {@code type}'s namesake from {@code build} in a class loader of its own. */
  private static IntToLongFunction side(String build, Class<?> type, Object... args)
      throws ReflectiveOperationException, MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String entry : build.split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        urls.add(new File(entry).toURI().toURL());
      }
    }
    // Parent: the platform loader, so nothing of this build's classes leaks into the other.
    URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]),
        ClassLoader.getPlatformClassLoader());
    Class<?>[] types = new Class<?>[args.length];
    for (int i = 0; i < args.length; i++) {
      types[i] = args[i].getClass();
    }
    return (IntToLongFunction) loader.loadClass(type.getName()).getConstructor(types)
        .newInstance(args);
  }

  private static void comparePublish(PrintStream out, List<String> builds,
      List<IntToLongFunction> sides, String events, int samples, int rounds, int warmup) {
    int n = sides.size();
    int k = 0;
    for (int i = 0; i < warmup; i++) {
      for (IntToLongFunction s : sides) {
        s.applyAsLong(k);
      }
      k++;
    }
    for (int r = 0; r < rounds; r++) {
      long[][] t = new long[n][samples];
      for (int i = 0; i < samples; i++, k++) {
        for (int j = 0; j < n; j++) {
          int side = (i + j) % n; // who goes first alternates
          t[side][i] = sides.get(side).applyAsLong(k);
        }
      }
      for (int j = 0; j < n; j++) {
        long[] x = t[j];
        Arrays.sort(x);
        out.printf(Locale.ROOT, "round %d  %-40s %s  p50 %6.2f  p90 %6.2f  p99 %6.2f us%n", r + 1,
            builds.get(j), events, x[samples / 2] / 1e3, x[samples * 9 / 10] / 1e3,
            x[samples * 99 / 100] / 1e3);
      }
    }
  }

  private static void compareThroughput(PrintStream out, List<String> names,
      List<IntToLongFunction> sides, String body, int concurrency, int rounds, int warmup,
      int millis) {
    int n = sides.size();
    for (int w = 0; w < warmup; w++) {
      for (IntToLongFunction s : sides) {
        s.applyAsLong(millis);
      }
    }
    long[][] rates = new long[n][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int j = 0; j < n; j++) {
        int side = (r + j) % n;
        rates[side][r] = sides.get(side).applyAsLong(millis);
      }
    }
    int loop = n - 1;
    for (int j = 0; j < n; j++) {
      long[] sorted = rates[j].clone();
      Arrays.sort(sorted);
      String ratio = "";
      if (j != loop) {
        double[] q = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          q[r] = (double) rates[j][r] / rates[loop][r];
        }
        Arrays.sort(q);
        ratio = String.format(Locale.ROOT, "  median ratio to the loop %.3f", q[rounds / 2]);
      }
      out.printf(Locale.ROOT, "%-40s %s n=%d  median %,d req/s%s  rounds %s%n", names.get(j),
          body, concurrency, sorted[rounds / 2], ratio, Arrays.toString(rates[j]));
    }
  }

  /**
   * One build's publisher, loaded by that build's class loader: {@code applyAsLong(k)} builds
   * event {@code k}, waits for the previous one's deliveries and the gap, then times one publish
   * in nanoseconds.
   */
  public static final class PublishSide implements IntToLongFunction, AutoCloseable {
    private static final int RING = 1024;
    private final MediaWebhooks webhooks;
    private final boolean all4;
    private final long gapNanos;
    private final MediaSnapshot[] befores = new MediaSnapshot[RING];
    private final MediaSnapshot[] afters = new MediaSnapshot[RING];
    private @Nullable CompletableFuture<PublishResult> last;

    /**
     * Creates the side.
     *
     * @param events {@code all4} or {@code filtered3}
     * @param gapMicros the idle time before each publish
     */
    public PublishSide(String events, Long gapMicros) {
      if (!events.equals("all4") && !events.equals("filtered3")) {
        throw new IllegalArgumentException("events must be all4 or filtered3, was " + events);
      }
      this.all4 = events.equals("all4");
      this.gapNanos = gapMicros * 1000;
      this.webhooks = MediaWebhooks.builder()
          .endpoints(Workloads.fourEndpoints("https://hooks.acme.example",
              RetryPolicy.defaultSchedule(), false))
          .transport(new NoopTransport())
          .listener(DeliveryListener.logging())
          .build();
      for (int i = 0; i < RING; i++) {
        befores[i] = Workloads.image(i);
        afters[i] = Workloads.edited(befores[i]);
      }
    }

    @Override
    public long applyAsLong(int k) {
      int i = k & (RING - 1);
      MediaEvent event = all4 ? Workloads.created(k, befores[i])
          : Workloads.metadataEdited(k, befores[i], afters[i]);
      CompletableFuture<PublishResult> previous = last;
      while (previous != null && !previous.isDone()) {
        LockSupport.parkNanos(10_000);
      }
      if (previous != null && previous.isCompletedExceptionally()) {
        throw new IllegalStateException("a publish was rejected; the comparison is void");
      }
      LockSupport.parkNanos(gapNanos);
      long start = System.nanoTime();
      last = webhooks.publish(event);
      return System.nanoTime() - start;
    }

    @Override
    public void close() {
      webhooks.close(Duration.ofSeconds(10));
    }
  }

  /**
   * One build's sender, loaded by that build's class loader: {@code applyAsLong(millis)} runs one
   * round of the library contender (or, as the reference, the plain OkHttp loop) and returns
   * requests per second.
   */
  public static final class ThroughputSide implements IntToLongFunction, AutoCloseable {
    private final RawHttpReceiver receiver;
    private final ThroughputComparison.Contenders contenders =
        new ThroughputComparison.Contenders();
    private final Workloads.Body body;
    private final @Nullable MediaWebhooks library;
    private final int concurrency;

    /**
     * Creates the side.
     *
     * @param body {@code microcms} or {@code fotoware}
     * @param concurrency workers, or loop threads
     * @param plainOkHttp whether this side is the plain OkHttp loop instead of the library
     * @throws IOException if the receiver cannot start
     */
    public ThroughputSide(String body, Integer concurrency, Boolean plainOkHttp)
        throws IOException {
      this.receiver = RawHttpReceiver.start();
      this.body = ThroughputComparison.body(body);
      this.concurrency = concurrency;
      this.library = plainOkHttp ? null
          : contenders.library(receiver, this.body, this.body.format, concurrency);
    }

    @Override
    public long applyAsLong(int millis) {
      try {
        ThroughputComparison.Round r = library != null
            ? ThroughputComparison.libraryRound(library, body.event, concurrency,
                millis * 1_000_000L)
            : contenders.round(ThroughputComparison.OKHTTP, null, receiver, body, concurrency,
                millis / 1000.0);
        if (r.failed > 0) {
          throw new IllegalStateException(r.failed + " requests failed");
        }
        return (long) r.perSecond();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }

    @Override
    public void close() throws IOException {
      if (library != null) {
        library.close();
      }
      contenders.close();
      receiver.close();
    }
  }
}
