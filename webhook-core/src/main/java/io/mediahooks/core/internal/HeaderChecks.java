package io.mediahooks.core.internal;

import java.util.Objects;

/**
 * HTTP header name and value validation (RFC 9110), shared by payloads and endpoints so a bad
 * header fails when it is configured, not when it is sent.
 */
public final class HeaderChecks {
  private HeaderChecks() {}

  /**
   * Checks a header name is an RFC 9110 token.
   *
   * @param name the name
   * @return the name
   * @throws IllegalArgumentException naming the bad character
   */
  public static String name(String name) {
    Objects.requireNonNull(name, "header name must not be null");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("header name must not be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isTokenChar(c)) {
        throw new IllegalArgumentException(
            "header name \"" + printable(name) + "\" has an invalid character "
                + describe(c) + " at index " + i + " (allowed: letters, digits and !#$%&'*+-.^_`|~)");
      }
    }
    return name;
  }

  /**
   * Checks a header value is tab and printable ASCII only: CR or LF would allow header
   * injection, and HTTP clients reject other characters at send time.
   *
   * @param name the header's name, for the message
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException naming the header and the bad character
   */
  public static String value(String name, String value) {
    Objects.requireNonNull(value, () -> "value of header " + name + " must not be null");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c > 0x7e) {
        throw new IllegalArgumentException(
            "value of header " + name + " has an invalid character " + describe(c)
                + " at index " + i + " (only tab and printable ASCII are allowed, as in OkHttp;"
                + " encode other text, for example as RFC 8187 or Base64)");
      }
    }
    return value;
  }

  private static boolean isTokenChar(char c) {
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
      return true;
    }
    return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  private static String describe(char c) {
    return String.format("U+%04X", (int) c);
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c < 0x20 || c == 0x7f ? describe(c) : String.valueOf(c));
    }
    return b.toString();
  }
}
