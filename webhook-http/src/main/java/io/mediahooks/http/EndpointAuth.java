package io.mediahooks.http;

import io.mediahooks.http.internal.StaticAuths;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;

/**
 * Adds credentials to each request to an endpoint.
 *
 * <p>Shaped like OkHttp's {@code Authenticator}: {@link #authenticate} decorates every request,
 * and {@link #onUnauthorized} is asked once when the receiver answers 401, so a token-based auth
 * can refresh its token and have the request retried once. The built-in kinds come from the
 * static factories: {@link #none()} (the default), {@link #basic(String, String)}, {@link
 * #bearer(String)} and {@link #header(String, String)}. They validate their arguments when
 * created, are immutable and thread-safe, and their {@code toString()} never shows a secret.
 * Custom implementations must be thread-safe.
 *
 * <pre>{@code
 * EndpointAuth basic = EndpointAuth.basic("webhooks", password);
 * EndpointAuth apiKey = EndpointAuth.header("X-Api-Key", apiKey);
 * EndpointAuth custom = (request, context) ->
 *     request.newBuilder().setHeader("X-Api-Key", currentKey()).build();
 * }</pre>
 */
@FunctionalInterface
public interface EndpointAuth {

  /**
   * No credentials: requests go out as rendered. The default of an endpoint.
   *
   * @return the auth that changes nothing
   */
  static EndpointAuth none() {
    return StaticAuths.none();
  }

  /**
   * HTTP Basic authentication (RFC 7617): {@code Authorization: Basic
   * base64(user ":" password)}, with user and password encoded as UTF-8 (the RFC's {@code
   * charset="UTF-8"}). Filerobot's "Basic" webhook auth.
   *
   * @param user the user id; not blank, without {@code ':'} or control characters
   * @param password the password; may be empty, without control characters
   * @return the auth
   * @throws IllegalArgumentException if an argument is invalid (the message never contains the
   *     password)
   */
  static EndpointAuth basic(String user, String password) {
    return StaticAuths.basic(user, password);
  }

  /**
   * A static bearer token (RFC 6750): {@code Authorization: Bearer <token>}. Filerobot's
   * "static bearer token" auth.
   *
   * @param token the token; printable ASCII without spaces
   * @return the auth
   * @throws IllegalArgumentException if the token is blank or has a character a header cannot
   *     carry
   */
  static EndpointAuth bearer(String token) {
    return StaticAuths.bearer(token);
  }

  /**
   * One fixed header, for receivers that check an API key such as {@code X-Api-Key}. It replaces
   * any header of the same name. Its value is masked in logs and {@code toString()}.
   *
   * @param name an RFC 9110 header name, not {@code Content-Type} or {@code Content-Length}
   * @param value the value; not blank, tab and printable ASCII only
   * @return the auth
   * @throws IllegalArgumentException if the name or value is invalid
   */
  static EndpointAuth header(String name, String value) {
    return StaticAuths.header(name, value);
  }

  /**
   * Returns the request with credentials added.
   *
   * @param request the request as rendered
   * @param context the transport and clock, for auths that fetch tokens
   * @return the request to send
   * @throws IOException if credentials could not be obtained (a token endpoint failed); an
   *     {@link AuthenticationException} says whether trying again later may help
   */
  WebhookRequest authenticate(WebhookRequest request, Context context) throws IOException;

  /**
   * Called once when the receiver answered 401 to a request this auth decorated. Return true
   * after refreshing credentials to have the engine authenticate and send the request once more;
   * false (the default) to treat the 401 as the answer.
   *
   * @param request the request that was refused
   * @param context the transport and clock
   * @return whether to retry once with fresh credentials
   * @throws IOException if refreshing failed
   */
  default boolean onUnauthorized(WebhookRequest request, Context context) throws IOException {
    return false;
  }

  /**
   * What an auth may use: the transport (so token requests pass the same {@link
   * DestinationGuard}) and the engine's clock (so token expiry is testable).
   *
   * <pre>{@code
   * WebhookResponse tokenResponse = context.transport().send(tokenRequest);
   * }</pre>
   */
  final class Context {
    private final WebhookTransport transport;
    private final Clock clock;
    private final DestinationGuard guard;

    /**
     * Creates a context.
     *
     * @param transport the transport to send token requests with
     * @param clock the clock to judge expiry by
     * @param guard the guard token requests must pass
     */
    public Context(WebhookTransport transport, Clock clock, DestinationGuard guard) {
      this.transport = Objects.requireNonNull(transport, "transport");
      this.clock = Objects.requireNonNull(clock, "clock");
      this.guard = Objects.requireNonNull(guard, "guard");
    }

    /**
     * The transport.
     *
     * @return the transport
     */
    public WebhookTransport transport() {
      return transport;
    }

    /**
     * The clock.
     *
     * @return the clock
     */
    public Clock clock() {
      return clock;
    }

    /**
     * The guard that applies to this endpoint, to set on token requests.
     *
     * @return the guard
     */
    public DestinationGuard guard() {
      return guard;
    }
  }
}
