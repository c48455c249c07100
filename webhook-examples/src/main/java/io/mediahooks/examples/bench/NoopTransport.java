package io.mediahooks.examples.bench;

import io.mediahooks.http.WebhookRequest;
import io.mediahooks.http.WebhookResponse;
import io.mediahooks.http.WebhookTransport;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * A transport that answers 200 at once without any I/O: what is left of a delivery is the
 * library's own work (render, auth, sign, bookkeeping). Counts the requests and body bytes it was
 * given, so a harness can check every delivery reached it. Thread-safe.
 */
final class NoopTransport implements WebhookTransport {
  private static final WebhookResponse OK = WebhookResponse.of(200, Map.of(), "");

  private final LongAdder requests = new LongAdder();
  private final LongAdder bodyBytes = new LongAdder();

  @Override
  public WebhookResponse send(WebhookRequest request) {
    requests.increment();
    bodyBytes.add(request.bodyLength());
    return OK;
  }

  long requests() {
    return requests.sum();
  }

  long bodyBytes() {
    return bodyBytes.sum();
  }

  @Override
  public String toString() {
    return "NoopTransport";
  }
}
