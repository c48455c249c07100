package io.mediahooks.http;

import io.mediahooks.http.internal.OAuth2TokenAuth;
import io.mediahooks.http.internal.StaticAuths;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Adds credentials to each request to an endpoint.
 *
 * <p>Shaped like OkHttp's {@code Authenticator}: {@link #authenticate} decorates every request,
 * and {@link #onUnauthorized} is asked once when the receiver answers 401, so a token-based auth
 * can refresh its token and have the request retried once. The built-in kinds come from the
 * static factories: {@link #none()} (the default), {@link #basic(String, String)}, {@link
 * #bearer(String)}, {@link #header(String, String)}, and OAuth2 bearer tokens from {@link
 * #oauth2Password} and {@link #oauth2ClientCredentials} (configurable through {@link
 * OAuth2Builder}). They validate their arguments when
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
   * OAuth2 bearer tokens from the resource owner password grant (RFC 6749 section 4.3):
   * Filerobot's "OAuth2" webhook auth (an "authentication endpoint, username and password to
   * retrieve a temporary token"). Without a client, the form carries {@code
   * grant_type=password}, {@code username} and {@code password} only; use {@link
   * #oauth2PasswordBuilder} to add a client, a scope or other parameters. Filerobot does not
   * document its token request ([?] in wire-formats.md section 2); this is the standard shape.
   * See {@link OAuth2Builder} for how tokens are fetched, cached and refreshed.
   *
   * @param tokenUrl the token endpoint, an absolute http(s) URL (RFC 6749 requires https)
   * @param username the user name; not blank
   * @param password the password; not blank
   * @return the auth
   * @throws IllegalArgumentException if the URL is not an absolute http(s) URL or a credential
   *     is blank
   */
  static EndpointAuth oauth2Password(String tokenUrl, String username, String password) {
    return oauth2PasswordBuilder(tokenUrl, username, password).build();
  }

  /**
   * OAuth2 bearer tokens from the client credentials grant (RFC 6749 section 4.4): the form
   * carries {@code grant_type=client_credentials}, and the client authenticates with HTTP Basic
   * ({@code client_secret_basic}, which every server must accept). Use {@link
   * #oauth2ClientCredentialsBuilder} for a scope, {@code client_secret_post} or other
   * parameters. See {@link OAuth2Builder} for how tokens are fetched, cached and refreshed.
   *
   * @param tokenUrl the token endpoint, an absolute http(s) URL (RFC 6749 requires https)
   * @param clientId the client id; not blank
   * @param clientSecret the client secret; not blank
   * @return the auth
   * @throws IllegalArgumentException if the URL is not an absolute http(s) URL or a credential
   *     is blank
   */
  static EndpointAuth oauth2ClientCredentials(
      String tokenUrl, String clientId, String clientSecret) {
    return oauth2ClientCredentialsBuilder(tokenUrl, clientId, clientSecret).build();
  }

  /**
   * Starts an OAuth2 password grant configuration; see {@link #oauth2Password}.
   *
   * @param tokenUrl the token endpoint
   * @param username the user name; not blank
   * @param password the password; not blank
   * @return a builder
   * @throws IllegalArgumentException if the URL is not an absolute http(s) URL or a credential
   *     is blank
   */
  static OAuth2Builder oauth2PasswordBuilder(
      String tokenUrl, String username, String password) {
    return new OAuth2Builder(OAuth2TokenAuth.Config.password(tokenUrl, username, password));
  }

  /**
   * Starts an OAuth2 client credentials configuration; see {@link #oauth2ClientCredentials}.
   *
   * @param tokenUrl the token endpoint
   * @param clientId the client id; not blank
   * @param clientSecret the client secret; not blank
   * @return a builder
   * @throws IllegalArgumentException if the URL is not an absolute http(s) URL or a credential
   *     is blank
   */
  static OAuth2Builder oauth2ClientCredentialsBuilder(
      String tokenUrl, String clientId, String clientSecret) {
    return new OAuth2Builder(
        OAuth2TokenAuth.Config.clientCredentials(tokenUrl, clientId, clientSecret));
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
   * Configures an OAuth2 {@link EndpointAuth}. Get one from {@link #oauth2PasswordBuilder} or
   * {@link #oauth2ClientCredentialsBuilder}. Not thread-safe; the auth it builds is.
   *
   * <p>How the built auth behaves:
   * <ul>
   *   <li>the token request is a form-encoded (UTF-8) {@code POST} to the token URL with {@code
   *       Accept: application/json}, sent through {@link Context#transport()} under {@link
   *       Context#guard()} (the SSRF guard covers token URLs too) with the webhook request's
   *       timeouts;
   *   <li>the answer's {@code access_token} is sent as {@code Authorization: Bearer <token>};
   *       {@code token_type}, when present, must be {@code Bearer}; {@code refresh_token} is not
   *       used (the grant is repeated instead);
   *   <li>the token is cached until {@code expires_in} minus a margin of 10% of its lifetime, at
   *       most 30 seconds, judged by {@link Context#clock()}; without {@code expires_in} it is
   *       kept until a receiver answers 401;
   *   <li>at most one token request is in flight: concurrent deliveries that need a token wait
   *       for it and share its result or failure; a failure is not cached;
   *   <li>{@link EndpointAuth#onUnauthorized} fetches a new token once and returns true, so the
   *       engine retries the delivery once; 401s for requests that carried an already replaced
   *       token reuse the new one;
   *   <li>failures throw {@link AuthenticationException} naming the token URL (query masked),
   *       the status and the OAuth2 {@code error}/{@code error_description}; {@link
   *       AuthenticationException#retryable()} is true for network errors, 408, 425, 429 and
   *       5xx, false otherwise. A token URL the guard refuses throws {@link
   *       DestinationRefusedException};
   *   <li>the response is read through the transport's body snippet (4 KiB by default); a
   *       larger token response fails with a message saying to raise the transport's cap;
   *   <li>{@code toString()} shows the token URL (query masked), user name, client id and scope,
   *       never a password, secret or token.
   * </ul>
   *
   * <pre>{@code
   * EndpointAuth auth = EndpointAuth.oauth2ClientCredentialsBuilder(
   *         "https://auth.example.com/oauth/token", clientId, clientSecret)
   *     .scope("webhooks:write")
   *     .parameter("audience", "https://hooks.example.com")
   *     .build();
   * }</pre>
   */
  final class OAuth2Builder {
    private final OAuth2TokenAuth.Config config;

    private OAuth2Builder(OAuth2TokenAuth.Config config) {
      this.config = config;
    }

    /**
     * Requests a scope ({@code scope} form parameter). Default: none.
     *
     * @param scope space-separated scope tokens
     * @return this builder
     * @throws IllegalArgumentException if the scope is blank or has characters RFC 6749 does
     *     not allow
     */
    public OAuth2Builder scope(String scope) {
      config.scope(scope);
      return this;
    }

    /**
     * Authenticates the client too (for a password grant; a client credentials grant has its
     * client from the start). With a secret the client uses {@code client_secret_basic} unless
     * {@link #clientSecretPost()} is set; without one ({@code null}, a public client) only
     * {@code client_id} is sent in the form.
     *
     * @param clientId the client id; not blank
     * @param clientSecret the client secret, not blank; or null for a public client
     * @return this builder
     * @throws IllegalArgumentException if the id or the secret is blank
     */
    public OAuth2Builder client(String clientId, @Nullable String clientSecret) {
      config.client(clientId, clientSecret);
      return this;
    }

    /**
     * Sends the client id and secret as form parameters ({@code client_secret_post}) instead
     * of an HTTP Basic header ({@code client_secret_basic}, the default).
     *
     * @return this builder
     */
    public OAuth2Builder clientSecretPost() {
      config.clientSecretPost(true);
      return this;
    }

    /**
     * Adds a form parameter some servers require, such as {@code audience} or {@code
     * resource}. Parameters are sent in the order added, after the standard ones.
     *
     * @param name the name; not blank, and not one the configuration sets itself ({@code
     *     grant_type}, {@code username}, {@code password}, {@code client_id}, {@code
     *     client_secret}, {@code scope})
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or reserved
     */
    public OAuth2Builder parameter(String name, String value) {
      config.parameter(name, value);
      return this;
    }

    /**
     * Builds the auth. Each call returns an auth with its own token cache.
     *
     * @return the auth
     */
    public EndpointAuth build() {
      return config.build();
    }
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
