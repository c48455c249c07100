package io.mediahooks.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The memory harness on a tiny queue: it fills the queue exactly to capacity against a closed
 * port, and every publish after that is rejected. Heap figures are reported, not asserted.
 */
class MemoryFootprintSmokeTest {

  @Test
  void fillsTheQueueToCapacityAndRejectsEveryOverflowPublish() throws Exception {
    MemoryFootprint.Options o = MemoryFootprint.Options.parse(new String[] {
        "--reps", "1", "--capacity", "40", "--overflow", "300", "--settle", "1"});
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    MemoryFootprint.Report report =
        MemoryFootprint.run(o, new PrintStream(log, true, StandardCharsets.UTF_8));

    assertThat(report.distinct).hasSize(1);
    assertThat(report.shared).hasSize(1);
    for (MemoryFootprint.Run r : java.util.List.of(report.distinct.get(0), report.shared.get(0))) {
      // One warm-up event (4 deliveries) is held first; 9 more events fill the 40 slots.
      assertThat(r.eventsAccepted).isEqualTo(9);
      assertThat(r.held).isEqualTo(36);
      assertThat(r.overflowPublished).isEqualTo(300);
      assertThat(r.overflowRejected).isEqualTo(300);
    }
    assertThat(report.eventBytes).hasSize(1);
    assertThat(report.markdown(o))
        .contains("| heap per queued delivery, distinct events (realistic) |")
        .contains("Overflow publishes rejected: 600 of 600.");
  }
}
