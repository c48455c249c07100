package io.mediahooks.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.core.MediaEventType;
import io.mediahooks.examples.SendOptions.AuthKind;
import io.mediahooks.examples.SendOptions.Format;
import io.mediahooks.examples.SendOptions.RetryKind;
import io.mediahooks.examples.SendOptions.SignKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The {@code send} argument parser: every option, and every mistake named. */
class SendOptionsTest {
  private static final String URL = "https://hooks.example.com/media?auth=s3cr3t";

  private static SendOptions parse(String... args) throws UsageException {
    return SendOptions.parse(Arrays.asList(args));
  }

  /** The two required options plus the given ones. */
  private static SendOptions with(String... more) throws UsageException {
    List<String> args = new ArrayList<>(List.of("--format", "betterez", "--url", URL));
    args.addAll(Arrays.asList(more));
    return SendOptions.parse(args);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> usageError(String... args) {
    return assertThatThrownBy(() -> parse(args)).isInstanceOf(UsageException.class);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> usageErrorWith(String... more) {
    return assertThatThrownBy(() -> with(more)).isInstanceOf(UsageException.class);
  }

  @Test
  void defaultsAreEveryEventOnceUnsignedUnauthenticatedAndStrictGuard() throws Exception {
    SendOptions o = parse("--format", "fotoware", "--url", URL);

    assertThat(o.format()).isEqualTo(Format.FOTOWARE);
    assertThat(o.url()).isEqualTo(URL);
    assertThat(o.allEvents()).isTrue();
    assertThat(o.events()).containsExactlyInAnyOrder(MediaEventType.values());
    assertThat(o.count()).isEqualTo(1);
    assertThat(o.signKind()).isNull();
    assertThat(o.authKind()).isEqualTo(AuthKind.NONE);
    assertThat(o.headers()).isEmpty();
    assertThat(o.allowPrivate()).isFalse();
    assertThat(o.retryExplicit()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void everyFormatNameIsAccepted(Format format) throws Exception {
    assertThat(parse("--format", format.cliName, "--url", URL).format()).isEqualTo(format);
  }

  @Test
  void optionValuesMayBeJoinedWithAnEqualsSign() throws Exception {
    SendOptions o = parse("--format=cloudevents-binary", "--url=" + URL, "--count=3",
        "--header=X-Tenant=acme=1");

    assertThat(o.format()).isEqualTo(Format.CLOUDEVENTS_BINARY);
    assertThat(o.count()).isEqualTo(3);
    assertThat(o.headers()).containsExactly(Map.entry("X-Tenant", "acme=1"));
  }

  @Test
  void urlQueryIsKeptByteForByte() throws Exception {
    String url = "http://127.0.0.1:8080/h?auth=a%2Fb&x=%7e";
    assertThat(parse("--format", "microcms", "--url", url).url()).isEqualTo(url);
  }

  @Test
  void eventSelectsOneOrSeveralTypes() throws Exception {
    assertThat(with("--event", "updated").events()).containsExactly(MediaEventType.UPDATED);
    assertThat(with("--event", "updated").allEvents()).isFalse();
    assertThat(with("--event", "created,deleted").events())
        .containsExactly(MediaEventType.CREATED, MediaEventType.DELETED);
    assertThat(with("--event", "all").allEvents()).isTrue();
  }

  @Test
  void countAcceptsOneToTheMaximum() throws Exception {
    assertThat(with("--count", "1").count()).isEqualTo(1);
    assertThat(with("--count", "10000").count()).isEqualTo(SendOptions.MAX_COUNT);
  }

  @ParameterizedTest
  @CsvSource({
      "microcms:topsecret, MICROCMS, topsecret",
      "betterez:key:with:colons, BETTEREZ, key:with:colons",
      "standard:whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw, STANDARD, "
          + "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"})
  void signNamesTheSignerAndItsSecret(String value, SignKind kind, String secret)
      throws Exception {
    SendOptions o = with("--sign", value);
    assertThat(o.signKind()).isEqualTo(kind);
    assertThat(o.signSecret()).isEqualTo(secret);
  }

  @Test
  void basicSplitsUserAndPasswordAtTheFirstColon() throws Exception {
    SendOptions o = with("--basic", "dam-hooks:pa:ss");
    assertThat(o.authKind()).isEqualTo(AuthKind.BASIC);
    assertThat(o.user()).isEqualTo("dam-hooks");
    assertThat(o.password()).isEqualTo("pa:ss");
  }

  @Test
  void bearerTakesAToken() throws Exception {
    SendOptions o = with("--bearer", "eyJhbGciOi.abc-_~+/=");
    assertThat(o.authKind()).isEqualTo(AuthKind.BEARER);
    assertThat(o.bearerToken()).isEqualTo("eyJhbGciOi.abc-_~+/=");
  }

  @Test
  void oauth2TakesTokenUrlUserAndPassword() throws Exception {
    SendOptions o = with("--oauth2-token-url", "https://auth.example.com/oauth/token",
        "--username", "filerobot", "--password", "hunter2");
    assertThat(o.authKind()).isEqualTo(AuthKind.OAUTH2_PASSWORD);
    assertThat(o.tokenUrl()).isEqualTo("https://auth.example.com/oauth/token");
    assertThat(o.user()).isEqualTo("filerobot");
    assertThat(o.password()).isEqualTo("hunter2");
  }

  @Test
  void headersRepeatKeepOrderAndALaterOneOfTheSameNameWins() throws Exception {
    SendOptions o = with("--header", "X-Tenant=acme", "--header", "X-Env=", "--header",
        "x-tenant=globex");
    assertThat(o.headers()).containsExactly(Map.entry("X-Env", ""),
        Map.entry("x-tenant", "globex"));
  }

  @Test
  void retryDefaultsToNoneForMicroCmsAndShortExponentialOtherwise() throws Exception {
    SendOptions microCms = parse("--format", "microcms", "--url", URL);
    assertThat(microCms.retryKind()).isEqualTo(RetryKind.NONE);
    assertThat(microCms.maxAttempts()).isEqualTo(1);

    SendOptions other = with();
    assertThat(other.retryKind()).isEqualTo(RetryKind.EXPONENTIAL);
    assertThat(other.maxAttempts()).isEqualTo(5);
    assertThat(other.initialDelayMs()).isEqualTo(500);
    assertThat(other.retryDescription()).isEqualTo("exponential:5:500");
  }

  @ParameterizedTest
  @CsvSource({
      "none, NONE, 1, 0",
      "exponential, EXPONENTIAL, 5, 500",
      "exponential:3, EXPONENTIAL, 3, 500",
      "exponential:8:50, EXPONENTIAL, 8, 50",
      "exponential:1:1, EXPONENTIAL, 1, 1"})
  void retryParsesKindAttemptsAndInitialDelay(String value, RetryKind kind, int attempts,
      long delayMs) throws Exception {
    SendOptions o = with("--retry", value);
    assertThat(o.retryExplicit()).isTrue();
    assertThat(o.retryKind()).isEqualTo(kind);
    assertThat(o.maxAttempts()).isEqualTo(attempts);
    assertThat(o.initialDelayMs()).isEqualTo(delayMs);
  }

  @Test
  void retryScheduleIsTheLibrarysDefaultSchedule() throws Exception {
    assertThat(with("--retry", "schedule").retryKind()).isEqualTo(RetryKind.SCHEDULE);
  }

  @Test
  void allowPrivateIsAFlag() throws Exception {
    assertThat(with("--allow-private").allowPrivate()).isTrue();
  }

  @Test
  void helpIsFoundAnywhere() {
    assertThat(SendOptions.wantsHelp(List.of("--format", "x", "--help"))).isTrue();
    assertThat(SendOptions.wantsHelp(List.of("-h"))).isTrue();
    assertThat(SendOptions.wantsHelp(List.of("--format", "microcms"))).isFalse();
  }

  @Test
  void toStringNeverShowsSecrets() throws Exception {
    String text = with("--sign", "betterez:k3y", "--basic", "u:pw0rd", "--header",
        "X-Api-Key=abc123").toString();
    assertThat(text).doesNotContain("s3cr3t", "k3y", "pw0rd").contains("auth=***");
  }

  // Usage errors: each names the option and what is wrong.

  @Test
  void formatAndUrlAreRequired() {
    usageError("--url", URL).hasMessageContaining("--format is required");
    usageError("--format", "microcms").hasMessageContaining("--url is required");
  }

  @Test
  void unknownFormatIsNamedWithTheChoices() {
    usageError("--format", "wordpress", "--url", URL)
        .hasMessageContaining("--format must be one of microcms, betterez, fotoware,"
            + " fotoware-form, filerobot, cloudevents, cloudevents-binary")
        .hasMessageContaining("\"wordpress\"");
  }

  @ParameterizedTest
  @CsvSource({
      "ftp://example.com/x, must be an http or https URL",
      "hooks.example.com/x, must be an http or https URL",
      "http:///nohost, must name a host",
      "'http://exa mple.com/', is not a valid URL"})
  void badUrlsAreNamed(String url, String message) {
    usageError("--format", "microcms", "--url", url).hasMessageStartingWith("--url")
        .hasMessageContaining(message);
  }

  @Test
  void badUrlMessagesMaskTheQuery() {
    usageError("--format", "microcms", "--url", "ftp://example.com/x?auth=s3cr3t")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void unknownOptionIsNamed() {
    usageErrorWith("--colour", "red").hasMessageContaining("unknown option --colour");
  }

  @Test
  void strayArgumentIsNamed() {
    usageErrorWith("extra").hasMessageContaining("unexpected argument \"extra\"");
    usageErrorWith("-x").hasMessageContaining("unexpected argument \"-x\"");
  }

  @Test
  void missingValueIsNamed() {
    usageError("--format").hasMessageContaining("--format needs a value");
    usageError("--format", "microcms", "--url").hasMessageContaining("--url needs a value");
    usageErrorWith("--count", "--allow-private").hasMessageContaining("--count needs a value");
  }

  @Test
  void repeatedOptionIsNamed() {
    usageErrorWith("--count", "2", "--count", "3")
        .hasMessageContaining("--count is given more than once");
    usageErrorWith("--allow-private", "--allow-private")
        .hasMessageContaining("--allow-private is given more than once");
  }

  @ParameterizedTest
  @CsvSource({"0", "-1", "10001", "two", "1.5", "''"})
  void badCountIsNamed(String count) {
    usageErrorWith("--count", count)
        .hasMessageContaining("--count must be a whole number from 1 to 10000");
  }

  @ParameterizedTest
  @CsvSource({"everything", "'created,'", "CREATED;deleted", "''"})
  void badEventIsNamed(String event) {
    usageErrorWith("--event", event).hasMessageContaining("--event must be created, updated,"
        + " deleted");
  }

  @ParameterizedTest
  @CsvSource({
      "hmac:abc, --sign must be microcms:SECRET, betterez:KEY or standard:whsec_BASE64",
      "microcms, --sign microcms: needs a secret after the colon",
      "betterez:, --sign betterez: needs a secret after the colon",
      "standard:abc, --sign standard: the secret must start with whsec_",
      "standard:whsec_, --sign standard: the key after whsec_ must decode to 24 to 64 bytes",
      "standard:whsec_c2hvcnQ=, --sign standard: the key after whsec_ must decode to 24 to 64",
      "standard:whsec_not*base64, --sign standard: the secret after whsec_ must be base64"})
  void badSignIsNamed(String value, String message) {
    usageErrorWith("--sign", value).hasMessageContaining(message);
  }

  @Test
  void badSignMessageHidesTheSecret() {
    usageErrorWith("--sign", "hmac:s3cr3tvalue").hasMessageNotContaining("s3cr3tvalue");
  }

  @ParameterizedTest
  @CsvSource({"nocolon", ":password"})
  void badBasicIsNamed(String value) {
    usageErrorWith("--basic", value).hasMessageContaining("--basic must be USER:PASS");
  }

  @ParameterizedTest
  @CsvSource({"'two words'", "''", "'tab\tinside'", "ünicode"})
  void badBearerIsNamed(String value) {
    usageErrorWith("--bearer", value).hasMessageContaining("--bearer must be a non-empty token");
  }

  @Test
  void authenticationMethodsCannotBeCombined() {
    usageErrorWith("--basic", "u:p", "--bearer", "t")
        .hasMessageContaining("--basic and --bearer cannot be combined");
    usageErrorWith("--bearer", "t", "--oauth2-token-url", "https://a.example/t", "--username",
        "u", "--password", "p")
        .hasMessageContaining("--bearer and --oauth2-token-url cannot be combined");
  }

  @Test
  void oauth2NeedsUserAndPasswordAndTheyNeedOauth2() {
    usageErrorWith("--oauth2-token-url", "https://a.example/t", "--username", "u")
        .hasMessageContaining("--oauth2-token-url needs --username and --password");
    usageErrorWith("--username", "u").hasMessageContaining(
        "--username is only used with --oauth2-token-url");
    usageErrorWith("--password", "p").hasMessageContaining(
        "--password is only used with --oauth2-token-url");
    usageErrorWith("--oauth2-token-url", "https://a.example/t", "--username", "",
        "--password", "p").hasMessageContaining("--username must not be empty");
    usageErrorWith("--oauth2-token-url", "https://a.example/t", "--username", "u",
        "--password", "").hasMessageContaining("--password must not be empty");
  }

  @Test
  void badTokenUrlIsNamed() {
    usageErrorWith("--oauth2-token-url", "file:///etc/passwd", "--username", "u",
        "--password", "p").hasMessageContaining("--oauth2-token-url must be an http or https");
  }

  @ParameterizedTest
  @CsvSource({
      "NoEquals, --header must be NAME=VALUE",
      "=value, --header must be NAME=VALUE",
      "'Bad Name=x', has an invalid character ' '",
      "X-Ok=caf\u00e9, --header X-Ok: the value may only contain printable ASCII",
      "Content-Type=text/plain, --header Content-Type cannot be set",
      "content-length=3, --header content-length cannot be set"})
  void badHeaderIsNamed(String value, String message) {
    usageErrorWith("--header", value).hasMessageContaining(message);
  }

  @Test
  void headerValuesWithLineBreaksAreRefused() {
    usageErrorWith("--header", "X-Ok=line\r\nInjected: yes")
        .hasMessageContaining("--header X-Ok: the value may only contain printable ASCII")
        .hasMessageContaining("U+000D");
  }

  @Test
  void authorizationHeaderConflictsWithAnAuthOption() {
    usageErrorWith("--bearer", "t", "--header", "Authorization=Basic eA==")
        .hasMessageContaining("--header Authorization conflicts with --bearer");
  }

  @ParameterizedTest
  @CsvSource({
      "sometimes, --retry must be none, schedule or exponential",
      "none:3, --retry must be none",
      "schedule:3, schedule takes no numbers",
      "exponential:0, MAX_ATTEMPTS must be a whole number from 1 to 100",
      "exponential:101, MAX_ATTEMPTS must be a whole number from 1 to 100",
      "exponential:x, MAX_ATTEMPTS must be",
      "exponential:3:0, INITIAL_DELAY_MS must be a whole number of milliseconds from 1",
      "exponential:3:3600001, INITIAL_DELAY_MS must be",
      "exponential:3:50:2, --retry must be none, schedule or exponential"})
  void badRetryIsNamed(String value, String message) {
    usageErrorWith("--retry", value).hasMessageStartingWith("--retry")
        .hasMessageContaining(message);
  }

  @Test
  void allowPrivateTakesNoValue() {
    usageErrorWith("--allow-private=yes").hasMessageContaining(
        "--allow-private takes no value");
  }
}
