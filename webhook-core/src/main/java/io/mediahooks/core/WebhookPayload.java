package io.mediahooks.core;

import io.mediahooks.core.internal.HeaderChecks;
import io.mediahooks.core.internal.PayloadAccess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The exact request a format wants sent: body bytes, content type, headers the format requires,
 * and the event's name in the vendor's vocabulary.
 *
 * <p>The bytes are final: signers sign these bytes and transports send these bytes, so what a
 * receiver verifies is what was rendered. Headers are ones the vendor's receivers check (for
 * example Fotoware's {@code User-Agent: FotoWeb/8.1}, or CloudEvents' {@code ce-*} attributes in
 * binary mode); endpoint headers, auth and signatures are added by the delivery layer on top.
 *
 * <p>Get one from {@link WebhookFormat#render(MediaEvent, Attempt)}, or build one with {@link
 * #builder(String, String, byte[])} when writing a format. Immutable and thread-safe: the body is
 * copied in and exposed as a read-only buffer or a copy.
 *
 * <pre>{@code
 * WebhookPayload payload = WebhookPayload.builder("images.created", "application/json", bytes)
 *     .header("User-Agent", "FotoWeb/8.1")
 *     .build();
 * }</pre>
 */
public final class WebhookPayload {
  static {
    // Our formats' freshly rendered bodies are handed over without a copy; see PayloadAccess.
    PayloadAccess.install((name, type, body) -> new Builder(name, type, body, false));
  }

  private final String eventName;
  private final String contentType;
  private final byte[] body;
  private final Map<String, String> headers;

  private WebhookPayload(Builder b) {
    this.eventName = b.eventName;
    this.contentType = b.contentType;
    this.body = b.body;
    // Most formats add no header: the shared empty map spares every render two maps.
    this.headers = b.headers == null ? Collections.emptyMap()
        : Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
  }

  /**
   * Returns a builder.
   *
   * @param eventName the event's name as the vendor calls it, for example {@code images.created}
   * @param contentType the {@code Content-Type} header value, exactly as it should be sent
   * @param body the body bytes; copied
   * @return a new builder
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code eventName} or {@code contentType} is blank, or the
   *     content type contains a line break
   */
  public static Builder builder(String eventName, String contentType, byte[] body) {
    return new Builder(eventName, contentType, body, true);
  }

  /**
   * The event's name in the vendor's vocabulary ({@code new}, {@code images.created}, {@code
   * asset-ingested}, ...), for logs, results and routing.
   *
   * @return the event name
   */
  public String eventName() {
    return eventName;
  }

  /**
   * The {@code Content-Type} value to send, byte for byte (Fotoware sends {@code
   * application/json} with no charset, for example).
   *
   * @return the content type
   */
  public String contentType() {
    return contentType;
  }

  /**
   * A read-only view of the body, positioned at its start. Each call returns an independent
   * view, so readers do not disturb each other.
   *
   * @return the body
   */
  public ByteBuffer body() {
    return ByteBuffer.wrap(body).asReadOnlyBuffer();
  }

  /**
   * A copy of the body bytes.
   *
   * @return the body bytes
   */
  public byte[] bodyBytes() {
    return body.clone();
  }

  /**
   * The body decoded as UTF-8, for logs, tests and previews.
   *
   * @return the body text
   */
  public String bodyString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The body's length in bytes.
   *
   * @return the length
   */
  public int bodyLength() {
    return body.length;
  }

  /**
   * Writes the body to a stream without copying it.
   *
   * @param out the stream
   * @throws IOException if the stream fails
   */
  public void writeTo(OutputStream out) throws IOException {
    out.write(body);
  }

  /**
   * Headers the format requires, in order, unmodifiable. Does not include {@code Content-Type}.
   *
   * @return the headers
   */
  public Map<String, String> headers() {
    return headers;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof WebhookPayload)) {
      return false;
    }
    WebhookPayload p = (WebhookPayload) o;
    return eventName.equals(p.eventName)
        && contentType.equals(p.contentType)
        && Arrays.equals(body, p.body)
        && headers.equals(p.headers);
  }

  @Override
  public int hashCode() {
    return eventName.hashCode() * 31 + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "WebhookPayload{event=" + eventName + ", contentType=" + contentType + ", "
        + body.length + " bytes, headers=" + headers.keySet() + '}';
  }

  /**
   * Builds a {@link WebhookPayload}. Not thread-safe.
   *
   * <pre>{@code
   * WebhookPayload p = WebhookPayload.builder("new", "application/json", json).build();
   * }</pre>
   */
  public static final class Builder {
    private final String eventName;
    private final String contentType;
    private final byte[] body;
    private @Nullable Map<String, String> headers; // created by the first header

    private Builder(String eventName, String contentType, byte[] body, boolean copy) {
      this.eventName = Checks.notBlank(eventName, "eventName");
      this.contentType = HeaderChecks.value("Content-Type", Checks.notBlank(contentType,
          "contentType"));
      Checks.notNull(body, "body");
      this.body = copy ? body.clone() : body;
    }

    /**
     * Adds a header the format requires. A later call with the same name (compared
     * case-insensitively) replaces the earlier one.
     *
     * @param name a valid HTTP header name (RFC 9110 token)
     * @param value the value; no CR, LF or NUL
     * @return this builder
     * @throws IllegalArgumentException if the name or value is invalid, or the name is
     *     {@code Content-Type} (set through the builder's argument) or {@code Content-Length}
     */
    public Builder header(String name, String value) {
      HeaderChecks.name(name);
      HeaderChecks.value(name, value);
      if (name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Content-Length")) {
        throw new IllegalArgumentException(
            name + " is derived from the payload; do not set it as a header");
      }
      Map<String, String> h = headers;
      if (h == null) {
        h = new LinkedHashMap<>();
        headers = h;
      } else {
        h.keySet().removeIf(n -> n.equalsIgnoreCase(name));
      }
      h.put(name, value);
      return this;
    }

    /**
     * Builds the payload.
     *
     * @return a new immutable payload
     */
    public WebhookPayload build() {
      return new WebhookPayload(this);
    }
  }
}
