package io.mediahooks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookRequestTest {

  private static List<String> names(WebhookRequest r) {
    return r.headers().stream().map(h -> h.name() + "=" + h.value()).toList();
  }

  @Test
  void headersAreKeptInOrderAndNoRequestSeesItsBuildersLaterCalls() {
    WebhookRequest.Builder b = WebhookRequest.builder("https://example.com/hook?auth=s3cret");
    WebhookRequest none = b.build();
    b.addHeader("X-One", "1").addHeader("X-Two", "2").addHeader("X-One", "again");
    WebhookRequest three = b.build();
    b.setHeader("x-one", "set");
    WebhookRequest replaced = b.build();

    assertThat(none.headers()).isEmpty();
    assertThat(names(three)).containsExactly("X-One=1", "X-Two=2", "X-One=again");
    assertThat(names(replaced)).containsExactly("X-Two=2", "x-one=set");
    assertThat(replaced.url()).isEqualTo("https://example.com/hook?auth=s3cret");
    for (WebhookRequest r : List.of(none, three, replaced)) {
      assertThatThrownBy(() -> r.headers().add(WebhookRequest.Header.of("X-Three", "3")))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Test
  void aDerivedRequestStartsWithEverythingAndLeavesTheOriginalAlone() {
    ByteBuffer body = ByteBuffer.wrap("{}".getBytes(StandardCharsets.UTF_8));
    WebhookRequest empty = WebhookRequest.builder("https://example.com/hook")
        .body("application/json", body)
        .build();
    WebhookRequest signed = empty.newBuilder().setHeader("X-Sig", "abc").build();
    WebhookRequest resigned = signed.newBuilder().setHeader("X-Sig", "def")
        .addHeader("X-Other", "1").build();

    assertThat(empty.headers()).isEmpty();
    assertThat(names(signed)).containsExactly("X-Sig=abc");
    assertThat(names(resigned)).containsExactly("X-Sig=def", "X-Other=1");
    assertThat(resigned.contentType()).isEqualTo("application/json");
    assertThat(resigned.bodyLength()).isEqualTo(2);
  }
}
