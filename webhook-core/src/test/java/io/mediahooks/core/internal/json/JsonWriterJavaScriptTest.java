package io.mediahooks.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JAVASCRIPT dialect against node's own {@code JSON.stringify}. The expectations were
 * generated offline by {@code src/test/resources/json-js/generate.js} (node 20); this class builds
 * the same inputs in Java under the same case names.
 */
class JsonWriterJavaScriptTest {
  private static final Map<String, @Nullable Object> INPUTS = inputs();
  private static final Map<String, String> EXPECTED = readExpected();

  private static Map<String, @Nullable Object> inputs() {
    Map<String, @Nullable Object> in = new LinkedHashMap<>();
    // Strings.
    in.put("nonAsciiLatin", "caf\u00e9 na\u00efve");
    in.put("nonAsciiCjk", "\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8");
    in.put("emoji", "harbour \ud83d\ude00 \ud83c\udf05");
    in.put("slash", "a/b</script>");
    in.put("quote", "say \"hi\"");
    in.put("backslash", "C:\\media\\n");
    for (char c = 0; c < 0x20; c++) {
      in.put(String.format("control%02x", (int) c), "a" + c + "b");
    }
    in.put("lineSeparator", "a\u2028b");
    in.put("paragraphSeparator", "a\u2029b");
    in.put("del", "a\u007fb");
    in.put("c1Control", "a\u0085b\u009fc");
    in.put("nonCharacters", "\ufffe\uffff");
    in.put("loneHigh", "x\ud800y");
    in.put("loneLow", "x\udc00y");
    in.put("loneHighAtEnd", "end\ud83d");
    in.put("loneLowAtStart", "\ude00start");
    in.put("reversedPair", "\ude00\ud83d");
    in.put("highThenPair", "\ud83d\ud83d\ude00");
    in.put("emptyString", "");
    // Numbers, in the Java types formats actually hold.
    in.put("zero", 0);
    in.put("negativeZero", -0.0d);
    in.put("positiveInt", 42);
    in.put("negativeInt", -17L);
    in.put("longMaxValue", Long.MAX_VALUE);
    in.put("longMinValue", Long.MIN_VALUE);
    in.put("maxSafeInteger", 9_007_199_254_740_991L);
    in.put("maxSafeIntegerPlusTwo", 9_007_199_254_740_993L);
    in.put("twoToThe70", BigInteger.TWO.pow(70));
    in.put("oneE21", 1e21);
    in.put("oneE20", 1e20);
    in.put("oneEMinus7", 1e-7);
    in.put("onePointFiveEMinus7", 1.5e-7);
    in.put("oneEMinus6", 1.0E-6);
    in.put("bigDigits", 123456789012345680000d);
    in.put("pointOnePlusPointTwo", 0.1 + 0.2);
    in.put("minSubnormal", Double.MIN_VALUE);
    in.put("minNormal", Double.MIN_NORMAL);
    in.put("maxDouble", Double.MAX_VALUE);
    in.put("negativeMaxDouble", -Double.MAX_VALUE);
    in.put("hundredPointZero", 100.0);
    in.put("negativeFraction", -0.5f);
    in.put("decimalOnePointOneZero", new BigDecimal("1.10"));
    in.put("nan", Double.NaN);
    in.put("positiveInfinity", Double.POSITIVE_INFINITY);
    in.put("negativeInfinity", Float.NEGATIVE_INFINITY);
    // Structures.
    in.put("nested", map("a", List.of(1, map("b", null, "c", List.of(true, false))),
        "d", map("e", "f")));
    in.put("emptyObject", Map.of());
    in.put("emptyArray", List.of());
    in.put("nestedEmpty", List.of(Map.of(), List.of(), map("x", Map.of()), List.of(List.of())));
    in.put("keyOrder", map("zebra", 1, "apple", 2, "mango", 3));
    in.put("integerLikeKeys", map("b", 1, "10", 2, "a", 3, "2", 4, "01", 5, "-1", 6,
        "4294967295", 7, "4294967294", 8, "1.5", 9, "0", 10));
    in.put("escapedKeys", map("\u00e9/\n", 1, "q\"", Arrays.asList((Object) null)));
    in.put("arrayOfMixed", Arrays.asList(null, true, false, 0, -1.5, "x", List.of(), Map.of()));
    return in;
  }

