package io.mediahooks.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The writer's buffers: each thread reuses one, so these guard what reuse could break. A string
 * of any length, with escapes and multi-byte characters anywhere (at the buffer's growth
 * boundaries included), must come out exactly as the concatenation of its pieces does; a render
 * after a huge one, or after one that failed half-way, must not see the earlier bytes; and
 * threads rendering at once must not see each other's.
 */
class JsonWriterBufferTest {
  // Characters that take every path of the string writer: plain, short escape, backslash-u
  // escape, DEL, 2-byte, 3-byte, a surrogate pair and lone surrogates.
  private static final String[] PIECES = {
    "plain text ", "\"", "\\", "\n", "\u0001", "\u007f", "\u00e9", "\u65e5", "\ud83d\ude00",
    "\ud800", "\udc00", "/", "a", "0123456789"
  };

  private static String randomText(Random random, int pieces, List<String> parts) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      String p = PIECES[random.nextInt(PIECES.length)];
      // A lone high surrogate followed by a lone low one would pair up in the whole string but
      // not in the pieces: keep the property exact by never putting them side by side.
      if (p.equals("\udc00") && sb.length() > 0
          && Character.isHighSurrogate(sb.charAt(sb.length() - 1))) {
        p = "a";
      }
      sb.append(p);
      parts.add(p);
    }
    return sb.toString();
  }

  /** A string literal's bytes without its quotes. */
  private static byte[] inner(String s, JsonDialect dialect) {
    byte[] b = JsonWriter.toBytes(s, dialect);
    assertThat(b[0]).isEqualTo((byte) '"');
    assertThat(b[b.length - 1]).isEqualTo((byte) '"');
    return Arrays.copyOfRange(b, 1, b.length - 1);
  }

  @ParameterizedTest
  @EnumSource(JsonDialect.class)
  void aLongStringIsEscapedExactlyAsItsPiecesAre(JsonDialect dialect) {
    Random random = new Random(42);
    // Past the retained buffer (64 KiB) and the retained char scratch, so every growth path runs.
    for (int pieces : new int[] {1, 100, 5_000, 40_000}) {
      List<String> parts = new ArrayList<>();
      String text = randomText(random, pieces, parts);
      StringBuilder expected = new StringBuilder("\"");
      for (String p : parts) {
        expected.append(new String(inner(p, dialect), StandardCharsets.UTF_8));
      }
      expected.append('"');
      assertThat(new String(JsonWriter.toBytes(text, dialect), StandardCharsets.UTF_8))
          .isEqualTo(expected.toString());
      assertThat(JsonWriter.toString(text, dialect)).isEqualTo(expected.toString());
    }
  }

  @Test
  void theUtf8BytesDecodeToWhatJsonParsersRead() throws Exception {
    Random random = new Random(7);
    List<String> parts = new ArrayList<>();
    String text = randomText(random, 20_000, parts);
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("text", text.replace("\ud800", "").replace("\udc00", ""));
    tree.put("list", List.of(1, 2, 3.5, true));
    for (JsonDialect dialect : JsonDialect.values()) {
      byte[] bytes = JsonWriter.toBytes(tree, dialect);
      assertThat(new ObjectMapper().readValue(bytes, Map.class)).isEqualTo(tree);
    }
  }

  @Test
  void aSmallRenderAfterAHugeOneHasExactlyItsOwnBytes() {
    String huge = "x".repeat(JsonWriter.RETAINED * 3);
    assertThat(JsonWriter.toBytes(huge, JsonDialect.JAVASCRIPT)).hasSize(huge.length() + 2);
    assertThat(JsonWriter.toBytes(Map.of("a", 1), JsonDialect.PYTHON))
        .isEqualTo("{\"a\": 1}".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void aRenderThatFailedHalfWayLeavesNothingBehind() {
    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("fine", "y".repeat(10_000));
    bad.put("broken", new Object());
    assertThatThrownBy(() -> JsonWriter.toBytes(bad, JsonDialect.JAVASCRIPT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a JSON value: java.lang.Object");
    assertThat(JsonWriter.toString(List.of("z"), JsonDialect.JAVASCRIPT)).isEqualTo("[\"z\"]");
  }

  @Test
  void threadsRenderingAtOnceDoNotShareBytes() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = t;
        Callable<Boolean> task = () -> {
          Random random = new Random(seed);
          for (int i = 0; i < 300; i++) {
            String text = randomText(random, 1 + random.nextInt(400), new ArrayList<>());
            Map<String, Object> tree = Map.of("k" + seed, List.of(text, i));
            String once = JsonWriter.toString(tree, JsonDialect.JAVASCRIPT);
            String again = new String(JsonWriter.toBytes(tree, JsonDialect.JAVASCRIPT),
                StandardCharsets.UTF_8);
            if (!once.equals(again) || !once.startsWith("{\"k" + seed + "\":[")) {
              return false;
            }
          }
          return true;
        };
        results.add(pool.submit(task));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void integralFloatsTakeTheShortCutWithTheSameDigits() {
    // The integral fast path against the general search, on values around its edges.
    double[] values = {1, 10, 300, 1e15, 1e16, 123456789012345.0, 0x1p52, 0x1p53 - 1, 0x1p53,
        0x1p53 + 2, 1e21, 1e22, 4.35e20};
    for (double d : values) {
      JsonWriter.Shortest fast = JsonWriter.shortest(d);
      java.math.BigDecimal exact = new java.math.BigDecimal(d).stripTrailingZeros();
      // For an integer the shortest round-tripping digits are its own digits without trailing
      // zeros, as long as no shorter decimal rounds to it (true below 2^53 and checked here by
      // the round trip of the digits).
      assertThat(Double.parseDouble(fast.digits + "e" + (fast.point - fast.digits.length())))
          .isEqualTo(d);
      if (d < 0x1p53) {
        assertThat(fast.digits).isEqualTo(exact.unscaledValue().toString());
        assertThat(fast.point).isEqualTo(exact.precision() - exact.scale());
      }
    }
    assertThat(JsonWriter.toString(List.of(300.0, 1e21, 0x1p53 - 1), JsonDialect.PYTHON))
        .isEqualTo("[300.0, 1e+21, 9007199254740991.0]");
    assertThat(JsonWriter.toString(List.of(300.0, 1e21, 0x1p53 - 1), JsonDialect.JAVASCRIPT))
        .isEqualTo("[300,1e+21,9007199254740991]");
  }
}
