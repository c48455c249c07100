package io.mediahooks.examples.bench;

import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.MediaSnapshot;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What building the event costs the host before it publishes (JMH average time, microseconds
 * per event): the other half of the host's bill next to {@link PublishBenchmark}, which gets its
 * events built already. The update is {@link PublishBenchmark}'s "3 of 4 filter it" event (title
 * and tags edited), built from snapshots the host already has, as a media service does after it
 * saved the edit. The events are {@link Workloads}' own, with their ids formatted in advance:
 * formatting them is the benchmark's own cost, not the library's.
 *
 * <pre>
 * java -cp webhook-examples/target/mediahooks.jar org.openjdk.jmh.Main EventBenchmark \
 *     -f 1 -wi 3 -i 5 -w 2s -r 3s -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class EventBenchmark {
  private static final int RING = 1024;

  private final MediaSnapshot[] befores = new MediaSnapshot[RING];
  private final MediaSnapshot[] afters = new MediaSnapshot[RING];
  private final String[] ids = new String[RING];
  private int next;

  /** Creates the benchmark (JMH calls {@link #setUp()} before measuring). */
  public EventBenchmark() {}

  /** Builds the snapshots the events are made of. */
  @Setup
  public void setUp() {
    for (int i = 0; i < RING; i++) {
      befores[i] = Workloads.image(i);
      afters[i] = Workloads.edited(befores[i]);
      ids[i] = Workloads.eventId(i);
    }
  }

  /**
   * One update event from two snapshots.
   *
   * @return the event
   */
  @Benchmark
  public MediaEvent update() {
    int i = next++ & (RING - 1);
    return Workloads.event(MediaEventType.UPDATED, ids[i])
        .before(befores[i]).after(afters[i]).build();
  }

  /**
   * One created event from a snapshot.
   *
   * @return the event
   */
  @Benchmark
  public MediaEvent created() {
    int i = next++ & (RING - 1);
    return Workloads.event(MediaEventType.CREATED, ids[i]).after(befores[i]).build();
  }
}
