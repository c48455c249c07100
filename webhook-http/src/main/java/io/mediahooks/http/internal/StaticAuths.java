package io.mediahooks.http.internal;

import io.mediahooks.http.Redaction;
import io.mediahooks.core.internal.HeaderChecks;
import io.mediahooks.http.EndpointAuth;
import io.mediahooks.http.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** The built-in {@link EndpointAuth}s that add one fixed header. */
public final class StaticAuths {
  private static final EndpointAuth NONE = new EndpointAuth() {
    @Override
    public WebhookRequest authenticate(WebhookRequest request, Context context) {
      return request;
    }

    @Override
    public String toString() {
      return "EndpointAuth.none()";
    }
  };

  private StaticAuths() {}

  /**
   * No credentials.
   *
   * @return the auth that returns requests unchanged
   */
  public static EndpointAuth none() {
    return NONE;
  }

  /**
   * HTTP Basic (RFC 7617, UTF-8).
   *
   * @param user the user id
   * @param password the password
   * @return the auth
   */
  public static EndpointAuth basic(String user, String password) {
    Objects.requireNonNull(user, "user must not be null");
    Objects.requireNonNull(password, "password must not be null");
    if (user.isBlank()) {
      throw new IllegalArgumentException("user must not be blank");
    }
    if (user.indexOf(':') >= 0) {
      throw new IllegalArgumentException(
          "user must not contain ':' (RFC 7617: the first colon separates user and password)");
    }
    checkNoControls(user, "user");
    checkNoControls(password, "password");
    String value = "Basic " + Base64.getEncoder()
        .encodeToString((user + ':' + password).getBytes(StandardCharsets.UTF_8));
    return new FixedHeader("Authorization", value,
        "EndpointAuth.basic(" + user + ", " + Redaction.MASK + ")");
  }

  /**
   * {@code Authorization: Bearer <token>}.
   *
   * @param token the token
   * @return the auth
   */
  public static EndpointAuth bearer(String token) {
    Objects.requireNonNull(token, "token must not be null");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    checkTokenText(token, "token");
    return new FixedHeader("Authorization", "Bearer " + token,
        "EndpointAuth.bearer(" + Redaction.MASK + ")");
  }

  /**
   * One custom header, such as an API key.
   *
   * @param name the header name
   * @param value the value
   * @return the auth
   */
  public static EndpointAuth header(String name, String value) {
    HeaderChecks.name(name);
    Objects.requireNonNull(value, () -> "value of header " + name + " must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException("value of header " + name + " must not be blank");
    }
    HeaderChecks.value(name, value);
    if (name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Content-Length")) {
      throw new IllegalArgumentException(
          name + " is set from the body and cannot carry credentials");
    }
    return new FixedHeader(name, value, "EndpointAuth.header(" + name + ": " + Redaction.MASK
        + ")");
  }

  /** Rejects what a header cannot carry, without echoing the secret. */
  static void checkTokenText(String token, String name) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException(name + " has an invalid character "
            + String.format("U+%04X", (int) c) + " at index " + i
            + " (a bearer token is printable ASCII without spaces)");
      }
    }
  }

  private static void checkNoControls(String s, String name) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException(name + " must not contain control characters"
            + " (RFC 7617); found " + String.format("U+%04X", (int) c) + " at index " + i);
      }
    }
  }

  /** Sets one header on every request, replacing any header of the same name. */
  static final class FixedHeader implements EndpointAuth {
    private final String name;
    private final String value;
    private final String description;

    FixedHeader(String name, String value, String description) {
      this.name = name;
      this.value = value;
      this.description = description;
    }

    @Override
    public WebhookRequest authenticate(WebhookRequest request, Context context) {
      return request.newBuilder().setHeader(name, value).build();
    }

    @Override
    public String toString() {
      return description;
    }
  }
}
