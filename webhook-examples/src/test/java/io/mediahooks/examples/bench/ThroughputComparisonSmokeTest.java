package io.mediahooks.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The throughput harness, run for a fraction of a second per round: every contender sends, every
 * request it counts reached the receiver, nothing fails. No timing is asserted.
 */
class ThroughputComparisonSmokeTest {

  @Test
  void theLibraryAndTheOkHttpLoopRunBackToBackInTurnsFirstAndTheRestRotates() {
    List<String> names = List.of("library", "library-prerendered", "okhttp", "jdk");
    List<List<String>> orders = new ArrayList<>();
    for (int rep = 0; rep < 6; rep++) {
      List<String> order = ThroughputComparison.order(names, rep);
      orders.add(order);
      assertThat(order).containsExactlyInAnyOrderElementsOf(names);
      int library = order.indexOf("library");
      int okhttp = order.indexOf("okhttp");
      assertThat(Math.abs(library - okhttp)).as("adjacent in " + order).isEqualTo(1);
      assertThat(library < okhttp).as("library first in " + order).isEqualTo(rep % 2 == 0);
    }
    // Every contender (the pair as one) takes every position in turn.
    assertThat(orders.stream().map(o -> o.get(0)).distinct())
        .containsExactlyInAnyOrder("library", "okhttp", "library-prerendered", "jdk");
    // Without both of the pair, a plain rotation.
    assertThat(ThroughputComparison.order(List.of("library", "jdk"), 1))
        .containsExactly("jdk", "library");
  }

  @Test
  void everyContenderDeliversAndEveryCountedRequestReachedTheReceiver() throws Exception {
    ThroughputComparison.Report report = run("--concurrency", "1,3",
        "--bodies", "microcms,fotoware", "--nagle", "fotoware");

    assertThat(report.failed()).isZero();
    assertThat(report.sent).isPositive();
    assertThat(report.uncounted()).isZero();
    assertThat(report.received).isEqualTo(report.sent);
    assertThat(report.cells).hasSize(4);
    for (ThroughputComparison.Cell cell : report.cells) {
      List<String> expected = cell.body.equals("fotoware")
          ? List.of("library", "okhttp", "jdk", "okhttp-nagle")
          : List.of("library", "okhttp", "jdk");
      assertThat(cell.rounds.keySet()).containsExactlyInAnyOrderElementsOf(expected);
      cell.rounds.forEach((name, rounds) -> {
        ThroughputComparison.Round r = rounds.get(0);
        // Loops make at least one call per thread; the library publishes at least one batch.
        assertThat(r.ok).as(cell.body + " " + name).isGreaterThanOrEqualTo(
            name.equals("library") ? 1 : cell.concurrency);
        assertThat(r.received).as(cell.body + " " + name).isEqualTo(r.ok);
      });
    }
    assertThat(report.cells).allSatisfy(cell -> assertThat(cell.warmupReps).isZero());
    assertThat(report.markdown())
        .contains("| microcms (204 B) | 1 |")
        .contains("| fotoware (9,534 B) | 3 |");
  }

  @Test
  void thePrerenderedContenderDeliversOneBodyAndGetsItsOwnColumn() throws Exception {
    ThroughputComparison.Report report = run("--concurrency", "2", "--warmup", "1",
        "--max-warmup", "1", "--bodies", "fotoware", "--contenders", "library-prerendered,okhttp");

    assertThat(report.failed()).isZero();
    assertThat(report.cells.get(0).warmupReps).isEqualTo(1);
    assertThat(report.received).isEqualTo(report.sent);
    ThroughputComparison.Cell cell = report.cells.get(0);
    assertThat(cell.rounds.keySet()).containsExactlyInAnyOrder("library-prerendered", "okhttp");
    assertThat(cell.rounds.get("library-prerendered").get(0).ok).isPositive();
    assertThat(report.markdown()).contains("library, body prerendered / OkHttp")
        .containsPattern("\\| fotoware \\(9,534 B\\) \\| 2 \\|.*\\| [0-9.]+ \\|\\R");
  }

