package io.mediahooks.http;

import static java.util.concurrent.TimeUnit.SECONDS;
import static io.mediahooks.http.Waits.await;
import static io.mediahooks.http.Waits.beginClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.WebhookFormat;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's rules with a scripted transport, a manual clock and a manual scheduler: every
 * retry delay is exact and nothing sleeps.
 */
class DeliveryEngineTest {
  private final ManualClock clock = new ManualClock(Events.T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final ScriptedTransport transport = new ScriptedTransport();
  private final RecordingListener listener = new RecordingListener();
  private final List<MediaWebhooks> opened = new ArrayList<>();

  @AfterEach
  void closeAll() {
    transport.release();
    opened.forEach(w -> w.close(Duration.ZERO));
  }

  private MediaWebhooks.Builder builder() {
    return MediaWebhooks.builder()
        .transport(transport)
        .clock(clock)
        .scheduler(scheduler)
        .random(TestRandom.nominal())
        .listener(listener)
        .workers(2);
  }

  private MediaWebhooks open(MediaWebhooks.Builder b) {
    MediaWebhooks w = b.build();
    opened.add(w);
    return w;
  }

  private MediaWebhooks open(WebhookEndpoint... endpoints) {
    MediaWebhooks.Builder b = builder();
    for (WebhookEndpoint e : endpoints) {
      b.endpoint(e);
    }
    return open(b);
  }

  private static WebhookEndpoint.Builder endpoint(String name) {
    return WebhookEndpoint.builder("https://hooks.example.com/" + name + "?auth=s3cr3t")
        .name(name)
        .format(TestFormat.create());
  }

  private static String body(WebhookRequest request) {
    return StandardCharsets.UTF_8.decode(request.body()).toString();
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
    assertThat(m.find()).as("field %s in %s", name, json).isTrue();
    return m.group(1);
  }

  private static WebhookResponse response(int status, String header, String value) {
    return WebhookResponse.of(status, Map.of(header, List.of(value)), "");
  }

  // --- retries ----------------------------------------------------------------------------------

  @Test
  void serviceUnavailableThenOkDeliversInTwoAttemptsWithNewAttemptIdsAndOneEventId()
      throws Exception {
    transport.then(503);
    MediaWebhooks webhooks = open(endpoint("partner").build());

    CompletableFuture<PublishResult> published = webhooks.publish(Events.created("evt-1"));
    scheduler.awaitScheduled(1);
    assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(5));
    scheduler.advance(Duration.ofSeconds(5));

    DeliveryResult result = await(published).results().get(0);
    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(result.lastStatus()).isEqualTo(200);
    assertThat(result.eventName()).isEqualTo("test.created");
    List<WebhookRequest> sent = transport.requests();
    assertThat(sent).hasSize(2);
    String first = body(sent.get(0));
    String second = body(sent.get(1));
    assertThat(field(first, "id")).isEqualTo("evt-1").isEqualTo(field(second, "id"));
    assertThat(field(first, "attemptId")).isNotEqualTo(field(second, "attemptId"));
    assertThat(field(first, "attempt")).isEqualTo("1");
    assertThat(field(second, "attempt")).isEqualTo("2");
    // Each attempt is stamped with the clock at that attempt.
    assertThat(field(first, "created")).isEqualTo(String.valueOf(Events.T0.getEpochSecond()));
    assertThat(field(second, "created"))
        .isEqualTo(String.valueOf(Events.T0.getEpochSecond() + 5));
  }

  @Test
  void listenerSeesEveryStepInOrder() throws Exception {
    transport.then(503);
    MediaWebhooks webhooks = open(endpoint("a").build());
    CompletableFuture<PublishResult> published = webhooks.publish(Events.created("evt-1"));
    scheduler.awaitScheduled(1);
    scheduler.advance(Duration.ofSeconds(5));
    await(published);

    assertThat(listener.calls()).containsExactly(
        "enqueued a",
        "attempt 1 a", "finished 1 a: 503", "retry a: HTTP 503",
        "attempt 2 a", "finished 2 a: 200", "delivered a");
    assertThat(listener.retriesAt).containsExactly(Events.T0.plusSeconds(5));
  }

