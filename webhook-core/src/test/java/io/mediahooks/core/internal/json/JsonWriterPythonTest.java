package io.mediahooks.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The PYTHON dialect prints exactly what Python's {@code json.dumps(value)} prints with default
 * settings. Expectations come from {@code src/test/resources/json/python/python-cases.jsonl},
 * generated offline by {@code generate_python_cases.py} in the same folder (CPython 3.11).
 */
class JsonWriterPythonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CASES = "/json/python/python-cases.jsonl";

  @TestFactory
  Stream<DynamicTest> everyGeneratedValuePrintsAsPythonJsonDumps() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    int line = 0;
    for (JsonNode c : readCases()) {
      line++;
      String name = "line " + line + ": " + c.get("name").asText();
      Object value = decode(c.get("input"));
      String expected = c.get("expected").asText();
      tests.add(DynamicTest.dynamicTest(name, () ->
          assertThat(JsonWriter.toString(value, JsonDialect.PYTHON)).isEqualTo(expected)));
    }
    // Guards against an empty or truncated resource making this test vacuous.
    assertThat(tests).hasSizeGreaterThan(10_000);
    return tests.stream();
  }

  @Test
  void briefsNamedFloatsPrintAsPythonRepr() {
    // The same values as the generated file's first lines, spelled out so a reader sees the rule.
    assertThat(py(300.0)).isEqualTo("300.0");
    assertThat(py(0.0)).isEqualTo("0.0");
    assertThat(py(-0.0)).isEqualTo("-0.0");
    assertThat(py(1e-05)).isEqualTo("1e-05");
    assertThat(py(0.0001)).isEqualTo("0.0001");
    assertThat(py(1e16)).isEqualTo("1e+16");
    assertThat(py(1e15)).isEqualTo("1000000000000000.0");
    assertThat(py(123456789.123)).isEqualTo("123456789.123");
    assertThat(py(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(py(5e-324)).isEqualTo("5e-324");
    assertThat(py(1.7976931348623157e308)).isEqualTo("1.7976931348623157e+308");
    assertThat(py(1.0 / 3)).isEqualTo("0.3333333333333333");
    assertThat(py(Double.NaN)).isEqualTo("NaN");
    assertThat(py(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
  }

  @Test
  void separatorsAreCommaSpaceAndColonSpaceOnOneLine() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("b", List.of(1, 2));
    map.put("a", Map.of());
    assertThat(py(map)).isEqualTo("{\"b\": [1, 2], \"a\": {}}");
  }

  @Test
  void nonAsciiIsEscapedAsLowercaseHexAndAstralAsSurrogatePairs() {
    assertThat(py("é東😀\u007f/")).isEqualTo("\"\\u00e9\\u6771\\ud83d\\ude00\\u007f/\"");
  }

  @Test
  void javaIntegerTypesPrintAsPythonInts() {
    assertThat(py(List.of((byte) -1, (short) 2, 3, 4L, new BigInteger("123456789012345678901"))))
        .isEqualTo("[-1, 2, 3, 4, 123456789012345678901]");
  }

  @Test
  void nonStringKeyIsRejectedNamingTheKey() {
    Map<Object, Object> bad = new LinkedHashMap<>();
    bad.put(1, "x");
    assertThatThrownBy(() -> py(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a String: 1");
  }

  private static String py(@Nullable Object value) {
    return JsonWriter.toString(value, JsonDialect.PYTHON);
  }

  private static List<JsonNode> readCases() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (InputStream in = JsonWriterPythonTest.class.getResourceAsStream(CASES)) {
      assertThat(in).as(CASES).isNotNull();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isEmpty()) {
          out.add(MAPPER.readTree(line));
        }
      }
    }
    return out;
  }

  /** Rebuilds the Python value from its typed form (see the generator's docstring). */
  static @Nullable Object decode(JsonNode typed) {
    String t = typed.get("t").asText();
    JsonNode v = typed.get("v");
    switch (t) {
      case "null":
        return null;
      case "bool":
        return v.booleanValue();
      case "int":
        return narrow(new BigInteger(v.asText()));
      case "float":
        switch (v.asText()) {
          case "nan":
            return Double.NaN;
          case "inf":
            return Double.POSITIVE_INFINITY;
          case "-inf":
            return Double.NEGATIVE_INFINITY;
          default:
            return Double.parseDouble(v.asText());
        }
      case "str":
        return v.asText();
      case "list":
        List<@Nullable Object> list = new ArrayList<>();
        v.forEach(e -> list.add(decode(e)));
        return list;
      case "dict":
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        v.forEach(pair -> map.put(pair.get(0).asText(), decode(pair.get(1))));
        return map;
      default:
        throw new IllegalArgumentException("unknown type tag " + t + " in " + Arrays.asList(typed));
    }
  }

  /** Uses the smallest Java type that holds the value, so every integer path is exercised. */
  private static Number narrow(BigInteger i) {
    if (i.bitLength() < 32) {
      return i.intValue();
    }
    if (i.bitLength() < 64) {
      return i.longValue();
    }
    return i;
  }
}
