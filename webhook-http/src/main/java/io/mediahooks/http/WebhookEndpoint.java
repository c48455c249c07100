package io.mediahooks.http;

import io.mediahooks.core.WebhookFormat;
import io.mediahooks.http.internal.Urls;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One subscriber: where to send, in which format, which events, with which credentials,
 * signature, headers, retry policy and timeouts.
 *
 * <p>Get one with {@link #builder(String)}; only the URL and the {@link WebhookFormat} are
 * required. Defaults: {@link EventFilter#all()}, {@link EndpointAuth#none()}, no signer, no extra headers, {@link
 * RetryPolicy#defaultSchedule()}, timeouts of {@link WebhookRequest#DEFAULT_CONNECT_TIMEOUT 10 s}
 * to connect, {@link WebhookRequest#DEFAULT_READ_TIMEOUT 30 s} between bytes of the answer and
 * {@link WebhookRequest#DEFAULT_CALL_TIMEOUT 30 s} for the whole call, enabled, the {@link
 * MediaWebhooks}' destination guard, a concurrency limit decided by the {@link MediaWebhooks}, and
 * a name derived from the URL's host (and port, when the URL names one).
 *
 * <p>Everything is checked when {@link Builder#build()} runs, so a bad endpoint fails at start-up,
 * not at send time: the URL must be absolute http(s) (its query string is kept byte for byte:
 * microCMS users put their shared secret there), header names must be RFC 9110 tokens and values
 * must not contain CR, LF or other control characters. {@code toString()} redacts the query.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * WebhookEndpoint fotoware = WebhookEndpoint.builder("https://dam.example.com/fotoware/modified")
 *     .name("fotoware-modified")
 *     .format(FotowareAssetFormat.json("https://acme.fotoware.cloud"))
 *     .filter(EventFilter.types(MediaEventType.UPDATED))
 *     .header("X-Tenant", "acme")
 *     .retry(RetryPolicy.exponential().maxAttempts(5).build())
 *     .build();
 * }</pre>
 */
public final class WebhookEndpoint {
  private final String url;
  private final String name;
  private final WebhookFormat format;
  private final EventFilter filter;
  private final EndpointAuth auth;
  private final @Nullable RequestSigner signer;
  private final List<WebhookRequest.Header> headers;
  private final RetryPolicy retryPolicy;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration callTimeout;
  private final boolean enabled;
  private final @Nullable DestinationGuard guard;
  private final int maxConcurrency;

  private WebhookEndpoint(Builder b, WebhookFormat format) {
    this.url = b.url;
    this.name = b.name != null ? b.name : deriveName(b.url);
    this.format = format;
    this.filter = b.filter;
    this.auth = b.auth;
    this.signer = b.signer;
    // Like every list of this API: one array when there are headers, the shared empty list when
    // there are none (most requests and endpoints), so attempts copy and iterate nothing.
    this.headers = List.copyOf(b.headers);
    this.retryPolicy = b.retryPolicy;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.callTimeout = b.callTimeout;
    this.enabled = b.enabled;
    this.guard = b.guard;
    this.maxConcurrency = b.maxConcurrency;
  }

  /**
   * Returns a builder for an endpoint at {@code url}.
   *
   * @param url an absolute http or https URL; the query string is sent byte for byte
   * @return a new builder
   * @throws NullPointerException if {@code url} is null
   * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL with a host
   */
  public static Builder builder(String url) {
    return new Builder(url);
  }

  /**
   * Returns a builder holding this endpoint's configuration, to derive a variant.
   *
   * @return a new builder
   */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /**
   * The URL exactly as configured, query string included. Do not log it: use {@link
   * #toString()}.
   *
   * @return the URL
   */
  public String url() {
    return url;
  }

  /**
   * The endpoint's name, unique within a {@link MediaWebhooks}: in results, dead letters and
   * logs.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The wire format.
   *
   * @return the format
   */
  public WebhookFormat format() {
    return format;
  }

  /**
   * Which events the endpoint receives.
   *
   * @return the filter
   */
  public EventFilter filter() {
    return filter;
  }

  /**
   * How requests are authenticated; {@link EndpointAuth#none()} unless set.
   *
   * @return the auth
   */
  public EndpointAuth auth() {
    return auth;
  }

  /**
   * How requests are signed, or null when they are not.
   *
   * @return the signer, or null
   */
  public @Nullable RequestSigner signer() {
    return signer;
  }

  /**
   * Extra headers sent with every request, in order. They are added after the format's headers
   * and replace a format header of the same name. Unmodifiable.
   *
   * @return the headers
   */
  public List<WebhookRequest.Header> headers() {
    return headers;
  }

  /**
   * When to retry.
   *
   * @return the retry policy
   */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
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
   * How long to wait between bytes of the answer.
   *
   * @return the read timeout
   */
  public Duration readTimeout() {
    return readTimeout;
  }

  /**
   * How long one request may take in all, from connecting to the end of the answer.
   *
   * @return the call timeout
   */
  public Duration callTimeout() {
    return callTimeout;
  }

  /**
   * Whether events are sent. A disabled endpoint records every event as filtered.
   *
   * @return true when enabled
   */
  public boolean enabled() {
    return enabled;
  }

  /**
   * This endpoint's destination guard, or null to use the {@link MediaWebhooks}' guard.
   *
   * @return the guard, or null
   */
  public @Nullable DestinationGuard guard() {
    return guard;
  }

  /**
   * At most how many deliveries to this endpoint are in flight at once, or 0 to let the {@link
   * MediaWebhooks} decide (see {@link MediaWebhooks.Builder#workers(int)}).
   *
   * @return the limit, or 0
   */
  public int maxConcurrency() {
    return maxConcurrency;
  }

  @Override
  public String toString() {
    return "WebhookEndpoint{" + name + ' ' + Redaction.url(url) + ", format=" + format.name()
        + ", filter=" + filter + (enabled ? "" : ", disabled") + '}';
  }

  private static String deriveName(String url) {
    URI uri = URI.create(url);
    String host = Objects.requireNonNull(uri.getHost()).toLowerCase(Locale.ROOT);
    return uri.getPort() >= 0 ? host + ':' + uri.getPort() : host;
  }

  /**
   * Builds a {@link WebhookEndpoint}. Not thread-safe.
   *
   * <pre>{@code
   * WebhookEndpoint microCms = WebhookEndpoint.builder("https://hooks.example.com/media?auth=s3cr3t")
   *     .format(MicroCmsMediaFormat.create("my-service"))
   *     .retry(RetryPolicy.none())
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private final String url;
    private @Nullable String name;
    private @Nullable WebhookFormat format;
    private EventFilter filter = EventFilter.all();
    private EndpointAuth auth = EndpointAuth.none();
    private @Nullable RequestSigner signer;
    private final List<WebhookRequest.Header> headers = new ArrayList<>();
    private RetryPolicy retryPolicy = RetryPolicy.defaultSchedule();
    private Duration connectTimeout = WebhookRequest.DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = WebhookRequest.DEFAULT_READ_TIMEOUT;
    private Duration callTimeout = WebhookRequest.DEFAULT_CALL_TIMEOUT;
    private boolean enabled = true;
    private @Nullable DestinationGuard guard;
    private int maxConcurrency;

    private Builder(String url) {
      this.url = Urls.checkHttpUrl(url, "url");
    }

    private Builder(WebhookEndpoint e) {
      this.url = e.url;
      this.name = e.name;
      this.format = e.format;
      this.filter = e.filter;
      this.auth = e.auth;
      this.signer = e.signer;
      this.headers.addAll(e.headers);
      this.retryPolicy = e.retryPolicy;
      this.connectTimeout = e.connectTimeout;
      this.readTimeout = e.readTimeout;
      this.callTimeout = e.callTimeout;
      this.enabled = e.enabled;
      this.guard = e.guard;
      this.maxConcurrency = e.maxConcurrency;
    }

    /**
     * Sets the name. Default: the URL's host, with {@code :port} when the URL names a port.
     * Names must be unique within a {@link MediaWebhooks}.
     *
     * @param name printable text, at most 200 characters
     * @return this builder
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if {@code name} is blank, too long or has a control
     *     character
     */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name must not be null");
      if (name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      if (name.length() > 200) {
        throw new IllegalArgumentException(
            "name must be at most 200 characters, was " + name.length());
      }
      for (int i = 0; i < name.length(); i++) {
        if (Character.isISOControl(name.charAt(i))) {
          throw new IllegalArgumentException(String.format(
              "name has a control character U+%04X at index %d", (int) name.charAt(i), i));
        }
      }
      this.name = name;
      return this;
    }

    /**
     * Sets the wire format (required).
     *
     * @param format the format
     * @return this builder
     * @throws NullPointerException if {@code format} is null
     */
    public Builder format(WebhookFormat format) {
      this.format = Objects.requireNonNull(format, "format must not be null");
      return this;
    }

    /**
     * Sets which events the endpoint receives. Default {@link EventFilter#all()}.
     *
     * @param filter the filter
     * @return this builder
     * @throws NullPointerException if {@code filter} is null
     */
    public Builder filter(EventFilter filter) {
      this.filter = Objects.requireNonNull(filter, "filter must not be null");
      return this;
    }

    /**
     * Sets how requests are authenticated. Default {@link EndpointAuth#none()}.
     *
     * @param auth the auth
     * @return this builder
     * @throws NullPointerException if {@code auth} is null
     */
    public Builder auth(EndpointAuth auth) {
      this.auth = Objects.requireNonNull(auth, "auth must not be null");
      return this;
    }

    /**
     * Sets how requests are signed. Default: not signed.
     *
     * @param signer the signer, or null for none
     * @return this builder
     */
    public Builder signer(@Nullable RequestSigner signer) {
      this.signer = signer;
      return this;
    }

    /**
     * Adds a header sent with every request, replacing an earlier one of the same name
     * (case-insensitive).
     *
     * @param name an RFC 9110 token
     * @param value tab and printable ASCII only
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name or value is invalid (the message names the
     *     character), or the name is {@code Content-Type} or {@code Content-Length} (set by the
     *     format)
     */
    public Builder header(String name, String value) {
      WebhookRequest.Header h = WebhookRequest.Header.of(name, value);
      if (name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Content-Length")) {
        throw new IllegalArgumentException(
            name + " is set by the endpoint's format; do not add it as a header");
      }
      headers.removeIf(e -> e.name().equalsIgnoreCase(name));
      headers.add(h);
      return this;
    }

    /**
     * Adds several headers in iteration order, as {@link #header(String, String)} does.
     *
     * @param headers name to value
     * @return this builder
     * @throws NullPointerException if {@code headers}, a name or a value is null
     * @throws IllegalArgumentException if a name or value is invalid
     */
    public Builder headers(Map<String, String> headers) {
      Objects.requireNonNull(headers, "headers must not be null");
      headers.forEach(this::header);
      return this;
    }

    /**
     * Sets when to retry. Default {@link RetryPolicy#defaultSchedule()}.
     *
     * @param retryPolicy the policy
     * @return this builder
     * @throws NullPointerException if {@code retryPolicy} is null
     */
    public Builder retry(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy must not be null");
      return this;
    }

    /**
     * Sets the connect timeout. Default 10 s.
     *
     * @param timeout the timeout
     * @return this builder
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Sets the read timeout (between bytes of the answer). Default 30 s.
     *
     * @param timeout the timeout
     * @return this builder
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /**
     * Sets the timeout of a whole request, from connecting to the end of the answer. Default
     * 30 s.
     *
     * <p>Any length costs the same per request with the default transport: OkHttp watches every
     * timeout on one shared thread, which it must wake whenever a timeout becomes the earliest
     * one, and while requests flow the transport keeps a deadline about a second ahead in front
     * of them, so timeouts of a second or more never do. (Without that, the call timeout woke the
     * thread once per request, and each write and read did too when the read timeout was the
     * shorter: 5 to 20% fewer requests per second to a fast receiver.)
     *
     * @param timeout the timeout
     * @return this builder
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive(timeout, "callTimeout");
      return this;
    }

    /**
     * Enables or disables the endpoint. Default enabled. A disabled endpoint records every
     * event as filtered ("endpoint disabled").
     *
     * @param enabled whether to send
     * @return this builder
     */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /**
     * Sets this endpoint's destination guard, overriding the {@link MediaWebhooks}' guard.
     *
     * @param guard the guard
     * @return this builder
     * @throws NullPointerException if {@code guard} is null
     */
    public Builder guard(DestinationGuard guard) {
      this.guard = Objects.requireNonNull(guard, "guard must not be null");
      return this;
    }

    /**
     * Lets this endpoint reach loopback and private networks (an intranet receiver, a test
     * server): shorthand for {@code guard(DestinationGuard.allowingPrivateNetworks())}.
     *
     * @return this builder
     */
    public Builder allowPrivateNetworks() {
      this.guard = DestinationGuard.allowingPrivateNetworks();
      return this;
    }

    /**
     * Sets at most how many deliveries to this endpoint may be in flight at once. Default 0: the
     * {@link MediaWebhooks} decides (see {@link MediaWebhooks.Builder#workers(int)}).
     *
     * @param maxConcurrency at least 1, or 0 for the default
     * @return this builder
     * @throws IllegalArgumentException if {@code maxConcurrency} is negative
     */
    public Builder maxConcurrency(int maxConcurrency) {
      if (maxConcurrency < 0) {
        throw new IllegalArgumentException(
            "maxConcurrency must not be negative, was " + maxConcurrency);
      }
      this.maxConcurrency = maxConcurrency;
      return this;
    }

    /**
     * Builds the endpoint.
     *
     * @return a new immutable endpoint
     * @throws IllegalStateException if no format was set
     */
    public WebhookEndpoint build() {
      WebhookFormat f = format;
      if (f == null) {
        throw new IllegalStateException("format must be set: WebhookEndpoint.builder("
            + Redaction.url(url) + ").format(...) is required");
      }
      return new WebhookEndpoint(this, f);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, () -> name + " must not be null");
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
