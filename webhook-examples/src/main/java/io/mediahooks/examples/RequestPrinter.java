package io.mediahooks.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Formats a received request for people: the request line, headers with secrets masked, and the
 * body made readable (JSON pretty-printed in its own key order with its exact numbers, form
 * bodies decoded field by field with JSON-valued fields pretty-printed).
 */
final class RequestPrinter {
  static final String INDENT = "    ";

  /** Lines of pretty JSON are kept within this many columns where they can be. */
  static final int LINE_WIDTH = 88;

  /**
   * Reads JSON exactly: decimals as written ({@code 300.0}, {@code 0.10}), duplicate keys and
   * trailing data refused.
   */
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(202, "Accepted"),
      Map.entry(204, "No Content"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
      Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
      Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(408, "Request Timeout"),
      Map.entry(410, "Gone"), Map.entry(413, "Content Too Large"),
      Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
      Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
      Map.entry(504, "Gateway Timeout"));

  private RequestPrinter() {}

  /** The status code with its reason phrase, {@code "503 Service Unavailable"}. */
  static String status(int status) {
    String reason = REASONS.get(status);
    return reason == null ? Integer.toString(status) : status + " " + reason;
  }

  /**
   * The whole block for one request.
   *
   * @param r the request
   * @param reply how the receiver answered, for the first line (status and any details)
   */
  static String format(ReceivedRequest r, String reply) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "#%d  +%d.%03ds  %s %s  ->  %s%n", r.number(),
        r.elapsed().toSeconds(), r.elapsed().toMillisPart(), r.method(),
        Masking.target(r.target()), reply));
    for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
      for (String v : h.getValue()) {
        sb.append(INDENT).append(h.getKey()).append(": ").append(Masking.header(h.getKey(), v))
            .append(System.lineSeparator());
      }
    }
    String check = r.check();
    if (check != null) {
      sb.append(INDENT).append("check: ").append(check)
          .append(r.checkPassed() ? " passed" : " FAILED, answered 401")
          .append(System.lineSeparator());
    }
    byte[] body = r.body();
    String contentType = r.header("content-type");
    sb.append(INDENT).append("body: ").append(body.length).append(" bytes");
    if (body.length > 0) {
      sb.append(System.lineSeparator());
      indent(sb, body(contentType, body), INDENT);
    }
    // A blank line after each block, so requests arriving together stay apart.
    sb.append(System.lineSeparator()).append(System.lineSeparator());
    return sb.toString();
  }

  /** The body made readable according to its content type. */
  static String body(@Nullable String contentType, byte[] body) {
    String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    String text = utf8(body);
    if (text == null) {
      return "(" + body.length + " bytes of binary data)";
    }
    if (ct.startsWith("application/x-www-form-urlencoded")) {
      return form(text);
    }
    if (ct.contains("json") || looksLikeJson(text)) {
      try {
        return prettyJson(text);
      } catch (JsonProcessingException e) {
        return text + System.lineSeparator() + "(not valid JSON: " + e.getOriginalMessage() + ")";
      } catch (IOException e) {
        return text;
      }
    }
    return text;
  }

  /** Form fields one per line, {@code name = value}, JSON values pretty-printed. */
  static String form(String body) {
    StringBuilder sb = new StringBuilder();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (sb.length() > 0) {
        sb.append(System.lineSeparator());
      }
      sb.append(name).append(" = ");
      if (Masking.isSecretField(name)) {
        sb.append(Masking.MASK);
      } else if (looksLikeJson(value)) {
        String pretty;
        try {
          pretty = prettyJson(value, name.length() + 3);
        } catch (IOException e) {
          pretty = value;
        }
        // Continuation lines line up under the value's first character.
        sb.append(pretty.replace(System.lineSeparator(),
            System.lineSeparator() + " ".repeat(name.length() + 3)));
      } else {
        sb.append(value);
      }
    }
    return sb.toString();
  }

  /**
   * JSON pretty-printed for reading: two-space indent, {@code "key": value}, keys in the
   * sender's order, numbers exactly as sent, and any array or object that fits in {@value
   * #LINE_WIDTH} columns kept on one line. A duplicate key or trailing data is reported as an
   * error rather than hidden.
   */
  static String prettyJson(String json) throws IOException {
    return prettyJson(json, 0);
  }

  /**
   * As {@link #prettyJson(String)}, for text that will be printed {@code margin} columns to the
   * right (every line but the first is then shifted by the caller).
   */
  static String prettyJson(String json, int margin) throws IOException {
    StringBuilder sb = new StringBuilder();
    write(sb, MAPPER.readTree(json), 0, margin, margin);
    return sb.toString();
  }

  private static void write(StringBuilder sb, JsonNode node, int indent, int column,
      int margin) {
    if (!node.isContainerNode() || node.isEmpty()) {
      sb.append(inline(node));
      return;
    }
    String inline = inline(node);
    if (column + inline.length() <= LINE_WIDTH) {
      sb.append(inline);
      return;
    }
    String nl = System.lineSeparator();
    String inner = " ".repeat(indent + 2);
    sb.append(node.isArray() ? '[' : '{').append(nl);
    int i = 0;
    if (node.isArray()) {
      for (JsonNode element : node) {
        sb.append(inner);
        write(sb, element, indent + 2, margin + indent + 2, margin);
        sb.append(++i < node.size() ? "," : "").append(nl);
      }
    } else {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String key = TextNode.valueOf(field.getKey()).toString() + ": ";
        sb.append(inner).append(key);
        write(sb, field.getValue(), indent + 2, margin + indent + 2 + key.length(), margin);
        sb.append(++i < node.size() ? "," : "").append(nl);
      }
    }
    sb.append(" ".repeat(indent)).append(node.isArray() ? ']' : '}');
  }

  /** One line, with {@code ", "} and {@code ": "} separators. */
  private static String inline(JsonNode node) {
    if (node.isArray()) {
      StringBuilder sb = new StringBuilder("[");
      for (JsonNode element : node) {
        sb.append(sb.length() > 1 ? ", " : "").append(inline(element));
      }
      return sb.append(']').toString();
    }
    if (node.isObject()) {
      StringBuilder sb = new StringBuilder("{");
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        sb.append(sb.length() > 1 ? ", " : "").append(TextNode.valueOf(field.getKey()))
            .append(": ").append(inline(field.getValue()));
      }
      return sb.append('}').toString();
    }
    return node.toString(); // a scalar as JSON: strings quoted and escaped, numbers exact
  }

  private static boolean looksLikeJson(String text) {
    String t = text.strip();
    return (t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]"));
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // a malformed escape is shown as sent
    }
  }

  private static @Nullable String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static void indent(StringBuilder sb, String text, String indent) {
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        sb.append(System.lineSeparator());
      }
      sb.append(indent).append(lines[i]);
    }
  }
}
