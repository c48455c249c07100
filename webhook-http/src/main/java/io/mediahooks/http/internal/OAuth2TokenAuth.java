package io.mediahooks.http.internal;

import io.mediahooks.http.Redaction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahooks.http.AuthenticationException;
import io.mediahooks.http.DestinationRefusedException;
import io.mediahooks.http.EndpointAuth;
import io.mediahooks.http.WebhookRequest;
import io.mediahooks.http.WebhookResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * OAuth2 bearer tokens from a token endpoint (RFC 6749 section 4.3 password grant or 4.4 client
 * credentials grant), cached until shortly before they expire.
 *
 * <p>At most one token request is in flight: concurrent callers that need a token wait for the
 * same request and share its result (or failure). A 401 from the receiver replaces the token
 * once; further 401s for requests that carried the replaced token reuse the new one.
 */
public final class OAuth2TokenAuth implements EndpointAuth {
  /** Longest refresh margin before expiry. */
  static final Duration MAX_SKEW = Duration.ofSeconds(30);
  /** Longest lifetime taken from {@code expires_in}; guards against overflow. */
  private static final long MAX_LIFETIME_SECONDS = 10L * 366 * 24 * 3600;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FORM = "application/x-www-form-urlencoded";

  private final String tokenUrl;
  private final byte[] form;
  private final @Nullable String clientAuthorization;
  private final String description;

  private final Object lock = new Object();
  private @Nullable Token token; // guarded by lock
  private @Nullable CompletableFuture<Token> refreshing; // guarded by lock

  /**
   * Creates the auth from validated parts.
   *
   * @param tokenUrl the token endpoint
   * @param parameters form parameters in order, {@code grant_type} first
   * @param clientAuthorization the {@code Authorization} header for client_secret_basic, or null
   * @param description what {@code toString()} shows: no secrets
   */
  OAuth2TokenAuth(String tokenUrl, Map<String, String> parameters,
      @Nullable String clientAuthorization, String description) {
    this.tokenUrl = tokenUrl;
    this.form = formEncode(parameters).getBytes(StandardCharsets.US_ASCII);
    this.clientAuthorization = clientAuthorization;
    this.description = description;
  }

  @Override
  public WebhookRequest authenticate(WebhookRequest request, Context context) throws IOException {
    Token current;
    synchronized (lock) {
      current = token;
    }
    Token valid = current != null && !current.needsRefresh(context.clock().instant())
        ? current
        : refresh(request, context, current);
    return request.newBuilder().setHeader("Authorization", "Bearer " + valid.value).build();
  }

  @Override
  public boolean onUnauthorized(WebhookRequest request, Context context) throws IOException {
    String sent = bearerToken(request);
    Token rejected;
    synchronized (lock) {
      if (token != null && !token.value.equals(sent)) {
        // The request carried an older token, already replaced: retry with the current one.
        return true;
      }
      rejected = token;
    }
    refresh(request, context, rejected);
    return true;
  }

  /** Returns a token newer than {@code stale}, fetching one unless another caller already is. */
  private Token refresh(WebhookRequest request, Context context, @Nullable Token stale)
      throws IOException {
    CompletableFuture<Token> fetch;
    boolean mine = false;
    synchronized (lock) {
      if (token != null && token != stale && !token.needsRefresh(context.clock().instant())) {
        return token;
      }
      if (refreshing == null) {
        refreshing = new CompletableFuture<>();
        mine = true;
      }
      fetch = refreshing;
    }
    if (!mine) {
      return await(fetch, request);
    }
    try {
      Token fresh = fetch(request, context);
      synchronized (lock) {
        token = fresh;
        refreshing = null;
      }
      fetch.complete(fresh);
      return fresh;
    } catch (IOException | RuntimeException | Error e) {
      synchronized (lock) {
        refreshing = null; // the next caller tries again; failures are not cached
      }
      fetch.completeExceptionally(e);
      throw e;
    }
  }

