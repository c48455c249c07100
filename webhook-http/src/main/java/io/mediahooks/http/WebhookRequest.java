package io.mediahooks.http;

import io.mediahooks.core.internal.HeaderChecks;
import io.mediahooks.http.internal.Urls;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request exactly as it will be sent: method, URL (byte for byte, query string
 * included), headers in order, body and content type, timeouts, and the {@link DestinationGuard}
 * the transport must enforce.
 *
 * <p>The delivery engine builds one per attempt from the rendered payload and the endpoint's
 * configuration; {@link EndpointAuth} and {@link RequestSigner} add their headers through {@link
 * #newBuilder()}; a {@link WebhookTransport} sends it. Immutable and thread-safe; the body is a
 * read-only view that is never copied on the way to the socket.
 *
 * <pre>{@code
 * WebhookRequest request = WebhookRequest.builder("https://hooks.example.com/media?auth=s3cr3t")
 *     .body("application/json", ByteBuffer.wrap(json))
 *     .addHeader("User-Agent", "FotoWeb/8.1")
 *     .build();
 * WebhookResponse response = transport.send(request);
 * }</pre>
 */
public final class WebhookRequest {
  /** Default connect timeout: 10 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Default read timeout (between bytes of the response): 30 seconds. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  /**
   * Default timeout of the whole call, connect to last byte: 30 seconds. Hosted webhook services
   * give a receiver 15 to 30 seconds; longer only holds a worker on a receiver that hangs. Equal to
   * the read timeout on purpose: see {@link WebhookEndpoint.Builder#callTimeout(Duration)}.
   */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);

  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

  private final String method;
  private final String url;
  private final List<Header> headers;
  private final @Nullable String contentType;
  private final ByteBuffer body;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration callTimeout;
  private final DestinationGuard guard;

  private WebhookRequest(Builder b) {
    this.method = b.method;
    this.url = b.url;
    // Like every list of this API: one array when there are headers, the shared empty list when
    // there are none (most requests and endpoints), so attempts copy and iterate nothing.
    this.headers = List.copyOf(b.headers);
    this.contentType = b.contentType;
    this.body = b.body;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.callTimeout = b.callTimeout;
    this.guard = b.guard;
  }

  /**
   * Returns a builder for a POST to {@code url} with no body, default timeouts and the default
   * {@link DestinationGuard#strict() strict} guard.
   *
   * @param url an absolute http or https URL; kept byte for byte
   * @return a new builder
   * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL
   */
  public static Builder builder(String url) {
    return new Builder(url);
  }

  /**
   * Returns a builder holding this request's fields.
   *
   * @return a new builder
   */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /**
   * The HTTP method, {@code POST} unless set otherwise.
   *
   * @return the method
   */
  public String method() {
    return method;
  }

  /**
   * The URL exactly as configured, query string included (microCMS secrets live there).
   *
   * @return the URL
   */
  public String url() {
    return url;
  }

  /**
   * The headers in the order they are sent, excluding {@code Content-Type} and {@code
   * Content-Length}. Unmodifiable.
   *
   * @return the headers
   */
  public List<Header> headers() {
    return headers;
  }

  /**
   * The first value of a header, compared case-insensitively, or null.
   *
   * @param name the header name
   * @return the value, or null
   */
  public @Nullable String header(String name) {
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        return h.value();
      }
    }
    return null;
  }

  /**
   * The {@code Content-Type} to send with the body, or null when there is no body.
   *
   * @return the content type
   */
  public @Nullable String contentType() {
    return contentType;
  }

  /**
   * A read-only view of the body, positioned at its start; independent per call.
   *
   * @return the body, empty when there is none
   */
  public ByteBuffer body() {
    return body.duplicate();
  }

  /**
   * The body's length in bytes.
   *
   * @return the length
   */
  public int bodyLength() {
    return body.remaining();
  }

  /**
   * How long to wait for a connection.
   *
   * @return the connect timeout
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * How long to wait between bytes of the response.
   *
   * @return the read timeout
   */
  public Duration readTimeout() {
    return readTimeout;
  }

  /**
   * How long the whole call may take, from connecting to the last byte of the response.
   *
   * @return the call timeout
   */
  public Duration callTimeout() {
    return callTimeout;
  }

  /**
   * The destination rules the transport must apply to every address it connects to for this
   * request.
   *
   * @return the guard
   */
  public DestinationGuard guard() {
    return guard;
  }

  @Override
  public String toString() {
    // Never the URL's query or header values: they carry secrets.
    return "WebhookRequest{" + method + ' ' + Redaction.url(url) + ", " + body.remaining()
        + " bytes}";
  }

  /**
   * One header: a validated name and value. Immutable.
   *
   * <pre>{@code
   * WebhookRequest.Header h = WebhookRequest.Header.of("x-btrz-signature", "t=1,s=..,s2=..");
   * }</pre>
   */
  public static final class Header {
    private final String name;
    private final String value;

    private Header(String name, String value) {
      this.name = name;
      this.value = value;
    }

    /**
     * Returns a header after validating it.
     *
     * @param name an RFC 9110 token
     * @param value tab and printable ASCII only
     * @return the header
     * @throws IllegalArgumentException naming the invalid character
     */
    public static Header of(String name, String value) {
      return new Header(HeaderChecks.name(name), HeaderChecks.value(name, value));
    }

    /**
     * The name.
     *
     * @return the name
     */
    public String name() {
      return name;
    }

    /**
     * The value.
     *
     * @return the value
     */
    public String value() {
      return value;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Header && name.equals(((Header) o).name)
          && value.equals(((Header) o).value);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, value);
    }

    @Override
    public String toString() {
      return name + ": " + (Redaction.headerValue(name, value));
    }
  }

  /**
   * Builds a {@link WebhookRequest}. Not thread-safe.
   *
   * <pre>{@code
   * WebhookRequest signed = request.newBuilder()
   *     .setHeader("x-microcms-signature", hex)
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private String method = "POST";
    private final String url;
    private final List<Header> headers = new ArrayList<>();
    private @Nullable String contentType;
    private ByteBuffer body = EMPTY;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private DestinationGuard guard = DestinationGuard.strict();

    private Builder(String url) {
      this.url = Urls.checkHttpUrl(url, "url");
    }

    private Builder(WebhookRequest r) {
      this.method = r.method;
      this.url = r.url;
      this.headers.addAll(r.headers);
      this.contentType = r.contentType;
      this.body = r.body;
      this.connectTimeout = r.connectTimeout;
      this.readTimeout = r.readTimeout;
      this.callTimeout = r.callTimeout;
      this.guard = r.guard;
    }

    /**
     * Sets the method. Default {@code POST}.
     *
     * @param method an HTTP method token
     * @return this builder
     * @throws IllegalArgumentException if {@code method} is not a token
     */
    public Builder method(String method) {
      this.method = HeaderChecks.name(Objects.requireNonNull(method, "method must not be null"));
      return this;
    }

    /**
     * Adds a header, keeping any earlier one of the same name.
     *
     * @param name the name
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the name or value is invalid, or names {@code
     *     Content-Type} or {@code Content-Length} (set through {@link #body})
     */
    public Builder addHeader(String name, String value) {
      Header h = Header.of(name, value);
      rejectBodyHeaders(name);
      headers.add(h);
      return this;
    }

    /**
     * Sets a header, replacing every earlier one of the same name (case-insensitive).
     *
     * @param name the name
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the name or value is invalid, or names {@code
     *     Content-Type} or {@code Content-Length}
     */
    public Builder setHeader(String name, String value) {
      Header h = Header.of(name, value);
      rejectBodyHeaders(name);
      removeHeader(name);
      headers.add(h);
      return this;
    }

    /**
     * Adds several headers in order, replacing earlier ones of the same names.
     *
     * @param headers name to value
     * @return this builder
     * @throws IllegalArgumentException if a name or value is invalid
     */
    public Builder setHeaders(Map<String, String> headers) {
      headers.forEach(this::setHeader);
      return this;
    }

    /**
     * Removes every header of that name (case-insensitive).
     *
     * @param name the name
     * @return this builder
     */
    public Builder removeHeader(String name) {
      headers.removeIf(h -> h.name().equalsIgnoreCase(name));
      return this;
    }

    /**
     * Sets the body. The buffer's remaining bytes are the body; it is not copied, so the caller
     * must not change it afterwards.
     *
     * @param contentType the exact {@code Content-Type} value
     * @param body the body
     * @return this builder
     * @throws IllegalArgumentException if {@code contentType} is invalid
     */
    public Builder body(String contentType, ByteBuffer body) {
      this.contentType = HeaderChecks.value("Content-Type",
          Objects.requireNonNull(contentType, "contentType must not be null"));
      this.body = Objects.requireNonNull(body, "body must not be null").asReadOnlyBuffer();
      return this;
    }

    /**
     * Sets the three timeouts.
     *
     * @param connect connect timeout
     * @param read read timeout
     * @param call whole-call timeout
     * @return this builder
     * @throws IllegalArgumentException if a timeout is zero or negative
     */
    public Builder timeouts(Duration connect, Duration read, Duration call) {
      this.connectTimeout = positive(connect, "connectTimeout");
      this.readTimeout = positive(read, "readTimeout");
      this.callTimeout = positive(call, "callTimeout");
      return this;
    }

    /**
     * Sets the destination guard the transport must enforce. Default {@link
     * DestinationGuard#strict()}.
     *
     * @param guard the guard
     * @return this builder
     */
    public Builder guard(DestinationGuard guard) {
      this.guard = Objects.requireNonNull(guard, "guard must not be null");
      return this;
    }

    /**
     * Builds the request.
     *
     * @return a new immutable request
     */
    public WebhookRequest build() {
      return new WebhookRequest(this);
    }

    private static void rejectBodyHeaders(String name) {
      if (name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Content-Length")) {
        throw new IllegalArgumentException(
            name + " is set from the body; do not add it as a header");
      }
    }

    static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, () -> name + " must not be null");
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
