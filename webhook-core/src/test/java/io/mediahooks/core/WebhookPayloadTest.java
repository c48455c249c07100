package io.mediahooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.core.internal.PayloadAccess;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {
  @Test
  void thePublicBuilderCopiesTheCallersArray() {
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    WebhookPayload payload = WebhookPayload.builder("new", "application/json", body).build();
    body[2] = 'X';
    assertThat(payload.bodyString()).isEqualTo("{\"a\":1}");
    payload.bodyBytes()[0] = 'Y';
    assertThat(payload.bodyString()).isEqualTo("{\"a\":1}");
  }

  @Test
  void theBodyViewIsReadOnlyAndIndependent() {
    WebhookPayload payload =
        WebhookPayload.builder("new", "application/json", new byte[] {1, 2, 3}).build();
    ByteBuffer first = payload.body();
    first.get();
    assertThat(first.isReadOnly()).isTrue();
    assertThat(payload.body().remaining()).isEqualTo(3);
  }

  @Test
  void formatsHandOverTheirFreshArrayWithTheSameChecks() {
    byte[] rendered = "{}".getBytes(StandardCharsets.UTF_8);
    WebhookPayload payload = PayloadAccess.builder("new", "application/json", rendered)
        .header("User-Agent", "FotoWeb/8.1")
        .build();
    assertThat(payload.body().hasArray()).isFalse(); // still read-only to readers
    assertThat(payload.bodyString()).isEqualTo("{}");
    assertThat(payload.headers()).containsEntry("User-Agent", "FotoWeb/8.1");
    assertThatThrownBy(() -> PayloadAccess.builder(" ", "application/json", rendered))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eventName");
    assertThatThrownBy(() -> PayloadAccess.builder("new", "text/plain\r\nX: y", rendered))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Content-Type");
  }

  @Test
  void headersKeepTheirOrderTheLastOfANameWinsAndNoPayloadSeesLaterCalls() {
    WebhookPayload.Builder b = WebhookPayload.builder("new", "application/json", new byte[0]);
    WebhookPayload none = b.build();
    b.header("X-One", "1").header("X-Two", "2");
    WebhookPayload two = b.build();
    b.header("x-one", "again");
    WebhookPayload replaced = b.build();

    assertThat(none.headers()).isEmpty();
    assertThat(two.headers()).containsExactly(
        Map.entry("X-One", "1"), Map.entry("X-Two", "2"));
    assertThat(replaced.headers()).containsExactly(
        Map.entry("X-Two", "2"), Map.entry("x-one", "again"));
    for (WebhookPayload p : List.of(none, two, replaced)) {
      assertThatThrownBy(() -> p.headers().put("X-Three", "3"))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Test
  void onlyWebhookPayloadInstallsTheAdopter() {
    assertThat(WebhookPayload.builder("new", "application/json", new byte[0]).build()).isNotNull();
    assertThatThrownBy(() -> PayloadAccess.install((n, t, b) -> {
      throw new AssertionError("never used");
    })).isInstanceOf(IllegalStateException.class);
  }
}
