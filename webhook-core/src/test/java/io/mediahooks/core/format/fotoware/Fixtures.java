package io.mediahooks.core.format.fotoware;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahooks.core.Attempt;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.WebhookFormat;
import io.mediahooks.core.WebhookPayload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test resources and small helpers shared by the Fotoware tests. */
final class Fixtures {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final Attempt ATTEMPT =
      Attempt.of(1, "5b0f4c3e-3f1e-4a52-9a57-2f0e1a7c9d11", Instant.parse("2030-01-01T00:00:00Z"));

  private Fixtures() {}

  static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      assertThat(in).as("test resource " + path).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  static String fotoware(String name) {
    return text("/fixtures/fotoware/" + name);
  }

  /** Parses JSON keeping key order, floats as Double: the value model snapshots use. */
  static Map<String, Object> tree(String json) {
    try {
      return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode node(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static WebhookPayload render(WebhookFormat format, MediaEvent event) {
    return format.render(event, ATTEMPT).orElseThrow();
  }

  static JsonNode body(WebhookFormat format, MediaEvent event) {
    return node(render(format, event).bodyString());
  }

  static List<String> keys(JsonNode object) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }
}
