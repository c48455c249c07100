package io.mediahooks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

  @Test
  void defaultScheduleIsTheHostedWebhookScheduleOfEightAttempts() {
    RetryPolicy p = RetryPolicy.defaultSchedule();
    assertThat(p.maxAttempts()).isEqualTo(8);
    assertThat(p.jitter()).isEqualTo(0.2);
    assertThat(p.nominalDelays()).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(5),
        Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
        Duration.ofHours(10));
    assertThat(p.throttledMinimum()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void jitterVariesEachDelayByUpToTwentyPercentEitherWay() {
    RetryPolicy p = RetryPolicy.defaultSchedule();
    assertThat(p.nextDelay(2, 0.0)).contains(Duration.ofMinutes(4));
    assertThat(p.nextDelay(2, 0.5)).contains(Duration.ofMinutes(5));
    assertThat(p.nextDelay(2, 0.75)).contains(Duration.ofMinutes(5).plusSeconds(30));
    assertThat(p.nextDelay(2, 0.999999).orElseThrow())
        .isLessThan(Duration.ofMinutes(6)).isGreaterThan(Duration.ofSeconds(359));
  }

  @Test
  void theDefaultGivesUpAfterTheEighthAttempt() {
    RetryPolicy p = RetryPolicy.defaultSchedule();
    assertThat(p.nextDelay(7, 0.5)).contains(Duration.ofHours(10));
    assertThat(p.nextDelay(8, 0.5)).isEmpty();
  }

  @Test
  void noneAllowsOneAttempt() {
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    assertThat(RetryPolicy.none().nextDelay(1, 0.5)).isEmpty();
    assertThat(RetryPolicy.schedule()).isEqualTo(RetryPolicy.none());
  }

  @Test
  void scheduleHasOneAttemptMoreThanDelaysAndNoJitterUnlessAsked() {
    RetryPolicy p = RetryPolicy.schedule(Duration.ofSeconds(10), Duration.ZERO);
    assertThat(p.maxAttempts()).isEqualTo(3);
    assertThat(p.nextDelay(1, 0.0)).contains(Duration.ofSeconds(10));
    assertThat(p.nextDelay(2, 0.9)).contains(Duration.ZERO);
    assertThat(p.withJitter(0.5).nextDelay(1, 0.0)).contains(Duration.ofSeconds(5));
  }

  @Test
  void exponentialGrowsByTheFactorUpToTheCap() {
    RetryPolicy p = RetryPolicy.exponential().initialDelay(Duration.ofSeconds(1)).factor(3)
        .maxDelay(Duration.ofSeconds(20)).maxAttempts(6).jitter(0).build();
    assertThat(p.nominalDelays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(3),
        Duration.ofSeconds(9), Duration.ofSeconds(20), Duration.ofSeconds(20));
    assertThat(p.nextDelay(6, 0.5)).isEmpty();
  }

  @Test
  void exponentialWithAHugeAttemptCountDoesNotOverflow() {
    RetryPolicy p = RetryPolicy.exponential().maxAttempts(10_000).jitter(0).build();
    assertThat(p.nextDelay(9_000, 0.5)).contains(Duration.ofHours(1));
  }

  @Test
  void builderArgumentsAreCheckedWithMessagesNamingThem() {
    assertThatThrownBy(() -> RetryPolicy.exponential().initialDelay(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("initialDelay must be positive, was PT0S");
    assertThatThrownBy(() -> RetryPolicy.exponential().factor(0.5))
        .hasMessage("factor must be a finite number >= 1, was 0.5");
    assertThatThrownBy(() -> RetryPolicy.exponential().maxAttempts(0))
        .hasMessage("maxAttempts must be at least 1, was 0");
    assertThatThrownBy(() -> RetryPolicy.exponential().jitter(1.5))
        .hasMessage("jitter must be between 0 and 1, was 1.5");
    assertThatThrownBy(() -> RetryPolicy.exponential().initialDelay(Duration.ofMinutes(2))
        .maxDelay(Duration.ofMinutes(1)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("maxDelay (PT1M) must not be shorter than initialDelay (PT2M)");
    assertThatThrownBy(() -> RetryPolicy.schedule(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
        .hasMessage("delays[1] must not be negative, was PT-1S");
    assertThatThrownBy(() -> RetryPolicy.schedule(Duration.ofSeconds(1), null))
        .isInstanceOf(NullPointerException.class).hasMessage("delays[1] must not be null");
    assertThatThrownBy(() -> RetryPolicy.none().withThrottledMinimum(Duration.ofSeconds(-1)))
        .hasMessage("minimum must not be negative, was PT-1S");
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 1.0, Double.NaN})
  void theRandomDrawMustBeInTheUnitInterval(double draw) {
    assertThatThrownBy(() -> RetryPolicy.defaultSchedule().nextDelay(1, draw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("random must be in [0, 1)");
  }

  @Test
  void attemptsMadeStartsAtOne() {
    assertThatThrownBy(() -> RetryPolicy.defaultSchedule().nextDelay(0, 0.5))
        .hasMessage("attemptsMade must be at least 1, was 0");
  }
}
