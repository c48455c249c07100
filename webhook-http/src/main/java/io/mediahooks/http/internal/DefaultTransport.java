package io.mediahooks.http.internal;

import io.mediahooks.http.WebhookTransport;
import io.mediahooks.http.okhttp.OkHttpTransport;

/** The transport a {@code MediaWebhooks} creates (and closes) when the host gives none. */
final class DefaultTransport {
  private DefaultTransport() {}

  static WebhookTransport create() {
    return OkHttpTransport.create();
  }
}
