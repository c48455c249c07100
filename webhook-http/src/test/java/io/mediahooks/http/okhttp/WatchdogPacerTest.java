package io.mediahooks.http.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WatchdogPacerTest {
  // Far longer than any test: okio's watchdog never fires it by itself; the tests play its part.
  private static final long PERIOD = TimeUnit.HOURS.toNanos(1);

  private final AtomicLong now = new AtomicLong(1_000);
  private final WatchdogPacer pacer = new WatchdogPacer(PERIOD, now::get);

  @AfterEach
  void leaveOkiosQueue() {
    pacer.exit();
  }

  @Test
  void theFirstRequestPutsItInTheQueueAndLaterOnesLeaveItThere() {
    assertThat(pacer.isArmed()).isFalse();
    pacer.requestStarting();
    assertThat(pacer.isArmed()).isTrue();
    // okio throws "Unbalanced enter/exit" on a second enter: the later requests must not enter.
    assertThatCode(() -> {
      pacer.requestStarting();
      pacer.requestStarting();
    }).doesNotThrowAnyException();
    assertThat(pacer.isArmed()).isTrue();
  }

  @Test
  void whenItFiresItStaysWhileRequestsWereSentInThePeriod() {
    pacer.requestStarting();
    now.addAndGet(PERIOD / 2);
    pacer.requestStarting();
    now.addAndGet(PERIOD / 2 + 1); // a full period since the first request, half since the last

    pacer.timedOut();

    assertThat(pacer.isArmed()).isTrue();
    assertThatThrownBy(pacer::enter).as("already back in okio's queue")
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Unbalanced");
  }

  @Test
  void whenItFiresAfterAQuietPeriodItLeavesAndTheNextRequestPutsItBack() {
    pacer.requestStarting();
    now.addAndGet(PERIOD);

    pacer.timedOut();

    assertThat(pacer.isArmed()).isFalse();
    pacer.requestStarting();
    assertThat(pacer.isArmed()).isTrue();
    assertThatThrownBy(pacer::enter).as("back in okio's queue")
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Unbalanced");
  }

  @Test
  void leavingAfterAQuietPeriodReallyLeavesOkiosQueue() {
    pacer.requestStarting();
    now.addAndGet(PERIOD);

    pacer.timedOut();

    // Out of the queue, okio lets it enter again (and the AfterEach takes it out).
    assertThatCode(pacer::enter).doesNotThrowAnyException();
  }

}
