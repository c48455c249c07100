package io.mediahooks.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://hooks.example.com/media?auth=s3cr3t | https://hooks.example.com/media?***",
      "https://user:pa55@hooks.example.com/x | https://***@hooks.example.com/x",
      "https://user:pa55@hooks.example.com:8443/x?auth=s3cr3t#frag"
          + " | https://***@hooks.example.com:8443/x?***",
      "https://token@hooks.example.com | https://***@hooks.example.com",
      "https://hooks.example.com/a@b/c | https://hooks.example.com/a@b/c",
      "https://hooks.example.com?q=a@b | https://hooks.example.com?***",
      "https://hooks.example.com/p#secret=1 | https://hooks.example.com/p",
      "https://hooks.example.com/plain | https://hooks.example.com/plain",
      "http://[::1]:8080/x?k=v | http://[::1]:8080/x?***"})
  void urlQueryUserInfoAndFragmentAreMasked(String url, String redacted) {
    assertThat(Redaction.url(url)).isEqualTo(redacted);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Authorization", "proxy-authorization", "Cookie", "Set-Cookie",
      "x-microcms-signature", "x-btrz-signature", "webhook-signature", "X-Auth-Token",
      "X-Webhook-Secret", "X-Api-Key", "apikey", "X-Password", "x-custom-auth"})
  void credentialAndSignatureHeadersAreSensitive(String name) {
    assertThat(Redaction.isSensitiveHeader(name)).isTrue();
    assertThat(Redaction.headerValue(name, "value-123")).isEqualTo(Redaction.MASK);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Content-Type", "User-Agent", "webhook-id", "webhook-timestamp",
      "ce-type", "Retry-After", "Accept"})
  void ordinaryHeadersAreShown(String name) {
    assertThat(Redaction.isSensitiveHeader(name)).isFalse();
    assertThat(Redaction.headerValue(name, "value-123")).isEqualTo("value-123");
  }
}
