package io.mediahooks.http.internal;

import io.mediahooks.http.WebhookTransport;

/** The transport a {@code MediaWebhooks} creates (and closes) when the host gives none. */
final class DefaultTransport {
  private DefaultTransport() {}

  static WebhookTransport create() {
    // Replaced by OkHttpTransport.create() once the OkHttp transport is merged.
    throw new IllegalStateException(
        "no WebhookTransport: set one with MediaWebhooks.builder().transport(...)");
  }
}