  private Token await(CompletableFuture<Token> fetch, WebhookRequest request) throws IOException {
    // The fetch runs under its own call timeout; wait a little longer than ours before giving up.
    long waitMillis = request.callTimeout().toMillis() * 2 + 1000;
    try {
      return fetch.get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for an OAuth2 token from "
          + Redaction.url(tokenUrl));
    } catch (TimeoutException e) {
      throw new AuthenticationException("timed out waiting for the OAuth2 token request to "
          + Redaction.url(tokenUrl) + " that another delivery started", true, e);
    } catch (ExecutionException e) {
      // Rethrow a copy of the shared failure so each caller gets its own stack trace.
      Throwable cause = e.getCause();
      if (cause instanceof AuthenticationException) {
        AuthenticationException a = (AuthenticationException) cause;
        throw new AuthenticationException(a.getMessage(), a.retryable(), a);
      }
      if (cause instanceof DestinationRefusedException) {
        DestinationRefusedException d = (DestinationRefusedException) cause;
        DestinationRefusedException copy =
            new DestinationRefusedException(d.host(), d.address(), d.getMessage());
        copy.initCause(d);
        throw copy;
      }
      throw new AuthenticationException("OAuth2 token request to " + Redaction.url(tokenUrl)
          + " failed: " + cause, true, cause);
    }
  }

  private Token fetch(WebhookRequest request, Context context) throws IOException {
    WebhookRequest.Builder tokenRequest = WebhookRequest.builder(tokenUrl)
        .body(FORM, ByteBuffer.wrap(form).asReadOnlyBuffer())
        .addHeader("Accept", "application/json")
        .guard(context.guard())
        .timeouts(request.connectTimeout(), request.readTimeout(), request.callTimeout());
    if (clientAuthorization != null) {
      tokenRequest.addHeader("Authorization", clientAuthorization);
    }
    // Expiry counts from before the request: the token may have been issued at any moment since.
    Instant sentAt = context.clock().instant();
    WebhookResponse response;
    try {
      response = context.transport().send(tokenRequest.build());
    } catch (DestinationRefusedException e) {
      throw e; // says which address and how to allow it; the engine does not retry it
    } catch (IOException e) {
      throw new AuthenticationException("OAuth2 token endpoint " + Redaction.url(tokenUrl)
          + " could not be reached: " + e, true, e);
    }
    if (!response.isSuccessful()) {
      throw failure(response);
    }
    return parse(response, sentAt);
  }

  private AuthenticationException failure(WebhookResponse response) {
    int status = response.status();
    boolean retryable = status == 408 || status == 425 || status == 429 || status >= 500;
    StringBuilder message = new StringBuilder("OAuth2 token endpoint ")
        .append(Redaction.url(tokenUrl)).append(" answered ").append(status);
    String error = oauthError(response.bodySnippet());
    if (!error.isEmpty()) {
      message.append(" (").append(error).append(')');
    }
    if (status >= 300 && status < 400) {
      message.append("; redirects are not followed, configure the final token URL");
    } else if (status == 400 || status == 401) {
      message.append("; check the credentials, grant and client authentication");
    }
    return new AuthenticationException(message.toString(), retryable);
  }

  private Token parse(WebhookResponse response, Instant sentAt) throws AuthenticationException {
    String where = "OAuth2 token endpoint " + Redaction.url(tokenUrl) + " answered "
        + response.status();
    JsonNode json;
    try {
      json = JSON.readTree(response.bodySnippet());
    } catch (JsonEOFException e) {
      throw new AuthenticationException(where + " with incomplete JSON after "
          + response.bodySnippet().length() + " characters; the transport keeps only the start"
          + " of a response body (raise OkHttpTransport.builder().bodySnippetBytes(..) if the"
          + " token response is larger)", false, e);
    } catch (JsonProcessingException e) {
      throw new AuthenticationException(where + " with a body that is not JSON: "
          + e.getOriginalMessage(), false, e);
    }
    if (json == null || !json.isObject()) {
      throw new AuthenticationException(where + " with JSON that is not an object", false);
    }
    JsonNode accessToken = json.get("access_token");
    if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isBlank()) {
      throw new AuthenticationException(where + " without an access_token", false);
    }
    JsonNode tokenType = json.get("token_type");
    if (tokenType != null && !tokenType.isNull()
        && !tokenType.asText().equalsIgnoreCase("Bearer")) {
      throw new AuthenticationException(where + " with token_type \"" + clip(tokenType.asText())
          + "\"; only Bearer tokens (RFC 6750) are supported", false);
    }
    String value = accessToken.asText();
    try {
      StaticAuths.checkTokenText(value, "access_token");
    } catch (IllegalArgumentException e) {
      throw new AuthenticationException(where + " with an " + e.getMessage(), false);
    }
    Long lifetime = expiresIn(json.get("expires_in"));
    if (lifetime == null) {
      return new Token(value, null); // no expiry given: kept until a receiver answers 401
    }
    long seconds = Math.max(0, Math.min(MAX_LIFETIME_SECONDS, lifetime));
    Duration skew = Duration.ofSeconds(seconds).dividedBy(10);
    if (skew.compareTo(MAX_SKEW) > 0) {
      skew = MAX_SKEW;
    }
    return new Token(value, sentAt.plusSeconds(seconds).minus(skew));
  }

  /** {@code expires_in} as seconds; some servers send it as a string. */
  private static @Nullable Long expiresIn(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.asLong();
    }
    if (node.isTextual()) {
      try {
        return (long) Double.parseDouble(node.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** {@code error: error_description} from an RFC 6749 section 5.2 error body, or empty. */
  private static String oauthError(String body) {
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return "";
    }
    if (json == null || !json.isObject()) {
      return "";
    }
    JsonNode error = json.get("error");
    JsonNode description = json.get("error_description");
    String e = error != null && error.isTextual() ? clip(error.asText()) : "";
    String d = description != null && description.isTextual() ? clip(description.asText()) : "";
    if (e.isEmpty()) {
      return d;
    }
    return d.isEmpty() ? e : e + ": " + d;
  }

  /** Server text for a message: printable, at most 200 characters. */
  private static String clip(String s) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), 200));
    for (int i = 0; i < s.length() && b.length() < 200; i++) {
      char c = s.charAt(i);
      b.append(Character.isISOControl(c) ? ' ' : c);
    }
    return b.length() < s.length() ? b.append("...").toString() : b.toString();
  }

  private static @Nullable String bearerToken(WebhookRequest request) {
    String authorization = request.header("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return authorization.substring(7);
  }

  static String formEncode(Map<String, String> parameters) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> p : parameters.entrySet()) {
      if (b.length() > 0) {
        b.append('&');
      }
      b.append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
    }
    return b.toString();
  }

  /**
   * The {@code client_secret_basic} header: RFC 6749 section 2.3.1 form-encodes id and secret
   * before Basic encoding.
   *
   * @param clientId the client id
   * @param clientSecret the client secret
   * @return the header value
   */
  static String clientBasic(String clientId, String clientSecret) {
    String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ':'
        + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return description;
  }

  /** A token and when to stop using it (null: until a 401). */
  private static final class Token {
    final String value;
    final @Nullable Instant refreshAt;

    Token(String value, @Nullable Instant refreshAt) {
      this.value = value;
      this.refreshAt = refreshAt;
    }

    boolean needsRefresh(Instant now) {
      return refreshAt != null && !now.isBefore(refreshAt);
    }
  }

  /**
   * Collects and validates an OAuth2 configuration; the public builder delegates here.
   */
  public static final class Config {
    private final String tokenUrl;
    private final String grantType;
    private final String kind;
    private final @Nullable String username;
    private final @Nullable String password;
    private @Nullable String clientId;
    private @Nullable String clientSecret;
    private boolean clientSecretPost;
    private @Nullable String scope;
    private final Map<String, String> extra = new LinkedHashMap<>();

    private Config(String tokenUrl, String grantType, String kind, @Nullable String username,
        @Nullable String password) {
      this.tokenUrl = Urls.checkHttpUrl(tokenUrl, "tokenUrl");
      this.grantType = grantType;
      this.kind = kind;
      this.username = username;
      this.password = password;
    }

    /**
     * A password grant (RFC 6749 section 4.3).
     *
     * @param tokenUrl the token endpoint
     * @param username the resource owner's user name
     * @param password the resource owner's password
     * @return the configuration
     */
    public static Config password(String tokenUrl, String username, String password) {
      return new Config(tokenUrl, "password", "oauth2Password",
          notBlank(username, "username"), notBlank(password, "password"));
    }

    /**
     * A client credentials grant (RFC 6749 section 4.4).
     *
     * @param tokenUrl the token endpoint
     * @param clientId the client id
     * @param clientSecret the client secret
     * @return the configuration
     */
    public static Config clientCredentials(String tokenUrl, String clientId,
        String clientSecret) {
      Config c = new Config(tokenUrl, "client_credentials", "oauth2ClientCredentials", null,
          null);
      // A confidential client by definition: the secret is required here, unlike client().
      c.client(clientId, notBlank(clientSecret, "clientSecret"));
      return c;
    }

    /**
     * Sets the client's credentials.
     *
     * @param id the client id
     * @param secret the client secret, or null for a public client
     */
    public void client(String id, @Nullable String secret) {
      this.clientId = notBlank(id, "clientId");
      this.clientSecret = secret == null ? null : notBlank(secret, "clientSecret");
    }

    /**
     * Sends the client's credentials in the form body (client_secret_post) instead of a Basic
     * header.
     *
     * @param post true for client_secret_post
     */
    public void clientSecretPost(boolean post) {
      this.clientSecretPost = post;
    }

    /**
     * Sets the scope.
     *
     * @param scope space-separated scope tokens
     */
    public void scope(String scope) {
      notBlank(scope, "scope");
      for (int i = 0; i < scope.length(); i++) {
        char c = scope.charAt(i);
        // RFC 6749 section 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ), space-separated.
        if (c != ' ' && (c < 0x21 || c > 0x7e || c == '"' || c == '\\')) {
          throw new IllegalArgumentException("scope has an invalid character "
              + String.format("U+%04X", (int) c) + " at index " + i
              + " (RFC 6749 scope tokens are printable ASCII without '\"' and '\\')");
        }
      }
      this.scope = scope;
    }

    /**
     * Adds a form parameter some servers need, such as {@code audience} or {@code resource}.
     *
     * @param name the parameter name
     * @param value the value
     */
    public void parameter(String name, String value) {
      notBlank(name, "parameter name");
      if (value == null) {
        throw new NullPointerException("value of parameter " + name + " must not be null");
      }
      switch (name) {
        case "grant_type":
        case "username":
        case "password":
        case "client_id":
        case "client_secret":
        case "scope":
          throw new IllegalArgumentException("parameter " + name
              + " is set by the OAuth2 configuration itself; use its dedicated method");
        default:
          extra.put(name, value);
      }
    }

    /**
     * Builds the auth.
     *
     * @return the auth
     */
    public OAuth2TokenAuth build() {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("grant_type", grantType);
      if (username != null && password != null) {
        form.put("username", username);
        form.put("password", password);
      }
      if (scope != null) {
        form.put("scope", scope);
      }
      String authorization = null;
      if (clientId != null) {
        if (clientSecret == null || clientSecretPost) {
          form.put("client_id", clientId);
          if (clientSecret != null) {
            form.put("client_secret", clientSecret);
          }
        } else {
          authorization = clientBasic(clientId, clientSecret);
        }
      }
      form.putAll(extra);
      StringBuilder d = new StringBuilder("EndpointAuth.").append(kind).append('(')
          .append(Redaction.url(tokenUrl));
      if (username != null) {
        d.append(", username=").append(username);
      }
      if (clientId != null) {
        d.append(", clientId=").append(clientId);
        if (clientSecret != null) {
          d.append(clientSecretPost ? ", client_secret_post" : ", client_secret_basic");
        }
      }
      if (scope != null) {
        d.append(", scope=").append(scope);
      }
      d.append(')');
      return new OAuth2TokenAuth(tokenUrl, form, authorization, d.toString());
    }

    private static String notBlank(String value, String name) {
      if (value == null) {
        throw new NullPointerException(name + " must not be null");
      }
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }
  }
}
