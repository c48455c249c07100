package io.mediahooks.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where an event happened: the tenant or service, the account, the site's base URL and whether it
 * is live or a test.
 *
 * <p>Formats take vendor fields from here: microCMS's {@code service} is {@link #serviceId()},
 * Betterez's {@code accountId} and {@code livemode} come from {@link #accountId()} and
 * {@link #liveMode()}, Fotoware's absolute {@code href} starts with {@link #siteUrl()}, and
 * CloudEvents' {@code source} is the site URL or the service id. Each field is optional here; a
 * format that needs one it does not find (in the source or in its own configuration) throws a
 * {@link FormatException} naming it.
 *
 * <p>Get one with {@link #builder()} or {@link #of(String)}; {@link #unspecified()} has no fields
 * and live mode on. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * EventSource source = EventSource.builder()
 *     .serviceId("acme-media")
 *     .siteUrl("https://acme.fotoware.cloud")
 *     .build();
 * }</pre>
 */
public final class EventSource {
  private static final EventSource UNSPECIFIED = new Builder().build();

  private final @Nullable String serviceId;
  private final @Nullable String accountId;
  private final @Nullable String siteUrl;
  private final boolean liveMode;

  private EventSource(Builder b) {
    this.serviceId = b.serviceId;
    this.accountId = b.accountId;
    this.siteUrl = b.siteUrl;
    this.liveMode = b.liveMode;
  }

  /**
   * Returns a source with no fields set and live mode on: the default of every event.
   *
   * @return the empty source
   */
  public static EventSource unspecified() {
    return UNSPECIFIED;
  }

  /**
   * Returns a source with only a service id.
   *
   * @param serviceId the tenant or service id, for example a microCMS service subdomain
   * @return a new source
   * @throws NullPointerException if {@code serviceId} is null
   * @throws IllegalArgumentException if {@code serviceId} is blank
   */
  public static EventSource of(String serviceId) {
    return builder().serviceId(Checks.notNull(serviceId, "serviceId")).build();
  }

  /**
   * Returns a new builder with no fields set and live mode on.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this source's fields.
   *
   * @return a new builder
   */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.serviceId = serviceId;
    b.accountId = accountId;
    b.siteUrl = siteUrl;
    b.liveMode = liveMode;
    return b;
  }

  /**
   * The tenant or service id (microCMS service subdomain, for example), or null.
   *
   * @return the service id, or null when not set
   */
  public @Nullable String serviceId() {
    return serviceId;
  }

  /**
   * The account the asset belongs to (Betterez {@code accountId}, for example), or null.
   *
   * @return the account id, or null when not set
   */
  public @Nullable String accountId() {
    return accountId;
  }

  /**
   * The site's base URL without a trailing slash (for example {@code https://acme.fotoware.cloud}),
   * or null.
   *
   * @return the site URL, or null when not set
   */
  public @Nullable String siteUrl() {
    return siteUrl;
  }

  /**
   * Whether the event comes from live data (true, the default) or a test.
   *
   * @return the live-mode flag
   */
  public boolean liveMode() {
    return liveMode;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof EventSource)) {
      return false;
    }
    EventSource that = (EventSource) o;
    return liveMode == that.liveMode
        && Objects.equals(serviceId, that.serviceId)
        && Objects.equals(accountId, that.accountId)
        && Objects.equals(siteUrl, that.siteUrl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(serviceId, accountId, siteUrl, liveMode);
  }

  @Override
  public String toString() {
    return "EventSource{serviceId=" + serviceId + ", accountId=" + accountId + ", siteUrl="
        + siteUrl + ", liveMode=" + liveMode + '}';
  }

  /**
   * Builds an {@link EventSource}. Not thread-safe; the built source is.
   *
   * <pre>{@code
   * EventSource source = EventSource.builder().serviceId("acme").liveMode(false).build();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable String serviceId;
    private @Nullable String accountId;
    private @Nullable String siteUrl;
    private boolean liveMode = true;

    private Builder() {}

    /**
     * Sets the tenant or service id.
     *
     * @param serviceId the id, or null to clear it
     * @return this builder
     * @throws IllegalArgumentException if {@code serviceId} is blank
     */
    public Builder serviceId(@Nullable String serviceId) {
      this.serviceId = Checks.nullOrNotBlank(serviceId, "serviceId");
      return this;
    }

    /**
     * Sets the account id.
     *
     * @param accountId the id, or null to clear it
     * @return this builder
     * @throws IllegalArgumentException if {@code accountId} is blank
     */
    public Builder accountId(@Nullable String accountId) {
      this.accountId = Checks.nullOrNotBlank(accountId, "accountId");
      return this;
    }

    /**
     * Sets the site's base URL. Trailing slashes are removed, so formats can append paths.
     *
     * @param siteUrl an absolute http or https URL without query or fragment, or null to clear it
     * @return this builder
     * @throws IllegalArgumentException if {@code siteUrl} is not an absolute http(s) URL, or has
     *     a query or fragment (a path appended to it would land inside them)
     */
    public Builder siteUrl(@Nullable String siteUrl) {
      if (siteUrl == null) {
        this.siteUrl = null;
        return this;
      }
      Checks.absoluteHttpUrl(siteUrl, "siteUrl");
      if (siteUrl.indexOf('?') >= 0 || siteUrl.indexOf('#') >= 0) {
        throw new IllegalArgumentException(
            "siteUrl must be a base URL without query or fragment, was \"" + siteUrl + '"');
      }
      String url = siteUrl;
      while (url.endsWith("/")) {
        url = url.substring(0, url.length() - 1);
      }
      this.siteUrl = url;
      return this;
    }

    /**
     * Sets whether the source is live (the default) or a test.
     *
     * @param liveMode true for live data
     * @return this builder
     */
    public Builder liveMode(boolean liveMode) {
      this.liveMode = liveMode;
      return this;
    }

    /**
     * Builds the source.
     *
     * @return a new immutable source
     */
    public EventSource build() {
      return new EventSource(this);
    }
  }
}