  @Test
  void optionsAreCheckedAndNamed() {
    assertThatThrownBy(() -> ThroughputComparison.Options.parse(new String[] {"--bogus", "1"}))
        .hasMessageContaining("unknown option --bogus");
    assertThatThrownBy(() -> ThroughputComparison.Options.parse(new String[] {"--concurrency",
        "0"})).hasMessageContaining("concurrency must be 1 to 256");
    assertThatThrownBy(() -> ThroughputComparison.Options.parse(new String[] {"--contenders",
        "curl"})).hasMessageContaining("unknown contender curl");
    assertThatThrownBy(() -> ThroughputComparison.Options.parse(new String[] {"--reps"}))
        .hasMessageContaining("needs a value");
  }

  @Test
  void warmUpLastsAtLeastTheMinimumThenUntilTheJitIsQuietAndAtMostTheMaximum() {
    ThroughputComparison.Options o = ThroughputComparison.Options.parse(new String[] {
        "--seconds", "2", "--warmup", "2", "--max-warmup", "4"});

    // Under 5% of a 2 s round compiling is quiet; 100 ms is not.
    assertThat(o.jitQuiet(99)).isTrue();
    assertThat(o.jitQuiet(100)).isFalse();
    // The minimum runs whatever the JIT does.
    assertThat(o.warmingUp(0, true)).isTrue();
    assertThat(o.warmingUp(1, true)).isTrue();
    // Then only while the last warm-up repetition compiled, and never beyond the maximum.
    assertThat(o.warmingUp(2, true)).isFalse();
    assertThat(o.warmingUp(2, false)).isTrue();
    assertThat(o.warmingUp(3, false)).isTrue();
    assertThat(o.warmingUp(4, false)).isFalse();
    // No warm-up asked for: measured from the first repetition.
    ThroughputComparison.Options none = ThroughputComparison.Options.parse(new String[] {
        "--warmup", "0"});
    assertThat(none.warmingUp(0, true)).isFalse();

    assertThatThrownBy(() -> ThroughputComparison.Options.parse(new String[] {"--warmup", "3",
        "--max-warmup", "2"})).hasMessageContaining("warmup <= max-warmup");
  }

  @Test
  void medianAndRatioAreTakenOverRepetitions() {
    ThroughputComparison.Cell cell = new ThroughputComparison.Cell("b", 1, 1);
    long second = 1_000_000_000L;
    cell.rounds.put("library", List.of(round(90, second), round(50, second), round(100, second)));
    cell.rounds.put("okhttp", List.of(round(100, second), round(100, second), round(80, second)));

    assertThat(cell.median("library")).isEqualTo(90.0);
    assertThat(cell.median("okhttp")).isEqualTo(100.0);
    // Ratios per repetition: 0.9, 0.5, 1.25.
    assertThat(cell.medianRatio("library")).isEqualTo(0.9);
    assertThat(ThroughputComparison.Stats.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }

  @Test
  void aLoopCountsFailuresAndKeepsWhatTheFirstOneMet() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    // Three quick calls (the second throws, the third is answered badly), then slow ones until
    // the 0.5 s round ends.
    ThroughputComparison.Round r = ThroughputComparison.loop(1, 500_000_000L, () -> {
      int call = calls.incrementAndGet();
      if (call == 2) {
        throw new IOException("connection reset");
      }
      if (call > 3) {
        LockSupport.parkNanos(100_000_000L);
      }
      return call != 3;
    });

    assertThat(calls.get()).isGreaterThan(3);
    assertThat(r.failed).isEqualTo(2);
    assertThat(r.ok).isEqualTo(calls.get() - 2);
    assertThat(r.firstFailure).isEqualTo("java.io.IOException: connection reset");

    ThroughputComparison.Round clean = ThroughputComparison.loop(2, 1_000_000L, () -> true);
    assertThat(clean.failed).isZero();
    assertThat(clean.firstFailure).isNull();
  }

  private static ThroughputComparison.Round round(long ok, long nanos) {
    return new ThroughputComparison.Round(ok, 0, nanos, ok, 0, 0, 0, null);
  }

  /**
   * One round of 0.2 s per contender, no warm-up unless the options ask for it, with these options
   * added (a later option overrides an earlier one); the log discarded.
   */
  private static ThroughputComparison.Report run(String... options) throws Exception {
    String[] args = new String[6 + options.length];
    System.arraycopy(new String[] {"--seconds", "0.2", "--warmup", "0", "--reps", "1"}, 0,
        args, 0, 6);
    System.arraycopy(options, 0, args, 6, options.length);
    return ThroughputComparison.run(ThroughputComparison.Options.parse(args),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }
}
