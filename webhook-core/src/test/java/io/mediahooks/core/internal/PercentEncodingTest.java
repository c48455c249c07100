package io.mediahooks.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.core.internal.PercentEncoding.Safe;
import org.junit.jupiter.api.Test;

class PercentEncodingTest {

  @Test
  void unreservedKeepsOnlyLettersDigitsAndDashDotUnderscoreTilde() {
    // Python: urllib.parse.quote("a-._~ /:?é", safe='') == 'a-._~%20%2F%3A%3F%C3%A9'
    assertThat(PercentEncoding.encode("a-._~ /:?é", Safe.UNRESERVED, false))
        .isEqualTo("a-._~%20%2F%3A%3F%C3%A9");
  }

  @Test
  void formEncodingWritesSpaceAsPlus() {
    // Python: urllib.parse.quote_plus("a b+c", safe='') == 'a+b%2Bc'
    assertThat(PercentEncoding.encode("a b+c", Safe.UNRESERVED, true)).isEqualTo("a+b%2Bc");
  }

  @Test
  void headerValueKeepsPrintableAsciiButSpaceQuoteAndPercent() {
    // CloudEvents HTTP binding 3.1.3.2 example: "Euro € 😀" -> "Euro%20%E2%82%AC%20%F0%9F%98%80"
    assertThat(PercentEncoding.encode("Euro € \uD83D\uDE00", Safe.HEADER_VALUE, false))
        .isEqualTo("Euro%20%E2%82%AC%20%F0%9F%98%80");
    assertThat(PercentEncoding.encode("a\"b%c/d:e", Safe.HEADER_VALUE, false))
        .isEqualTo("a%22b%25c/d:e");
  }

  @Test
  void unpairedSurrogateIsRejectedWithItsIndexInsteadOfBecomingQuestionMark() {
    assertThatThrownBy(() -> PercentEncoding.encode("ab\uD800c", Safe.UNRESERVED, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 2");
  }
}
