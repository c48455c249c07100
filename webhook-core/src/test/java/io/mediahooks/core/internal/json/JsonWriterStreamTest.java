package io.mediahooks.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The member-by-member writer must produce exactly the bytes of the same body written as a tree
 * of maps, in every dialect and at any nesting, and refuse what it cannot write faithfully.
 */
class JsonWriterStreamTest {
  private static final Object[] LEAVES = {
    null, "plain", "quote \" and \u00e9 \ud83d\ude00", 0, -17, Long.MAX_VALUE, 1.5, 300.0, true,
    false, List.of(1, "two", List.of()), Map.of("k", "v")
  };

  @ParameterizedTest
  @EnumSource(JsonDialect.class)
  void randomBodiesEqualTheirTreeWrittenWhole(JsonDialect dialect) {
    Random random = new Random(20261123L);
    for (int i = 0; i < 500; i++) {
      Map<String, @Nullable Object> tree = randomObject(random, 0);
      Random choice = new Random(i);
      byte[] streamed = JsonWriter.toBytes(dialect, out -> stream(out, tree, choice));
      assertThat(new String(streamed, StandardCharsets.UTF_8))
          .as("body %d in %s", i, dialect)
          .isEqualTo(new String(JsonWriter.toBytes(tree, dialect), StandardCharsets.UTF_8));
    }
  }

  @Test
  void membersAfterANestedObjectAreSeparatedInTheEnclosingOne() {
    byte[] body = JsonWriter.toBytes(JsonDialect.PYTHON, out -> out.beginObject()
        .member("a", 1)
        .name("b").beginObject().endObject()
        .name("c").beginObject().member("d", null).endObject()
        .member("e", "f")
        .endObject());

    assertThat(new String(body, StandardCharsets.UTF_8))
        .isEqualTo("{\"a\": 1, \"b\": {}, \"c\": {\"d\": null}, \"e\": \"f\"}");
  }

  @Test
  void arrayIndexKeysAreRefusedWhereJavaScriptWouldReorderThem() {
    assertThatThrownBy(() -> JsonWriter.toBytes(JsonDialect.JAVASCRIPT,
            out -> out.beginObject().member("a", 1).member("2", 2).endObject()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"2\" is an array index");
    // Python keeps insertion order, so the same key is fine there.
    assertThat(new String(JsonWriter.toBytes(JsonDialect.PYTHON,
            out -> out.beginObject().member("a", 1).member("2", 2).endObject()),
        StandardCharsets.UTF_8)).isEqualTo("{\"a\": 1, \"2\": 2}");
  }

  @Test
  void unbalancedObjectsAreBugsNotBodies() {
    assertThatThrownBy(() -> JsonWriter.toBytes(JsonDialect.JAVASCRIPT,
            out -> out.beginObject().member("a", 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("1 object(s) left open");
    assertThatThrownBy(() -> JsonWriter.toBytes(JsonDialect.JAVASCRIPT,
            out -> out.beginObject().endObject().endObject()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no object is open");
    assertThatThrownBy(() -> JsonWriter.toBytes(JsonDialect.JAVASCRIPT, out -> {
      for (int i = 0; i <= 64; i++) {
        out.beginObject().name("n");
      }
    })).isInstanceOf(IllegalStateException.class).hasMessage("objects nested deeper than 64");
  }

  @Test
  void aBodyThatFailsHalfWayLeavesNothingForTheNextOne() {
    assertThatThrownBy(() -> JsonWriter.toBytes(JsonDialect.JAVASCRIPT, out -> {
      out.beginObject().beginObject().member("half", "written");
      throw new IllegalStateException("format bug");
    })).hasMessage("format bug");

    // Same thread, so the same reused writer: no open objects, no bytes, no pending separator.
    assertThat(new String(JsonWriter.toBytes(JsonDialect.JAVASCRIPT,
            out -> out.beginObject().member("a", 1).endObject()),
        StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
  }

  /**
   * Writes {@code object} member by member; each nested object the generator made (a
   * LinkedHashMap) is streamed too or written whole with {@code member}, at random.
   */
  private static void stream(JsonWriter out, Map<String, @Nullable Object> object, Random choice) {
    out.beginObject();
    object.forEach((key, value) -> {
      if (value instanceof LinkedHashMap && choice.nextBoolean()) {
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> nested = (Map<String, @Nullable Object>) value;
        stream(out.name(key), nested, choice);
      } else {
        out.member(key, value);
      }
    });
    out.endObject();
  }

  /** A random object whose keys are never array indices (the streaming writer's contract). */
  private static Map<String, @Nullable Object> randomObject(Random random, int depth) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    int n = random.nextInt(5);
    for (int i = 0; i < n; i++) {
      String key = "k" + i + (random.nextBoolean() ? "\u00e9\"" : "");
      m.put(key, depth < 4 && random.nextInt(3) == 0
          ? randomObject(random, depth + 1)
          : LEAVES[random.nextInt(LEAVES.length)]);
    }
    return m;
  }
}
