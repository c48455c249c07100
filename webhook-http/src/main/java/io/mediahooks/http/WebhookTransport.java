package io.mediahooks.http;

import java.io.IOException;

/**
 * Sends one HTTP request and returns the receiver's answer: the seam between the delivery engine
 * and an HTTP client.
 *
 * <p>The default is {@code OkHttpTransport}. A host may supply another
 * (its own client stack, a test double). Contract:
 * <ul>
 *   <li>send {@link WebhookRequest#method()}, {@link WebhookRequest#url()} byte for byte, the
 *       headers in order, the body with {@link WebhookRequest#contentType()};
 *   <li>apply the request's timeouts;
 *   <li>check every address it connects to against {@link WebhookRequest#guard()}, after DNS
 *       resolution, and throw {@link DestinationRefusedException} for a refused one;
 *   <li>never follow redirects: a 3xx is returned as is;
 *   <li>read at most a bounded snippet of the response body: {@link
 *       WebhookResponse#DEFAULT_BODY_SNIPPET_BYTES} unless the transport is configured otherwise;
 *   <li>return any HTTP status as a response, and throw {@link IOException} only when no
 *       response was received (refused, reset, timed out).
 * </ul>
 * Implementations must be thread-safe: many workers call {@link #send} at once.
 *
 * <pre>{@code
 * MediaWebhooks webhooks = MediaWebhooks.builder()
 *     .transport(OkHttpTransport.create())
 *     .endpoint(endpoint)
 *     .build();
 * }</pre>
 */
public interface WebhookTransport extends AutoCloseable {

  /**
   * Sends the request and waits for the response.
   *
   * @param request the request
   * @return the response, whatever its status
   * @throws DestinationRefusedException if the guard refuses an address the request would reach
   * @throws IOException if no response was received
   */
  WebhookResponse send(WebhookRequest request) throws IOException;

  /**
   * Releases resources this transport created. A transport must not close what the host gave
   * it (such as an {@code OkHttpClient}). The default does nothing.
   */
  @Override
  default void close() {}
}
