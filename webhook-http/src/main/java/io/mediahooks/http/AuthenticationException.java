package io.mediahooks.http;

import java.io.IOException;

/**
 * Credentials for an endpoint could not be obtained, for example because an OAuth2 token
 * endpoint refused the client or was down. The message names the token URL (without its query)
 * and the status or error. {@link #retryable()} tells the engine whether a later attempt may
 * succeed (a 5xx or network error from the token endpoint) or not (bad credentials).
 *
 * <pre>{@code
 * throw new AuthenticationException(
 *     "token endpoint https://auth.example.com/token answered 401: invalid_client", false);
 * }</pre>
 */
public final class AuthenticationException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Whether a later attempt may succeed. */
  private final boolean retryable;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param retryable whether a later attempt may succeed
   */
  public AuthenticationException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what failed
   * @param retryable whether a later attempt may succeed
   * @param cause the underlying error
   */
  public AuthenticationException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /**
   * Whether a later attempt may succeed.
   *
   * @return true for transient failures
   */
  public boolean retryable() {
    return retryable;
  }
}
