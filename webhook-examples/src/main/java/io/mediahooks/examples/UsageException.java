package io.mediahooks.examples;

/**
 * The command line was wrong: an unknown or repeated option, a missing or malformed value. The
 * message names the option and what is wrong; the command prints it and exits with status 2.
 */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
