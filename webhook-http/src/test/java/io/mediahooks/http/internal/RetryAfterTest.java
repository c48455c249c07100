package io.mediahooks.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("1994-11-06T08:49:00Z");

  @Test
  void deltaSecondsAreSeconds() {
    assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void hugeDeltaSecondsAreCappedNotOverflowed() {
    assertThat(RetryAfter.parse("99999999999999999999999", NOW))
        .isEqualTo(Duration.ofDays(100 * 365));
  }

  @Test
  void allThreeHttpDateFormsAreAccepted() {
    // RFC 9110 section 5.6.7: IMF-fixdate, obsolete RFC 850 and asctime forms.
    assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW))
        .isEqualTo(Duration.ofSeconds(37));
    assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW))
        .isEqualTo(Duration.ofSeconds(37));
    assertThat(RetryAfter.parse("Sun Nov  6 08:49:37 1994", NOW))
        .isEqualTo(Duration.ofSeconds(37));
  }

  @Test
  void aDateInThePastMeansNow() {
    assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "-5", "1.5", "Mon, 06 Nov 1994 08:49:37 GMT",
      "Sun, 06 Nov 1994 08:49:37"})
  void unparseableValuesAreIgnored(String value) {
    assertThat(RetryAfter.parse(value, NOW)).isNull();
  }

  @Test
  void anAbsentHeaderIsNull() {
    assertThat(RetryAfter.parse(null, NOW)).isNull();
  }

  @Test
  void retryAfterIsKeptBetweenScheduledAndTwiceScheduledThenRaisedWhenThrottled() {
    Duration five = Duration.ofSeconds(5);
    Duration floor = Duration.ofSeconds(60);
    assertThat(Retries.nextDelay(five, Duration.ofSeconds(7), false, floor)).isEqualTo(
        Duration.ofSeconds(7));
    assertThat(Retries.nextDelay(five, Duration.ofSeconds(1), false, floor)).isEqualTo(five);
    assertThat(Retries.nextDelay(five, Duration.ofHours(1), false, floor))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(Retries.nextDelay(five, null, false, floor)).isEqualTo(five);
    assertThat(Retries.nextDelay(five, null, true, floor)).isEqualTo(floor);
    assertThat(Retries.nextDelay(Duration.ofMinutes(5), Duration.ofMinutes(7), true, floor))
        .isEqualTo(Duration.ofMinutes(7));
  }
}
