package io.mediahooks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {
  private static WebhookEndpoint.Builder builder(String url) {
    return WebhookEndpoint.builder(url).format(TestFormat.create());
  }

  @Test
  void theUrlIsKeptByteForByteButNeverPrinted() {
    WebhookEndpoint e = builder("https://hooks.example.com/media?auth=s3cr3t&x=%2F+").build();
    assertThat(e.url()).isEqualTo("https://hooks.example.com/media?auth=s3cr3t&x=%2F+");
    assertThat(e.toString()).doesNotContain("s3cr3t")
        .contains("https://hooks.example.com/media?***");
  }

  @Test
  void theDefaultNameIsTheHostWithAnExplicitPort() {
    assertThat(builder("https://Hooks.Example.com/a").build().name())
        .isEqualTo("hooks.example.com");
    assertThat(builder("http://127.0.0.1:8080/a").build().name()).isEqualTo("127.0.0.1:8080");
  }

  @Test
  void defaults() {
    WebhookEndpoint e = builder("https://hooks.example.com/a").build();
    assertThat(e.retryPolicy()).isEqualTo(RetryPolicy.defaultSchedule());
    assertThat(e.filter()).isSameAs(EventFilter.all());
    assertThat(e.auth()).isSameAs(EndpointAuth.none());
    assertThat(e.signer()).isNull();
    assertThat(e.headers()).isEmpty();
    assertThat(e.enabled()).isTrue();
    assertThat(e.guard()).isNull();
    assertThat(e.maxConcurrency()).isZero();
    assertThat(e.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(e.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(e.callTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void badUrlsFailAtBuildTime() {
    assertThatThrownBy(() -> WebhookEndpoint.builder("ftp://hooks.example.com/a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("url must use http or https");
    assertThatThrownBy(() -> WebhookEndpoint.builder("/relative?auth=s3cr3t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void headerInjectionAndInvalidNamesFailAtBuildTime() {
    assertThatThrownBy(() -> builder("https://h.example.com/").header("X-A", "ok\r\nX-B: evil"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value of header X-A has an invalid character U+000D");
    assertThatThrownBy(() -> builder("https://h.example.com/").header("X A", "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid character U+0020");
    assertThatThrownBy(() -> builder("https://h.example.com/").header("content-type", "text/x"))
        .hasMessage("content-type is set by the endpoint's format; do not add it as a header");
  }

  @Test
  void aLaterHeaderOfTheSameNameReplacesTheEarlierOne() {
    WebhookEndpoint e = builder("https://h.example.com/")
        .header("X-Tenant", "a").header("X-Other", "b").header("x-tenant", "c").build();
    assertThat(e.headers()).extracting(WebhookRequest.Header::toString)
        .containsExactly("X-Other: b", "x-tenant: c");
  }

  @Test
  void theFormatIsRequired() {
    assertThatThrownBy(() -> WebhookEndpoint.builder("https://h.example.com/x?k=secret").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("format must be set: WebhookEndpoint.builder(https://h.example.com/x?***)"
            + ".format(...) is required");
  }

  @Test
  void namesAndTimeoutsAreChecked() {
    assertThatThrownBy(() -> builder("https://h.example.com/").name("a\nb"))
        .hasMessage("name has a control character U+000A at index 1");
    assertThatThrownBy(() -> builder("https://h.example.com/").readTimeout(Duration.ZERO))
        .hasMessage("readTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> builder("https://h.example.com/").maxConcurrency(-1))
        .hasMessage("maxConcurrency must not be negative, was -1");
  }

  @Test
  void newBuilderKeepsEverything() {
    WebhookEndpoint e = builder("https://h.example.com/").name("n").header("X", "1")
        .retry(RetryPolicy.none()).enabled(false).allowPrivateNetworks().maxConcurrency(2)
        .build();
    WebhookEndpoint copy = e.newBuilder().build();
    assertThat(copy.name()).isEqualTo("n");
    assertThat(copy.headers()).isEqualTo(e.headers());
    assertThat(copy.retryPolicy()).isEqualTo(RetryPolicy.none());
    assertThat(copy.enabled()).isFalse();
    assertThat(copy.guard()).isEqualTo(DestinationGuard.allowingPrivateNetworks());
    assertThat(copy.maxConcurrency()).isEqualTo(2);
  }

  @Test
  void endpointNamesMustBeUniqueInAMediaWebhooks() {
    MediaWebhooks.Builder b = MediaWebhooks.builder()
        .transport(new ScriptedTransport())
        .endpoint(builder("https://h.example.com/a").build())
        .endpoint(builder("https://h.example.com/b").build());
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("endpoints 0 and 1 are both named 'h.example.com'; endpoint names must be"
            + " unique: set one with WebhookEndpoint.Builder.name()");
  }
}
