package io.mediahooks.core.format.cloudevents;

import io.mediahooks.core.internal.PercentEncoding;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** CloudEvents 1.0 attribute rules: names, String values, and HTTP header encoding. */
final class Attributes {
  /** Context attributes of the spec, which extensions may not reuse. */
  static final Set<String> RESERVED = Set.of("specversion", "id", "source", "type",
      "datacontenttype", "dataschema", "subject", "time", "data", "data_base64");

  private Attributes() {}

  /** Attribute names are lower-case ASCII letters and digits (spec "Attribute Naming"). */
  static boolean isValidName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Describes why {@code value} is not a CloudEvents String, or returns null when it is one. The
   * type system forbids control characters (U+0000-U+001F, U+007F-U+009F), lone surrogates and
   * Unicode noncharacters.
   */
  static @Nullable String stringProblem(String value) {
    if (value.isEmpty()) {
      return "is empty";
    }
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      if (cp <= 0x1f || cp >= 0x7f && cp <= 0x9f) {
        return String.format("has the control character U+%04X at index %d", cp, i);
      }
      if (cp >= 0xd800 && cp <= 0xdfff) {
        return String.format("has the lone surrogate U+%04X at index %d", cp, i);
      }
      if (cp >= 0xfdd0 && cp <= 0xfdef || (cp & 0xfffe) == 0xfffe) {
        return String.format("has the noncharacter U+%04X at index %d", cp, i);
      }
      i += Character.charCount(cp);
    }
    return null;
  }

  /**
   * Percent-encodes an attribute value for a {@code ce-} header (HTTP binding 3.1.3.2): space,
   * double quote, percent and everything outside U+0021-U+007E become the UTF-8 bytes as
   * {@code %XY}, upper-case.
   */
  static String headerValue(String value) {
    return PercentEncoding.encode(value, PercentEncoding.Safe.HEADER_VALUE, false);
  }


  /** Percent-encodes a URN's namespace-specific string: RFC 3986 unreserved characters kept. */
  static String urnPart(String value) {
    return PercentEncoding.encode(value, PercentEncoding.Safe.UNRESERVED, false);
  }

}
