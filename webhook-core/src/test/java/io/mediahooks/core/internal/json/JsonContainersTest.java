package io.mediahooks.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The immutable containers {@link JsonValues#copy} makes: they must behave as the Map and List
 * they stand for, and write exactly as the host's own maps and lists do in every dialect.
 */
class JsonContainersTest {
  private static Map<String, @Nullable Object> ordered(int size) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      m.put("key" + (size - i), i % 3 == 0 ? null : "v" + i);
    }
    return m;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, JsonObject.INDEXED - 1, JsonObject.INDEXED, 100, 2_000})
  void aCopiedObjectIsTheSameMapInTheSameOrder(int size) {
    Map<String, @Nullable Object> original = ordered(size);
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> copy = (Map<String, @Nullable Object>) JsonValues.copy(
        original, "extension x");

    assertThat(copy).isInstanceOf(JsonObject.class).isEqualTo(original);
    assertThat(copy.hashCode()).isEqualTo(original.hashCode());
    assertThat(new ArrayList<>(copy.keySet())).containsExactlyElementsOf(original.keySet());
    List<String> seen = new ArrayList<>();
    copy.forEach((k, v) -> seen.add(k + "=" + v));
    List<String> expected = new ArrayList<>();
    original.forEach((k, v) -> expected.add(k + "=" + v));
    assertThat(seen).isEqualTo(expected);
    for (Map.Entry<String, @Nullable Object> e : original.entrySet()) {
      assertThat(copy.containsKey(e.getKey())).isTrue();
      assertThat(copy.get(e.getKey())).isEqualTo(e.getValue());
    }
    assertThat(copy.containsKey("absent")).isFalse();
    assertThat(copy.get("absent")).isNull();
    assertThat(copy.get(42)).isNull();
    assertThat(copy.toString()).isEqualTo(original.toString());
  }

  @Test
  void keysWhoseHashesCollideAreAllFound() {
    // "Aa" and "BB" have the same String hash code, as do their concatenations.
    Map<String, Object> original = new LinkedHashMap<>();
    String[] parts = {"Aa", "BB"};
    for (String a : parts) {
      for (String b : parts) {
        for (String c : parts) {
          original.put(a + b + c, a + b + c);
        }
      }
    }
    Map<?, ?> copy = (Map<?, ?>) JsonValues.copy(original, "x");
    assertThat(copy.size()).isEqualTo(8).isGreaterThanOrEqualTo(JsonObject.INDEXED - 1);
    original.forEach((k, v) -> assertThat(copy.get(k)).isEqualTo(v));
    assertThat(copy.get("AaAaBb")).isNull();
  }

  @Test
  void copiesCannotBeChanged() {
    Map<String, Object> original = new LinkedHashMap<>();
    original.put("list", new ArrayList<>(List.of(1, 2)));
    original.put("k", "v");
    @SuppressWarnings("unchecked")
    Map<String, Object> copy = (Map<String, Object>) JsonValues.copy(original, "x");
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) copy.get("list");

    assertThatThrownBy(() -> copy.put("k", "w")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> copy.remove("k")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(copy::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> copy.entrySet().iterator().next().setValue("w"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.add(3)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.set(0, 3)).isInstanceOf(UnsupportedOperationException.class);
    // And the host's later changes do not reach the copy.
    original.put("k", "changed");
    ((List<Object>) original.get("list")).add(3);
    assertThat(copy.get("k")).isEqualTo("v");
    assertThat(list).containsExactly(1, 2);
  }

  @Test
  void aCopyOfACopyIsTheSameObject() {
    Object once = JsonValues.copy(Map.of("a", List.of("b")), "x");
    assertThat(JsonValues.copy(once, "y")).isSameAs(once);
  }

  @Test
  void errorsNameTheFullPathOfTheBadValue() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("ok", 1);
    inner.put("bad", new Object());
    Object tree = Map.of("items", List.of("fine", Map.of("deep", inner)));
    assertThatThrownBy(() -> JsonValues.copy(tree, "extension acme"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("extension acme.items[1].deep.bad is a java.lang.Object");
    assertThatThrownBy(() -> JsonValues.copy(List.of(1, Double.NaN), "extension acme"))
        .hasMessageStartingWith("extension acme[1] is NaN");
  }

  /** Random trees with strings of every kind, plain or not, at every position. */
  private static @Nullable Object randomTree(Random r, int depth) {
    String[] strings = {"plain", "", "with \"quote\"", "back\\slash", "tab\there", "caf\u00e9",
        "\u65e5\u672c", "emoji \ud83d\ude00", "lone \ud800", "del \u007f", "0", "12", "4294967295",
        "http://example.com/a?b=c&d=e"};
    int kind = depth > 3 ? r.nextInt(4) : r.nextInt(6);
    switch (kind) {
      case 0:
        return strings[r.nextInt(strings.length)];
      case 1:
        return r.nextBoolean() ? null : (Object) r.nextBoolean();
      case 2:
        return r.nextBoolean() ? (Object) r.nextInt() : (Object) (r.nextInt(1000) / 8.0);
      case 3:
        return strings[r.nextInt(strings.length)];
      case 4: {
        List<@Nullable Object> list = new ArrayList<>();
        for (int i = r.nextInt(5); i > 0; i--) {
          list.add(randomTree(r, depth + 1));
        }
        return list;
      }
      default: {
        Map<String, @Nullable Object> map = r.nextBoolean() ? new LinkedHashMap<>()
            : new HashMap<>();
        for (int i = r.nextInt(12); i > 0; i--) {
          map.put(strings[r.nextInt(strings.length)] + (r.nextBoolean() ? "" : i),
              randomTree(r, depth + 1));
        }
        return map;
      }
    }
  }

  @Test
  void aCopyWritesExactlyAsTheHostsOwnTreeInEveryDialect() {
    Random r = new Random(2026);
    for (int n = 0; n < 3_000; n++) {
      Object tree = randomTree(r, 0);
      Object copy = JsonValues.copy(tree, "x");
      for (JsonDialect dialect : JsonDialect.values()) {
        assertThat(JsonWriter.toString(copy, dialect))
            .as("tree %s in %s", tree, dialect)
            .isEqualTo(JsonWriter.toString(tree, dialect));
      }
    }
  }

  @Test
  void plainMeansPrintableAsciiWithoutQuoteOrBackslash() {
    assertThat(JsonValues.isPlain("https://example.com/a b~")).isTrue();
    assertThat(JsonValues.isPlain("")).isTrue();
    for (String s : new String[] {"\"", "\\", "\u001f", "\u007f", "\u0080", "\u00e9", "\ud83d"}) {
      assertThat(JsonValues.isPlain("a" + s)).as(s).isFalse();
    }
  }
}