  @ParameterizedTest(name = "Retry-After {0} with 5 s scheduled waits {1} s")
  @CsvSource({"7, 7", "5, 5", "1, 5", "0, 5", "10, 10", "3600, 10"})
  void retryAfterSecondsIsKeptBetweenScheduledAndTwiceScheduled(String retryAfter, long expected)
      throws Exception {
    transport.then(response(503, "Retry-After", retryAfter));
    MediaWebhooks webhooks = open(endpoint("a").build());
    CompletableFuture<PublishResult> published = webhooks.publish(Events.created("evt-1"));
    scheduler.awaitScheduled(1);

    assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(expected));
    scheduler.advance(Duration.ofSeconds(expected));
    assertThat(await(published).results().get(0).isDelivered()).isTrue();
  }

  @ParameterizedTest(name = "HTTP-date {0} s ahead with 5 s scheduled waits {1} s")
  @CsvSource({"8, 8", "2, 5", "-30, 5", "100, 10"})
  void retryAfterHttpDateIsKeptBetweenScheduledAndTwiceScheduled(long ahead, long expected)
      throws Exception {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME
        .format(Events.T0.plusSeconds(ahead).atZone(ZoneOffset.UTC));
    transport.then(response(503, "Retry-After", date));
    MediaWebhooks webhooks = open(endpoint("a").build());
    webhooks.publish(Events.created("evt-1"));
    scheduler.awaitScheduled(1);

    assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(expected));
  }

  @Test
  void tooManyRequestsWaitsAtLeastSixtySeconds() throws Exception {
    transport.then(429).then(response(429, "Retry-After", "120"));
    MediaWebhooks webhooks = open(endpoint("a").build());
    CompletableFuture<PublishResult> published = webhooks.publish(Events.created("evt-1"));
    scheduler.awaitScheduled(1);
    scheduler.advance(Duration.ofSeconds(60));
    scheduler.awaitScheduled(2);
    // Scheduled 5 s, then 5 min: the floor lifts the first; the second stays within [5 min, 10].
    assertThat(scheduler.delays())
        .containsExactly(Duration.ofSeconds(60), Duration.ofMinutes(5));
    scheduler.advance(Duration.ofMinutes(5));
    assertThat(await(published).results().get(0).attempts()).isEqualTo(3);
  }

  @Test
  void timeoutWaitsAtLeastSixtySeconds() throws Exception {
    transport.then(new SocketTimeoutException("timeout"));
    MediaWebhooks webhooks = open(endpoint("a").build());
    CompletableFuture<PublishResult> published = webhooks.publish(Events.created("evt-1"));
    scheduler.awaitScheduled(1);
    assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(60));
    scheduler.advance(Duration.ofSeconds(60));
    assertThat(await(published).results().get(0).isDelivered()).isTrue();
  }

  @Test
  void jitterVariesTheScheduledDelayByTheDrawnFraction() throws Exception {
    MediaWebhooks webhooks = open(builder().random(new TestRandom(0.0))
        .endpoint(endpoint("a").build()));
    transport.then(500);
    webhooks.publish(Events.created("evt-1"));
    scheduler.awaitScheduled(1);
    // 5 s * (1 + 0.2 * (2 * 0 - 1)) = 4 s
    assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(4));
  }

  @Test
  void exhaustionDeadLettersWithTheLastStatus() throws Exception {
    transport.then(500).then(502)
        .then(WebhookResponse.of(503, Map.of(), "<html>\n  <b>down for maintenance</b>\n"));
    MediaWebhooks webhooks = open(endpoint("a")
        .retry(RetryPolicy.schedule(Duration.ofSeconds(1), Duration.ofSeconds(2))).build());
    CompletableFuture<PublishResult> published = webhooks.publish(Events.created("evt-1"));
    scheduler.awaitScheduled(1);
    scheduler.advance(Duration.ofSeconds(1));
    scheduler.awaitScheduled(2);
    scheduler.advance(Duration.ofSeconds(2));

    DeliveryResult result = await(published).results().get(0);
    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.DEAD_LETTERED);
    assertThat(result.attempts()).isEqualTo(3);
    assertThat(result.lastStatus()).isEqualTo(503);
    assertThat(result.reason())
        .isEqualTo("gave up after 3 attempts (the retry policy allows 3); last: HTTP 503");
    assertThat(transport.requests()).hasSize(3);

    List<DeadLetter> letters = webhooks.deadLetters();
    assertThat(letters).hasSize(1);
    DeadLetter letter = letters.get(0);
    assertThat(letter.id()).isEqualTo(result.deadLetterId());
    assertThat(letter.endpointName()).isEqualTo("a");
    assertThat(letter.event().id()).isEqualTo("evt-1");
    assertThat(letter.eventName()).isEqualTo("test.created");
    assertThat(letter.attempts()).isEqualTo(3);
    assertThat(letter.lastStatus()).isEqualTo(503);
    assertThat(letter.lastError()).isEqualTo("HTTP 503: <html> <b>down for maintenance</b>");
    assertThat(letter.time()).isEqualTo(Events.T0.plusSeconds(3));
  }

  @Test
  void noneSendsExactlyOnce() throws Exception {
    transport.then(503);
    MediaWebhooks webhooks = open(endpoint("microcms").retry(RetryPolicy.none()).build());
    DeliveryResult result = await(webhooks.publish(Events.created("evt-1"))).results().get(0);

    assertThat(result.isDeadLettered()).isTrue();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.reason())
        .isEqualTo("gave up after 1 attempt (the retry policy allows 1); last: HTTP 503");
    assertThat(transport.requests()).hasSize(1);
    assertThat(scheduler.delays()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 404, 410, 413, 422})
  void clientErrorGivesUpAtOnce(int status) throws Exception {
    transport.then(status);
    MediaWebhooks webhooks = open(endpoint("a").build());
    DeliveryResult result = await(webhooks.publish(Events.created("evt-1"))).results().get(0);

    assertThat(result.isDeadLettered()).isTrue();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.lastStatus()).isEqualTo(status);
    assertThat(result.reason()).isEqualTo("HTTP " + status + " is not retryable");
    assertThat(scheduler.delays()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 425, 500, 502, 504, 599})
  void requestTimeoutTooEarlyAndServerErrorsAreRetried(int status) throws Exception {
    transport.then(status);
    MediaWebhooks webhooks = open(endpoint("a").build());
    CompletableFuture<PublishResult> published = webhooks.publish(Events.created("evt-1"));
    scheduler.awaitScheduled(1);
    scheduler.advance(Duration.ofSeconds(5));
    assertThat(await(published).results().get(0).attempts()).isEqualTo(2);
  }

  @Test
  void redirectIsAPermanentFailureAndItsLocationIsRedacted() throws Exception {
    transport.then(response(301, "Location", "https://new.example.com/hook?token=abc123"));
    MediaWebhooks webhooks = open(endpoint("a").build());
    DeliveryResult result = await(webhooks.publish(Events.created("evt-1"))).results().get(0);

    assertThat(result.isDeadLettered()).isTrue();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.reason()).isEqualTo("HTTP 301: redirects are not followed; point the"
        + " endpoint at the final URL (Location: https://new.example.com/hook?***)");
    assertThat(transport.requests()).hasSize(1);
  }

  @Test
  void ioErrorIsRetriedAndItsMessageHidesTheQuerySecret() throws Exception {
    transport.then(new IOException(
        "unexpected end of stream on https://hooks.example.com/a?auth=s3cr3t"));
    MediaWebhooks webhooks = open(endpoint("a").retry(RetryPolicy.none()).build());
    DeliveryResult result = await(webhooks.publish(Events.created("evt-1"))).results().get(0);

    assertThat(result.reason()).contains("IOException: unexpected end of stream on"
        + " https://hooks.example.com/a?***").doesNotContain("s3cr3t");
    assertThat(webhooks.deadLetters().get(0).lastError()).doesNotContain("s3cr3t");
    assertThat(result.lastStatus()).isNull();
  }

  @Test
  void destinationRefusedIsNotRetried() throws Exception {
    transport.then(new DestinationRefusedException(
        "intranet.example", InetAddress.getByName("10.0.0.7"), "a private-network address"));
    MediaWebhooks webhooks = open(endpoint("a").build());
    DeliveryResult result = await(webhooks.publish(Events.created("evt-1"))).results().get(0);

    assertThat(result.isDeadLettered()).isTrue();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.reason()).startsWith("destination 10.0.0.7 (intranet.example) is a"
        + " private-network address; refused by the DestinationGuard");
    assertThat(scheduler.delays()).isEmpty();
  }

  @Test
  void authenticationFailureIsRetriedOnlyWhenRetryable() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    EndpointAuth flaky = (request, context) -> {
      if (calls.incrementAndGet() == 1) {
        throw new AuthenticationException("token endpoint answered 503", true);
      }
      throw new AuthenticationException("token endpoint answered 401: invalid_client", false);
    };
    MediaWebhooks webhooks = open(endpoint("a").auth(flaky).build());
    CompletableFuture<PublishResult> published = webhooks.publish(Events.created("evt-1"));
    scheduler.awaitScheduled(1);
    scheduler.advance(Duration.ofSeconds(5));

    DeliveryResult result = await(published).results().get(0);
    assertThat(result.isDeadLettered()).isTrue();
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(result.reason())
        .isEqualTo("authentication failed: token endpoint answered 401: invalid_client");
    assertThat(transport.requests()).isEmpty();
  }

  @Test
  void unauthorizedRefreshesOnceAndResendsWithinTheSameAttempt() throws Exception {
    TokenAuth auth = new TokenAuth();
    transport.then(401);
    MediaWebhooks webhooks = open(endpoint("a").auth(auth).build());
    DeliveryResult result = await(webhooks.publish(Events.created("evt-1"))).results().get(0);

    assertThat(result.isDelivered()).isTrue();
    assertThat(result.attempts()).isEqualTo(1);
    List<WebhookRequest> sent = transport.requests();
    assertThat(sent).extracting(r -> r.header("Authorization"))
        .containsExactly("Bearer token-1", "Bearer token-2");
    assertThat(body(sent.get(0))).isEqualTo(body(sent.get(1)));
    assertThat(auth.refreshes.get()).isEqualTo(1);
  }

  @Test
  void unauthorizedAfterTheRefreshGivesUp() throws Exception {
    TokenAuth auth = new TokenAuth();
    transport.then(401).then(401);
    MediaWebhooks webhooks = open(endpoint("a").auth(auth).build());
    DeliveryResult result = await(webhooks.publish(Events.created("evt-1"))).results().get(0);

    assertThat(result.isDeadLettered()).isTrue();
    assertThat(result.reason()).isEqualTo("HTTP 401 is not retryable");
    assertThat(transport.requests()).hasSize(2);
    assertThat(auth.refreshes.get()).isEqualTo(1);
  }

  @Test
  void authAndSignerApplyInOrderOverTheExactBody() throws Exception {
    List<String> order = new ArrayList<>();
    EndpointAuth auth = (request, context) -> {
      order.add("auth");
      assertThat(request.header("x-sig")).isNull();
      return request.newBuilder().setHeader("Authorization", "Bearer abc").build();
    };
    RequestSigner signer = input -> {
      order.add("sign");
      byte[] bytes = new byte[input.body().remaining()];
      input.body().get(bytes);
      return Map.of("x-sig", input.messageId() + ":" + input.timestamp().getEpochSecond() + ":"
          + Integer.toHexString(java.util.Arrays.hashCode(bytes)));
    };
    MediaWebhooks webhooks = open(endpoint("a").auth(auth).signer(signer).build());
    await(webhooks.publish(Events.created("evt-1")));

    WebhookRequest sent = transport.requests().get(0);
    byte[] wire = new byte[sent.bodyLength()];
    sent.body().get(wire);
    assertThat(order).containsExactly("auth", "sign");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer abc");
    assertThat(sent.header("x-sig")).isEqualTo("evt-1:" + Events.T0.getEpochSecond() + ":"
        + Integer.toHexString(java.util.Arrays.hashCode(wire)));
  }

  // --- render-time failures ---------------------------------------------------------------------

  @Test
  void formatExceptionDeadLettersWithoutRetryOrRequest() throws Exception {
    MediaWebhooks webhooks = open(endpoint("a").format(TestFormat.failing()).build());
    DeliveryResult result = await(webhooks.publish(Events.created("evt-1"))).results().get(0);

    assertThat(result.isDeadLettered()).isTrue();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.reason()).isEqualTo("format test cannot render the event:"
        + " test: fileName missing: set MediaSnapshot.fileName");
    assertThat(transport.requests()).isEmpty();
    assertThat(scheduler.delays()).isEmpty();
    assertThat(webhooks.deadLetters()).hasSize(1);
  }

  @Test
  void bugInASignerDeadLettersInsteadOfRetrying() throws Exception {
    RequestSigner broken = input -> {
      throw new IllegalStateException("no key");
    };
    MediaWebhooks webhooks = open(endpoint("a").signer(broken).build());
    DeliveryResult result = await(webhooks.publish(Events.created("evt-1"))).results().get(0);

    assertThat(result.reason()).isEqualTo("unexpected error: IllegalStateException: no key");
    assertThat(transport.requests()).isEmpty();
  }

  @Test
  void publishRendersNothingOnTheHostThread() throws Exception {
    List<Thread> renderedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
    io.mediahooks.core.WebhookFormat watching = new io.mediahooks.core.WebhookFormat() {
      @Override
      public String name() {
        return "watching";
      }

      @Override
      public java.util.Optional<io.mediahooks.core.WebhookPayload> render(MediaEvent event,
          io.mediahooks.core.Attempt attempt) {
        renderedOn.add(Thread.currentThread());
        return TestFormat.create().render(event, attempt);
      }
    };
    MediaWebhooks webhooks = open(endpoint("a").format(watching).build(),
        endpoint("b").format(watching).build());
    await(webhooks.publish(Events.created("evt-1")));
    assertThat(renderedOn).hasSize(2).doesNotContain(Thread.currentThread());
  }

  // --- filtering ----------------------------------------------------------------------------------

  @Test
  void filteredResultsCompleteAtOnceAndCarryTheirReasons() throws Exception {
    MediaWebhooks webhooks = open(
        endpoint("off").enabled(false).build(),
        endpoint("created-only").filter(EventFilter.types(MediaEventType.CREATED)).build(),
        endpoint("no-deletions").format(TestFormat.skippingDeletions()).build());

    CompletableFuture<PublishResult> published = webhooks.publish(Events.deleted("evt-1"));

    assertThat(published).isDone();
    PublishResult result = published.get();
    assertThat(result.results()).extracting(DeliveryResult::outcome)
        .containsOnly(DeliveryResult.Outcome.FILTERED);
    assertThat(result.results()).extracting(DeliveryResult::reason).containsExactly(
        "endpoint disabled",
        "not matched by the endpoint's filter types[CREATED]",
        "format test: no message for deletions");
    assertThat(result.results()).extracting(DeliveryResult::attempts).containsOnly(0);
    assertThat(transport.requests()).isEmpty();
    assertThat(listener.calls()).containsExactly(
        "filtered off: endpoint disabled",
        "filtered created-only: not matched by the endpoint's filter types[CREATED]",
        "filtered no-deletions: format test: no message for deletions");
  }

  @Test
  void filteredEndpointsOfAQueuedEventAreReportedOnceByTheWorkerThatStartsIt()
      throws Exception {
    transport.hold();
    MediaWebhooks webhooks = open(endpoint("off").enabled(false).build(), endpoint("a").build(),
        endpoint("created-only").filter(EventFilter.types(MediaEventType.CREATED)).build());

    CompletableFuture<PublishResult> published = webhooks.publish(Events.deleted("evt-1"));
    transport.awaitHeldCall();

    // "a" is in flight: the filtered ones were reported before its attempt, off the host thread.
    assertThat(listener.filteredEvents()).containsExactly("evt-1 off", "evt-1 created-only");
    assertThat(listener.filteredOn()).doesNotContain(Thread.currentThread());
    assertThat(listener.calls().indexOf("attempt 1 a"))
        .isGreaterThan(listener.calls().indexOf("filtered created-only: not matched by the"
            + " endpoint's filter types[CREATED]"));
    assertThat(published).isNotDone();
    transport.release();

    PublishResult result = await(published);
    assertThat(result.results()).extracting(DeliveryResult::outcome).containsExactly(
        DeliveryResult.Outcome.FILTERED, DeliveryResult.Outcome.DELIVERED,
        DeliveryResult.Outcome.FILTERED);
    assertThat(result.results()).extracting(DeliveryResult::reason).containsExactly(
        "endpoint disabled", null, "not matched by the endpoint's filter types[CREATED]");
    assertThat(listener.filteredEvents()).hasSize(2);
  }

  @Test
  void filteredEndpointsAreReportedWhenCloseEndsTheEventBeforeAnyWorkerStartsIt()
      throws Exception {
    transport.hold();
    MediaWebhooks webhooks = open(builder().workers(1)
        .endpoint(endpoint("off").enabled(false).build()).endpoint(endpoint("a").build()));
    CompletableFuture<PublishResult> first = webhooks.publish(Events.created("evt-1"));
    transport.awaitHeldCall();
    // The only worker is busy with evt-1: evt-2 waits in the queue, unstarted.
    CompletableFuture<PublishResult> second = webhooks.publish(Events.created("evt-2"));

    CloseResult closed = webhooks.close(Duration.ofMillis(50));

    assertThat(closed.deadLettered()).isEqualTo(2);
    PublishResult result = await(second);
    assertThat(result.results()).extracting(DeliveryResult::outcome).containsExactly(
        DeliveryResult.Outcome.FILTERED, DeliveryResult.Outcome.DEAD_LETTERED);
    assertThat(result.results().get(0).reason()).isEqualTo("endpoint disabled");
    assertThat(await(first).results().get(1).isDeadLettered()).isTrue();
    assertThat(listener.filteredEvents()).containsExactlyInAnyOrder("evt-1 off", "evt-2 off");
  }

  @Test
  void filteredEndpointsAreReportedWhenAnOverflowDeadLettersTheRest() throws Exception {
    transport.hold();
    MediaWebhooks webhooks = open(builder().queueCapacity(1)
        .overflowPolicy(OverflowPolicy.DEAD_LETTER)
        .endpoint(endpoint("off").enabled(false).build()).endpoint(endpoint("a").build()));
    webhooks.publish(Events.created("evt-1"));
    transport.awaitHeldCall();

    CompletableFuture<PublishResult> second = webhooks.publish(Events.created("evt-2"));

    assertThat(second).isDone();
    assertThat(second.get().results()).extracting(DeliveryResult::outcome).containsExactly(
        DeliveryResult.Outcome.FILTERED, DeliveryResult.Outcome.DEAD_LETTERED);
    assertThat(listener.filteredEvents()).containsExactly("evt-1 off", "evt-2 off");
  }

  @Test
  void aRejectedEventIsReportedOnlyAsRejectedEvenWhereItWasFiltered() throws Exception {
    transport.hold();
    MediaWebhooks webhooks = open(builder().queueCapacity(1)
        .endpoint(endpoint("off").enabled(false).build()).endpoint(endpoint("a").build()));
    webhooks.publish(Events.created("evt-1"));
    transport.awaitHeldCall();

    CompletableFuture<PublishResult> second = webhooks.publish(Events.created("evt-2"));

    assertThat(second).isCompletedExceptionally();
    // The listener contract: rejected instead of every other call for the event.
    assertThat(listener.filteredEvents()).containsExactly("evt-1 off");
    assertThat(listener.calls()).endsWith("rejected QUEUE_FULL");
  }

  @Test
  void aFormatNamingItselfInItsSkipReasonIsNamedOnce() throws Exception {
    MediaWebhooks webhooks = open(endpoint("betterez")
        .format(io.mediahooks.core.format.betterez.BetterezImagesFormat.create()).build());

    PublishResult result = await(webhooks.publish(Events.renamed("evt-1")));

    assertThat(result.results()).extracting(DeliveryResult::reason).containsExactly(
        "format betterez: has no image update event (only images.created and images.deleted);"
            + " this update is [RENAME]");
  }

  @Test
  void eachFilteredEventGetsTheReasonForItsOwnChanges() throws Exception {
    // Reasons are cached by the format's text; alternating kinds must never get a stale one.
    MediaWebhooks webhooks = open(endpoint("betterez")
        .format(io.mediahooks.core.format.betterez.BetterezImagesFormat.create()).build());
    MediaEvent moved = MediaEvent.builder(MediaEventType.UPDATED).id("evt-2")
        .before(Events.ASSET).after(Events.ASSET.newBuilder().folder("/archive").build())
        .build();
    String prefix = "format betterez: has no image update event (only images.created and"
        + " images.deleted); this update is ";
    for (int round = 0; round < 2; round++) {
      assertThat(await(webhooks.publish(Events.renamed("evt-1"))).results())
          .extracting(DeliveryResult::reason).containsExactly(prefix + "[RENAME]");
      assertThat(await(webhooks.publish(moved)).results())
          .extracting(DeliveryResult::reason).containsExactly(prefix + "[MOVE]");
    }
  }

  @Test
  void aFormatWithAReasonPerEventGetsItsOwnTextEachTime() throws Exception {
    WebhookFormat perEvent = new WebhookFormat() {
      @Override
      public String name() {
        return "per-event";
      }

      @Override
      public java.util.Optional<String> skipReason(MediaEvent event) {
        return java.util.Optional.of("not " + event.id());
      }

      @Override
      public java.util.Optional<io.mediahooks.core.WebhookPayload> render(MediaEvent event,
          io.mediahooks.core.Attempt attempt) {
        return java.util.Optional.empty();
      }
    };
    MediaWebhooks webhooks = open(endpoint("e").format(perEvent).build());
    for (String id : List.of("evt-1", "evt-2", "evt-1")) {
      assertThat(await(webhooks.publish(Events.created(id))).results())
          .extracting(DeliveryResult::reason).containsExactly("format per-event: not " + id);
    }
  }

  @Test
  void eachEndpointGetsOnlyItsEvents() throws Exception {
    MediaWebhooks webhooks = open(
        endpoint("renames").filter(EventFilter.changes(io.mediahooks.core.MediaChange.RENAME))
            .build(),
        endpoint("all").build());
    PublishResult created = await(webhooks.publish(Events.created("evt-1")));
    PublishResult renamed = await(webhooks.publish(Events.renamed("evt-2")));

    assertThat(created.result("renames").orElseThrow().isFiltered()).isTrue();
    assertThat(created.result("all").orElseThrow().isDelivered()).isTrue();
    assertThat(renamed.allDelivered()).isTrue();
    // The query string (microCMS keeps its secret there) arrives byte for byte.
    assertThat(transport.requests()).extracting(WebhookRequest::url)
        .containsExactlyInAnyOrder(
            "https://hooks.example.com/all?auth=s3cr3t",
            "https://hooks.example.com/renames?auth=s3cr3t",
            "https://hooks.example.com/all?auth=s3cr3t");
  }

  @Test
  void aThrowingFilterDeadLettersInsteadOfThrowingAtTheHost() throws Exception {
    EventFilter broken = EventFilter.where("broken", e -> {
      throw new IllegalStateException("boom");
    });
    MediaWebhooks webhooks = open(endpoint("a").filter(broken).build());
    DeliveryResult result = await(webhooks.publish(Events.created("evt-1"))).results().get(0);
    assertThat(result.isDeadLettered()).isTrue();
    assertThat(result.reason()).isEqualTo("the endpoint's filter or the format's skipReason"
        + " failed: IllegalStateException: boom");
  }

  // --- dead letters -------------------------------------------------------------------------------

  @Test
  void redeliverSendsTheDeadLetterAgainAndRemovesItWhenDelivered() throws Exception {
    transport.then(503);
    MediaWebhooks webhooks = open(endpoint("a").retry(RetryPolicy.none()).build());
    DeliveryResult failed = await(webhooks.publish(Events.created("evt-1"))).results().get(0);
    assertThat(webhooks.deadLetters()).extracting(DeadLetter::id)
        .containsExactly(failed.deadLetterId());

    DeliveryResult redelivered = await(webhooks.redeliver(failed.deadLetterId()));

    assertThat(redelivered.isDelivered()).isTrue();
    assertThat(redelivered.attempts()).isEqualTo(1);
    assertThat(redelivered.eventId()).isEqualTo("evt-1");
    assertThat(webhooks.deadLetters()).isEmpty();
    List<WebhookRequest> sent = transport.requests();
    assertThat(field(body(sent.get(1)), "id")).isEqualTo("evt-1");
    assertThat(field(body(sent.get(1)), "attemptId"))
        .isNotEqualTo(field(body(sent.get(0)), "attemptId"));
  }

  @Test
  void redeliveringAnIdAlreadyInFlightReturnsTheSameFutureAndSendsOnce() throws Exception {
    transport.then(503);
    MediaWebhooks webhooks = open(endpoint("a").retry(RetryPolicy.none()).build());
    String id = await(webhooks.publish(Events.created("evt-1"))).results().get(0).deadLetterId();
    transport.hold();

    CompletableFuture<DeliveryResult> first = webhooks.redeliver(id);
    transport.awaitHeldCall();
    CompletableFuture<DeliveryResult> second = webhooks.redeliver(id);
    transport.release();

    assertThat(second).isSameAs(first);
    assertThat(await(first).isDelivered()).isTrue();
    assertThat(transport.requests()).hasSize(2);
  }

  @Test
  void redeliveryThatFailsAgainReplacesTheEntryUnderTheSameId() throws Exception {
    transport.then(503).then(404);
    MediaWebhooks webhooks = open(endpoint("a").retry(RetryPolicy.none()).build());
    DeliveryResult failed = await(webhooks.publish(Events.created("evt-1"))).results().get(0);

    DeliveryResult again = await(webhooks.redeliver(failed.deadLetterId()));

    assertThat(again.isDeadLettered()).isTrue();
    assertThat(again.deadLetterId()).isEqualTo(failed.deadLetterId());
    assertThat(webhooks.deadLetters()).hasSize(1);
    assertThat(webhooks.deadLetters().get(0).lastStatus()).isEqualTo(404);
    assertThat(webhooks.deadLetters().get(0).reason()).isEqualTo("HTTP 404 is not retryable");
  }

  @Test
  void redeliverAllAndDiscardManageTheStore() throws Exception {
    transport.then(500).then(500).then(500);
    MediaWebhooks webhooks = open(endpoint("a").retry(RetryPolicy.none()).build());
    for (int i = 1; i <= 3; i++) {
      await(webhooks.publish(Events.created("evt-" + i)));
    }
    List<DeadLetter> letters = webhooks.deadLetters();
    assertThat(letters).extracting(l -> l.event().id())
        .containsExactly("evt-1", "evt-2", "evt-3");

    assertThat(webhooks.discard(letters.get(0).id())).isTrue();
    assertThat(webhooks.discard(letters.get(0).id())).isFalse();
    List<DeliveryResult> results = await(webhooks.redeliverAll());

    assertThat(results).extracting(DeliveryResult::eventId).containsExactly("evt-2", "evt-3");
    assertThat(results).allMatch(DeliveryResult::isDelivered);
    assertThat(webhooks.deadLetters()).isEmpty();
  }

  @Test
  void discardAllEmptiesTheStore() throws Exception {
    transport.then(500).then(500);
    MediaWebhooks webhooks = open(endpoint("a").retry(RetryPolicy.none()).build());
    await(webhooks.publish(Events.created("evt-1")));
    await(webhooks.publish(Events.created("evt-2")));
    assertThat(webhooks.discardAll()).isEqualTo(2);
    assertThat(webhooks.deadLetters()).isEmpty();
  }

  @Test
  void redeliverOfAnUnknownIdFailsTheFuture() {
    MediaWebhooks webhooks = open(endpoint("a").build());
    assertThat(webhooks.redeliver("nope")).failsWithin(Duration.ofSeconds(10))
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(NoSuchElementException.class)
        .withMessageContaining("no dead letter with id nope");
  }

  // --- queue bounds, isolation and closing ----------------------------------------------------------

  @Test
  void overflowFailsTheFutureAtOnceAndTellsTheListener() throws Exception {
    transport.hold();
    MediaWebhooks webhooks = open(builder().queueCapacity(3)
        .endpoint(endpoint("a").build()).endpoint(endpoint("b").build()));
    CompletableFuture<PublishResult> first = webhooks.publish(Events.created("evt-1"));
    transport.awaitHeldCall();

    // evt-2 needs two more places and only one is left: none of it is queued.
    CompletableFuture<PublishResult> second = webhooks.publish(Events.created("evt-2"));

    assertThat(second).isCompletedExceptionally();
    assertThatThrownBy(second::join).hasCauseInstanceOf(PublishRejectedException.class)
        .hasMessageContaining("event evt-2 not accepted: the queue is full (3 deliveries held");
    assertThat(listener.rejections).singleElement()
        .satisfies(e -> {
          assertThat(e.reason()).isEqualTo(PublishRejectedException.Reason.QUEUE_FULL);
          assertThat(e.eventId()).isEqualTo("evt-2");
        });
    assertThat(webhooks.pendingCount()).isEqualTo(2);
    transport.release();
    assertThat(await(first).allDelivered()).isTrue();
    assertThat(transport.requests()).extracting(r -> field(body(r), "id")).containsOnly("evt-1");
  }

  @Test
  void overflowWithTheDeadLetterPolicyDeadLettersAtOnce() throws Exception {
    transport.hold();
    MediaWebhooks webhooks = open(builder().queueCapacity(1)
        .overflowPolicy(OverflowPolicy.DEAD_LETTER).endpoint(endpoint("a").build()));
    CompletableFuture<PublishResult> first = webhooks.publish(Events.created("evt-1"));
    transport.awaitHeldCall();

    CompletableFuture<PublishResult> second = webhooks.publish(Events.created("evt-2"));

    assertThat(second).isDone();
    DeliveryResult result = second.get().results().get(0);
    assertThat(result.isDeadLettered()).isTrue();
    assertThat(result.attempts()).isZero();
    assertThat(result.reason()).startsWith("queue full (1 deliveries held); not sent.");
    assertThat(webhooks.deadLetters()).extracting(l -> l.event().id()).containsExactly("evt-2");
    transport.release();
    await(first);
    assertThat(await(webhooks.redeliver(result.deadLetterId())).isDelivered()).isTrue();
  }

  @Test
  void aHangingReceiverDelaysNeitherPublishNorOtherEndpoints() throws Exception {
    BlockingTransport blocking = new BlockingTransport("slow");
    RecordingListener events = new RecordingListener();
    MediaWebhooks webhooks = open(builder().transport(blocking).listener(events).workers(4)
        .endpoint(endpoint("slow").build()).endpoint(endpoint("fast").build()));

    List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      futures.add(webhooks.publish(Events.created("evt-" + i)));
    }
    // publish returned 20 times while every call to "slow" hangs; "fast" still gets everything.
    assertThat(blocking.fastDelivered.await(10, SECONDS)).isTrue();
    // "slow" may take all workers but one per other endpoint: 4 - 1 = 3, and no more.
    blocking.awaitSlowInFlight(3);
    assertThat(blocking.slowInFlight()).isEqualTo(3);
    assertThat(futures).noneMatch(CompletableFuture::isDone);
    blocking.release();
    for (CompletableFuture<PublishResult> f : futures) {
      assertThat(await(f).allDelivered()).isTrue();
    }
  }

  @Test
  void closeDrainsWhatIsPendingAndRejectsLaterPublishes() throws Exception {
    transport.hold();
    MediaWebhooks webhooks = open(endpoint("a").build());
    List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      futures.add(webhooks.publish(Events.created("evt-" + i)));
    }
    transport.awaitHeldCall();
    CompletableFuture<CloseResult> closing = beginClose(webhooks);

    CompletableFuture<PublishResult> late = webhooks.publish(Events.created("evt-late"));
    assertThat(late).isCompletedExceptionally();
    assertThatThrownBy(late::join).hasCauseInstanceOf(PublishRejectedException.class)
        .hasMessageContaining("MediaWebhooks is closed");
    transport.release();

    CloseResult closed = await(closing);
    assertThat(closed.isClean()).isTrue();
    assertThat(closed.drained()).isEqualTo(closed.pending());
    for (CompletableFuture<PublishResult> f : futures) {
      assertThat(await(f).allDelivered()).isTrue();
    }
    assertThat(transport.closed()).as("a transport the host gave is not closed").isFalse();
    assertThatThrownBy(() -> webhooks.deliver(Events.created("evt-x")))
        .isInstanceOf(IllegalStateException.class).hasMessage("MediaWebhooks is closed");
  }

  @Test
  void closeDeadLettersRetriesDueAfterTheDeadlineWithoutWaiting() throws Exception {
    transport.then(503);
    MediaWebhooks webhooks = open(endpoint("a")
        .retry(RetryPolicy.schedule(Duration.ofMinutes(5))).build());
    CompletableFuture<PublishResult> published = webhooks.publish(Events.created("evt-1"));
    scheduler.awaitScheduled(1);

    CloseResult closed = webhooks.close(Duration.ofSeconds(30));

    assertThat(closed).isEqualTo(CloseResult.of(1, 0, 1));
    DeliveryResult result = await(published).results().get(0);
    assertThat(result.isDeadLettered()).isTrue();
    assertThat(result.reason()).isEqualTo("closed: the next attempt was due at "
        + Events.T0.plusSeconds(300) + ", after the close deadline (1 attempts made; last: HTTP"
        + " 503)");
    scheduler.advance(Duration.ofMinutes(10));
    assertThat(transport.requests()).as("the retry never ran").hasSize(1);
    assertThat(webhooks.close(Duration.ZERO)).as("a second close reports the first")
        .isEqualTo(closed);
  }

  @Test
  void closeDeadLettersWhatIsStillInFlightAtTheDeadline() throws Exception {
    transport.hold();
    MediaWebhooks webhooks = open(endpoint("a").build());
    CompletableFuture<PublishResult> published = webhooks.publish(Events.created("evt-1"));
    transport.awaitHeldCall();

    CloseResult closed = webhooks.close(Duration.ofMillis(50));

    assertThat(closed).isEqualTo(CloseResult.of(1, 0, 1));
    DeliveryResult result = await(published).results().get(0);
    assertThat(result.isDeadLettered()).isTrue();
    assertThat(result.reason()).isEqualTo("closed before the delivery ended (1 attempts made;"
        + " last: none)");
    assertThat(webhooks.deadLetters()).hasSize(1);
  }

  // --- deliver() --------------------------------------------------------------------------------

  @Test
  void deliverSendsOnTheCallersThreadAndRetriesWithinTheWindow() throws Exception {
    transport.then(503);
    MediaWebhooks webhooks = open(endpoint("a").build());
    CompletableFuture<PublishResult> delivering =
        CompletableFuture.supplyAsync(() -> webhooks.deliver(Events.created("evt-1")));
    scheduler.awaitScheduled(1);
    scheduler.advance(Duration.ofSeconds(5));

    DeliveryResult result = await(delivering).results().get(0);
    assertThat(result.isDelivered()).isTrue();
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(listener.calls()).doesNotContain("enqueued a");
  }

  @Test
  void deliverDeadLettersWhenTheNextAttemptFallsOutsideTheWindow() {
    transport.then(503).then(503);
    MediaWebhooks webhooks = open(builder().deliverRetryWindow(Duration.ofSeconds(4))
        .endpoint(endpoint("a").build()));

    DeliveryResult result = webhooks.deliver(Events.created("evt-1")).results().get(0);

    assertThat(result.isDeadLettered()).isTrue();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.reason()).isEqualTo("HTTP 503; the next attempt, due at "
        + Events.T0.plusSeconds(5) + ", is after deliver()'s retry window of PT4S: redeliver"
        + " the dead letter to continue in the background");
  }

  @Test
  void anInterruptSurfacingAsACheckedExceptionNeverEscapesDeliver() {
    // OkHttp (Kotlin) throws InterruptedException undeclared when the calling thread is
    // interrupted while it connects.
    WebhookTransport interrupted = request -> {
      throw DeliveryEngineTest.<RuntimeException>sneaky(new InterruptedException());
    };
    MediaWebhooks webhooks = open(builder().transport(interrupted)
        .endpoint(endpoint("a").build()));
    try {
      DeliveryResult result = webhooks.deliver(Events.created("evt-1")).results().get(0);

      assertThat(result.isDeadLettered()).isTrue();
      assertThat(result.reason()).isEqualTo("interrupted: InterruptedException; interrupted"
          + " while deliver() waited for the next attempt");
      assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept").isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable t) throws E {
    throw (E) t;
  }

  // --- listener safety ----------------------------------------------------------------------------

  @Test
  void aThrowingListenerAffectsNoDelivery() throws Exception {
    DeliveryListener rude = new DeliveryListener() {
      @Override
      public void enqueued(MediaEvent event, WebhookEndpoint endpoint) {
        throw new IllegalStateException("enqueued");
      }

      @Override
      public void attemptStarted(MediaEvent e, WebhookEndpoint ep, io.mediahooks.core.Attempt a) {
        throw new IllegalStateException("attemptStarted");
      }

      @Override
      public void delivered(MediaEvent event, WebhookEndpoint endpoint, DeliveryResult result) {
        throw new IllegalStateException("delivered");
      }
    };
    MediaWebhooks webhooks = open(builder().listener(rude).endpoint(endpoint("a").build()));
    assertThat(await(webhooks.publish(Events.created("evt-1"))).allDelivered()).isTrue();
  }

  // --- helpers ------------------------------------------------------------------------------------

  /** Hands out token-1, then token-2 after a refresh. */
  static final class TokenAuth implements EndpointAuth {
    final AtomicInteger refreshes = new AtomicInteger();

    @Override
    public WebhookRequest authenticate(WebhookRequest request, Context context) {
      return request.newBuilder()
          .setHeader("Authorization", "Bearer token-" + (refreshes.get() + 1)).build();
    }

    @Override
    public boolean onUnauthorized(WebhookRequest request, Context context) {
      refreshes.incrementAndGet();
      return true;
    }
  }

  /** Blocks every request whose URL contains a marker; answers 200 to the rest. */
  static final class BlockingTransport implements WebhookTransport {
    private final String marker;
    private final java.util.concurrent.CountDownLatch gate =
        new java.util.concurrent.CountDownLatch(1);
    private final AtomicInteger slowInFlight = new AtomicInteger();
    private final AtomicInteger fast = new AtomicInteger();
    final java.util.concurrent.CountDownLatch fastDelivered =
        new java.util.concurrent.CountDownLatch(20);

    BlockingTransport(String marker) {
      this.marker = marker;
    }

    int slowInFlight() {
      return slowInFlight.get();
    }

    void awaitSlowInFlight(int n) {
      long end = System.nanoTime() + SECONDS.toNanos(10);
      while (slowInFlight.get() < n) {
        if (System.nanoTime() > end) {
          throw new AssertionError("only " + slowInFlight.get() + " calls to the slow endpoint");
        }
        Thread.onSpinWait();
      }
    }

    void release() {
      gate.countDown();
    }

    @Override
    public WebhookResponse send(WebhookRequest request) throws IOException {
      if (request.url().contains(marker)) {
        slowInFlight.incrementAndGet();
        try {
          gate.await();
        } catch (InterruptedException e) {
          throw new java.io.InterruptedIOException();
        }
      } else {
        fast.incrementAndGet();
        fastDelivered.countDown();
      }
      return WebhookResponse.of(200, Map.of(), "");
    }
  }
}
