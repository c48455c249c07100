package io.mediahooks.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.http.WebhookResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceivedHeadersTest {
  private final ReceivedHeaders headers = ReceivedHeaders.of(
      "Content-Type", "text/plain", "X-Trace", "a", "Retry-After", "120", "x-trace", "b");

  @Test
  void groupsUnderTheFirstSpellingInOrderLikeACopiedMap() {
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("Content-Type", List.of("text/plain"));
    expected.put("X-Trace", List.of("a", "b"));
    expected.put("Retry-After", List.of("120"));

    assertThat(headers).isEqualTo(expected);
    assertThat(headers.keySet()).containsExactly("Content-Type", "X-Trace", "Retry-After");
    assertThat(headers.get("X-Trace")).containsExactly("a", "b");
    assertThat(headers.get("x-trace")).isNull(); // Map.get is exact, as for any map
    assertThat(headers.containsKey("Retry-After")).isTrue();
    assertThat(headers).hasSize(3);
    assertThat(headers.hashCode()).isEqualTo(expected.hashCode());
  }

  @Test
  void firstMatchesNamesCaseInsensitivelyWithoutTheMap() {
    assertThat(headers.first("retry-after")).isEqualTo("120");
    assertThat(headers.first("X-TRACE")).isEqualTo("a");
    assertThat(headers.first("Location")).isNull();
    assertThat(ReceivedHeaders.of().first("x")).isNull();
  }

  @Test
  void isUnmodifiable() {
    assertThatThrownBy(() -> headers.put("X", List.of("y")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> headers.get("X-Trace").add("c"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> headers.entrySet().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsAnOddArrayAndNulls() {
    assertThatThrownBy(() -> ReceivedHeaders.of("X-Trace"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alternate names and values");
    assertThatThrownBy(() -> ReceivedHeaders.of("X-Trace", null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void aResponseKeepsThemAsTheyAreAndAnswersHeaderFromThem() {
    WebhookResponse response = WebhookResponse.of(429, headers, "");

    assertThat(response.headers()).isSameAs(headers); // no copy: it is immutable already
    assertThat(response.header("RETRY-AFTER")).isEqualTo("120");
    assertThat(response.header("x-trace")).isEqualTo("a");
    assertThat(response.header("Location")).isNull();
  }
}
