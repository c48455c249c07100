package io.mediahooks.examples.bench;

import io.mediahooks.core.Attempt;
import io.mediahooks.core.WebhookPayload;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What rendering one payload costs a worker (JMH average time, microseconds per render): the
 * bodies of {@link ThroughputComparison}, so its figures can be split into rendering and the
 * rest. Diagnostic, no target.
 *
 * <pre>
 * java -cp webhook-examples/target/mediahooks.jar org.openjdk.jmh.Main RenderBenchmark \
 *     -f 1 -wi 3 -i 5 -w 2s -r 3s
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class RenderBenchmark {
  /** Which body: {@code microcms} or {@code fotoware}. */
  @Param({"microcms", "fotoware"})
  public String body = "microcms";

  private Workloads.Body work = Workloads.microCmsSmall();
  private final Attempt attempt = Attempt.first(Instant.parse("2026-03-07T11:44:27.802Z"));

  /** Creates an instance with the default parameter (JMH sets it before set-up). */
  public RenderBenchmark() {}

  /** Builds the event and format. */
  @Setup
  public void setUp() {
    work = ThroughputComparison.body(body);
  }

  /**
   * One render.
   *
   * @return the payload
   */
  @Benchmark
  public Optional<WebhookPayload> render() {
    return work.format.render(work.event, attempt);
  }
}
