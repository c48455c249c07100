package io.mediahooks.http;

import io.mediahooks.http.internal.ReceivedHeaders;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a receiver answered: status code, headers, and the start of the body.
 *
 * <p>Only a snippet of the body is kept (4 KiB by default, {@link WebhookTransport}s read no
 * more), because receivers sometimes answer with whole HTML error pages and a webhook sender has
 * no use for more than the reason. Immutable and thread-safe.
 *
 * <pre>{@code
 * WebhookResponse response = WebhookResponse.of(503, Map.of("Retry-After", List.of("120")), "");
 * assert response.header("retry-after").equals("120");
 * }</pre>
 */
public final class WebhookResponse {
  /** How many bytes of a response body transports keep by default: 4 KiB. */
  public static final int DEFAULT_BODY_SNIPPET_BYTES = 4096;

  private final int status;
  private final Map<String, List<String>> headers;
  private final String bodySnippet;

  private WebhookResponse(int status, Map<String, List<String>> headers, String bodySnippet) {
    this.status = status;
    this.headers = headers;
    this.bodySnippet = bodySnippet;
  }

  /**
   * Returns a response.
   *
   * @param status the HTTP status code, 100 to 599
   * @param headers header name to values; names are matched case-insensitively by {@link
   *     #header(String)}
   * @param bodySnippet the start of the body, decoded as UTF-8 (lossy), already capped
   * @return the response
   * @throws IllegalArgumentException if {@code status} is out of range
   */
  public static WebhookResponse of(
      int status, Map<String, List<String>> headers, String bodySnippet) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100 to 599, was " + status);
    }
    Objects.requireNonNull(bodySnippet, "bodySnippet must not be null");
    if (headers instanceof ReceivedHeaders) {
      return new WebhookResponse(status, headers, bodySnippet); // immutable already, and lazy
    }
    return new WebhookResponse(status, ReceivedHeaders.frozenCopy(headers), bodySnippet);
  }

  /**
   * The status code.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * Whether the status is 2xx: the only success for a webhook (3xx is never followed).
   *
   * @return true for 2xx
   */
  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /**
   * All headers, unmodifiable.
   *
   * @return the headers
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * The first value of a header, matched case-insensitively, or null.
   *
   * @param name the header name
   * @return the value, or null
   */
  public @Nullable String header(String name) {
    if (headers instanceof ReceivedHeaders) {
      return ((ReceivedHeaders) headers).first(name); // without building the map
    }
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  /**
   * The start of the body, at most the transport's cap.
   *
   * @return the body snippet
   */
  public String bodySnippet() {
    return bodySnippet;
  }

  @Override
  public String toString() {
    return "WebhookResponse{status=" + status + ", body=" + bodySnippet.length() + " chars}";
  }
}