  /** An insertion-ordered map from alternating keys and values (Map.of has no order). */
  private static Map<String, @Nullable Object> map(@Nullable Object... keysAndValues) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) Objects.requireNonNull(keysAndValues[i]), keysAndValues[i + 1]);
    }
    return m;
  }

  private static Map<String, String> readExpected() {
    try (InputStream in = resource("values.expected.json")) {
      return new ObjectMapper().readValue(in, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream resource(String name) {
    return Objects.requireNonNull(
        JsonWriterJavaScriptTest.class.getResourceAsStream("/json-js/" + name), name);
  }

  static Stream<String> caseNames() {
    return INPUTS.keySet().stream();
  }

  @Test
  void everyNodeCaseHasAJavaInputAndEveryJavaInputANodeExpectation() {
    assertThat(INPUTS.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    // A typo in a name would otherwise shrink both sides silently.
    assertThat(INPUTS).hasSizeGreaterThan(80);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("caseNames")
  void outputEqualsNodeJsonStringify(String name) {
    String expected = EXPECTED.get(name);
    assertThat(expected).as("node expectation for %s", name).isNotNull();
    Object value = INPUTS.get(name);
    assertThat(JsonWriter.toString(value, JsonDialect.JAVASCRIPT)).isEqualTo(expected);
    assertThat(JsonWriter.toBytes(value, JsonDialect.JAVASCRIPT))
        .isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void doublesMatchNodeForEveryPowerOfTwoItsNeighboursAndRandomValues() throws IOException {
    String tsv;
    try (InputStream in = resource("doubles.expected.tsv")) {
      tsv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    for (String line : tsv.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\t");
      double d = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
      String actual = JsonWriter.toString(d, JsonDialect.JAVASCRIPT);
      if (!actual.equals(parts[1])) {
        mismatches.add(parts[0] + " (" + d + "): node " + parts[1] + ", ours " + actual);
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(10_000);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void escapedOutputParsesBackToTheSameString() throws IOException {
    // Independent of node: whatever we escape, a JSON parser must read back unchanged.
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      all.append(c);
    }
    all.append("\u2028\u2029\u00e9\ud83d\ude00");
    String json = JsonWriter.toString(all.toString(), JsonDialect.JAVASCRIPT);
    assertThat(new ObjectMapper().readValue(json, String.class)).isEqualTo(all.toString());
  }

  @Test
  void integersWithinTwoToThe53AreWrittenExactly() {
    assertThat(JsonWriter.toString(-9_007_199_254_740_991L, JsonDialect.JAVASCRIPT))
        .isEqualTo("-9007199254740991");
    assertThat(JsonWriter.toString(Integer.MIN_VALUE, JsonDialect.JAVASCRIPT))
        .isEqualTo("-2147483648");
    assertThat(JsonWriter.toString((short) -7, JsonDialect.JAVASCRIPT)).isEqualTo("-7");
    assertThat(JsonWriter.toString((byte) 127, JsonDialect.JAVASCRIPT)).isEqualTo("127");
  }

  @Test
  void floatsAreWrittenFromTheirOwnShortestDecimal() {
    // A Java float 0.1f is 0.10000000149011612 as a double; the writer keeps the float's intent.
    assertThat(JsonWriter.toString(0.1f, JsonDialect.JAVASCRIPT)).isEqualTo("0.1");
    assertThat(JsonWriter.toString(300.0f, JsonDialect.JAVASCRIPT)).isEqualTo("300");
  }

  @Test
  void arrayIndexKeysAreRecognisedOnlyInCanonicalForm() {
    assertThat(JsonWriter.isArrayIndex("0")).isTrue();
    assertThat(JsonWriter.isArrayIndex("4294967294")).isTrue();
    assertThat(JsonWriter.isArrayIndex("4294967295")).isFalse();
    assertThat(JsonWriter.isArrayIndex("99999999999")).isFalse();
    assertThat(JsonWriter.isArrayIndex("007")).isFalse();
    assertThat(JsonWriter.isArrayIndex("")).isFalse();
    assertThat(JsonWriter.isArrayIndex("+1")).isFalse();
    assertThat(JsonWriter.isArrayIndex("1e3")).isFalse();
    assertThat(JsonWriter.isArrayIndex("\u0661")).as("Arabic-Indic digit one").isFalse();
  }

  @Test
  void nonJsonValuesAreRejectedNamingTheirType() {
    assertThatThrownBy(() -> JsonWriter.toString(List.of(Instant.EPOCH), JsonDialect.JAVASCRIPT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.time.Instant");
    assertThatThrownBy(() -> JsonWriter.toString(Map.of(1, "x"), JsonDialect.JAVASCRIPT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key is not a String");
  }
}
