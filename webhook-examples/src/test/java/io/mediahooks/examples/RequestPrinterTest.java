package io.mediahooks.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How received requests are shown: readable bodies, and never a secret. */
class RequestPrinterTest {
  private static final String NL = System.lineSeparator();

  private static ReceivedRequest request(String target, Map<String, List<String>> headers,
      String body) {
    return new ReceivedRequest(7, Duration.ofMillis(1234), "POST", target, headers,
        body.getBytes(UTF_8), 200, null, true);
  }

  @Test
  void jsonIsPrettyPrintedInTheSendersKeyOrderWithExactNumbers() throws Exception {
    String pretty = RequestPrinter.prettyJson(
        "{\"z\":1,\"a\":{\"res\":300.0,\"rot\":0.10,\"big\":12345678901234567890},"
            + "\"list\":[\"x\",true,null],\"empty\":{},\"none\":[],\"alt\":\"B\\u00e5t\\n\"}");

    assertThat(pretty).isEqualTo(String.join(NL,
        "{",
        "  \"z\": 1,",
        "  \"a\": {\"res\": 300.0, \"rot\": 0.10, \"big\": 12345678901234567890},",
        "  \"list\": [\"x\", true, null],",
        "  \"empty\": {},",
        "  \"none\": [],",
        "  \"alt\": \"Båt\\n\"",
        "}"));
  }

  @Test
  void containersTooWideForOneLineAreBrokenUpLevelByLevel() throws Exception {
    String longText = "x".repeat(70);
    String pretty = RequestPrinter.prettyJson("{\"outer\":{\"inner\":[\"" + longText
        + "\",\"" + longText + "\"],\"n\":1}}");

    assertThat(pretty).isEqualTo(String.join(NL,
        "{",
        "  \"outer\": {",
        "    \"inner\": [",
        "      \"" + longText + "\",",
        "      \"" + longText + "\"",
        "    ],",
        "    \"n\": 1",
        "  }",
        "}"));
    assertThat(pretty.lines()).allMatch(line -> line.length() <= RequestPrinter.LINE_WIDTH);
  }

  @Test
  void aDuplicateKeyIsReportedNotHidden() {
    String shown = RequestPrinter.body("application/json",
        "{\"id\":1,\"id\":2}".getBytes(UTF_8));

    assertThat(shown).startsWith("{\"id\":1,\"id\":2}").contains("(not valid JSON:")
        .contains("Duplicate field 'id'");
  }

  @Test
  void invalidJsonIsShownAsSentWithTheReason() {
    String shown = RequestPrinter.body("application/json", "{\"a\":1,}".getBytes(UTF_8));

    assertThat(shown).startsWith("{\"a\":1,}").contains("(not valid JSON:");
  }

  @Test
  void twoJsonValuesInOneBodyAreNotValidJson() {
    String shown = RequestPrinter.body("application/json", "{} {}".getBytes(UTF_8));

    assertThat(shown).contains("(not valid JSON:");
  }

  @Test
  void formBodiesAreDecodedFieldByFieldWithJsonFieldsPrettyPrinted() {
    String shown = RequestPrinter.body("application/x-www-form-urlencoded",
        ("pixel-width=4032&title=Harbour+at+dusk&byline=Ana+Lima%3B+Tom%C3%A1s+Berg"
            + "&data=%7B%22filename%22%3A+%22harbour.jpg%22%7D").getBytes(UTF_8));

    assertThat(shown).isEqualTo(String.join(NL,
        "pixel-width = 4032",
        "title = Harbour at dusk",
        "byline = Ana Lima; Tomás Berg",
        "data = {\"filename\": \"harbour.jpg\"}"));
  }

  @Test
  void passwordLikeFormFieldsAreMasked() {
    String shown = RequestPrinter.body("application/x-www-form-urlencoded",
        "grant_type=password&username=filerobot&password=hunter2&client_secret=abc"
            .getBytes(UTF_8));

    assertThat(shown).contains("grant_type = password", "username = filerobot",
        "password = ***", "client_secret = ***").doesNotContain("hunter2", "abc");
  }

  @Test
  void binaryBodiesAreSummarised() {
    assertThat(RequestPrinter.body("application/octet-stream",
        new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0}))
        .isEqualTo("(4 bytes of binary data)");
  }

  @Test
  void plainTextIsShownAsIs() {
    assertThat(RequestPrinter.body("text/plain", "hello".getBytes(UTF_8))).isEqualTo("hello");
  }

  @Test
  void theBlockShowsNumberTimeRequestLineReplyHeadersAndBody() {
    ReceivedRequest r = request("/microcms?auth=s3cr3t",
        Map.of("Content-Type", List.of("application/json"), "X-Trace", List.of("t1")),
        "{\"type\":\"new\"}");

    String block = RequestPrinter.format(r, "200 OK");

    assertThat(block).isEqualTo(String.join(NL,
        "#7  +1.234s  POST /microcms?auth=***  ->  200 OK",
        "    content-type: application/json",
        "    x-trace: t1",
        "    body: 14 bytes",
        "    {\"type\": \"new\"}",
        "",
        ""));
  }

  @Test
  void secretHeadersAreMaskedAndAuthorizationKeepsItsScheme() {
    ReceivedRequest r = request("/h", Map.of(
        "Authorization", List.of("Bearer eyJtoken"),
        "x-btrz-signature", List.of("t=1,s=abc,s2=def"),
        "webhook-signature", List.of("v1,c2lnbmF0dXJl"),
        "X-Api-Key", List.of("k3y"),
        "webhook-id", List.of("msg_1")), "");

    String block = RequestPrinter.format(r, "200 OK");

    assertThat(block).contains("authorization: Bearer ***", "x-btrz-signature: ***",
        "webhook-signature: ***", "x-api-key: ***", "webhook-id: msg_1", "body: 0 bytes")
        .doesNotContain("eyJtoken", "s2=def", "c2lnbmF0dXJl", "k3y");
  }

  @Test
  void aCheckIsReportedPassedOrFailed() {
    ReceivedRequest passed = new ReceivedRequest(1, Duration.ZERO, "POST", "/b", Map.of(),
        new byte[0], 200, "x-btrz-signature (s2)", true);
    ReceivedRequest failed = new ReceivedRequest(2, Duration.ZERO, "POST", "/b", Map.of(),
        new byte[0], 401, "x-btrz-signature (s2)", false);

    assertThat(RequestPrinter.format(passed, "200 OK"))
        .contains("check: x-btrz-signature (s2) passed");
    assertThat(RequestPrinter.format(failed, "401 Unauthorized"))
        .contains("check: x-btrz-signature (s2) FAILED, answered 401");
  }

  @Test
  void everyQueryValueIsMaskedAndNamesAreKept() {
    assertThat(Masking.target("/h?auth=s3cr3t&mode=x&flag")).isEqualTo("/h?auth=***&mode=***&***");
    assertThat(Masking.target("/plain")).isEqualTo("/plain");
  }

  @Test
  void urlsLoseUserInfoQueryValuesAndFragment() {
    assertThat(Masking.url("https://user:pw@hooks.example.com:8443/p?auth=s#frag"))
        .isEqualTo("https://***@hooks.example.com:8443/p?auth=***");
    assertThat(Masking.url("http://h.example?token=t")).isEqualTo("http://h.example?token=***");
  }
}
