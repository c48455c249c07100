package io.mediahooks.http;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;

/**
 * Adds credentials to each request to an endpoint.
 *
 * <p>Shaped like OkHttp's {@code Authenticator}: {@link #authenticate} decorates every request,
 * and {@link #onUnauthorized} is asked once when the receiver answers 401, so a token-based auth
 * can refresh its token and have the request retried once. The built-in kinds are created by the
 * delivery module's static factories; implementations must be thread-safe.
 *
 * <pre>{@code
 * EndpointAuth auth = (request, context) ->
 *     request.newBuilder().setHeader("X-Api-Key", apiKey).build();
 * }</pre>
 */
@FunctionalInterface
public interface EndpointAuth {

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
