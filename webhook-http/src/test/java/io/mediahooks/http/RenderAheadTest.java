package io.mediahooks.http;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahooks.core.Attempt;
import io.mediahooks.core.FormatException;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.WebhookFormat;
import io.mediahooks.core.WebhookPayload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rendering ahead, end to end over loopback with the default {@code OkHttpTransport}: while a
 * worker's request waits for its response, the worker renders the body of the next delivery of
 * the same lane (one at its concurrency limit), and that delivery's attempt sends it. Each test
 * holds the receiver's answer to one event until the next event's body has been rendered, so
 * without rendering ahead the hold would time out and the test fail.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // deadlock guard only
class RenderAheadTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicInteger answered = new AtomicInteger();
  private final ManualClock clock = new ManualClock(Events.T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final RecordingListener listener = new RecordingListener();
  /** Bodies of 3 KB: above the size from which bodies are rendered ahead. */
  private final RecordingFormat format = new RecordingFormat(3000, answered::get);
  private MockWebServer server;
  private MediaWebhooks webhooks;

  /** Per event id: the bodies the receiver got, in order. */
  private final Map<String, List<JsonNode>> received = new ConcurrentHashMap<>();
  /** Released once e0, the first event, has reached the receiver. */
  private final CountDownLatch e0Arrived = new CountDownLatch(1);
  private final CountDownLatch releaseE0 = new CountDownLatch(1);
  /** Per event id: whether, while the receiver held its answer, the next event was rendered. */
  private final Map<String, Boolean> nextRenderedWhileHeld = new ConcurrentHashMap<>();
  /** Event ids answered 503 the first time they arrive. */
  private final Set<String> unavailableOnce = ConcurrentHashMap.newKeySet();
  /** Run while the receiver holds e1's answer, after e2 was rendered. */
  private volatile Runnable whileE1Held = () -> {};
  /** Whether the receiver holds an answer until the next event is rendered. */
  private volatile boolean holdForNext = true;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        JsonNode body;
        try {
          body = JSON.readTree(request.getBody().toByteArray());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        String id = body.get("id").asText();
        received.computeIfAbsent(id, k -> new ArrayList<>()).add(body);
        if (id.equals("e0")) {
          e0Arrived.countDown();
          releaseE0.await(10, SECONDS);
        } else if (holdForNext && body.get("attempt").asInt() == 1) {
          // Hold the answer until the next event has been rendered (10 s: a deadlock guard;
          // without rendering ahead it is never rendered before this answer).
          String nextId = "e" + (Integer.parseInt(id.substring(1)) + 1);
          boolean rendered = nextId.equals("e4") || format.awaitRendered(nextId, 10, SECONDS);
          nextRenderedWhileHeld.put(id, rendered);
          if (id.equals("e1")) {
            whileE1Held.run();
          }
        }
        boolean fail = unavailableOnce.remove(id);
        answered.incrementAndGet();
        return new MockResponse.Builder().code(fail ? 503 : 200).build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    if (webhooks != null) {
      webhooks.close(Duration.ZERO);
    }
    server.close();
  }

  /** One endpoint, one worker: a lane at its limit whenever a request is in flight. */
  private void open() {
    open(format);
  }

  private void open(WebhookFormat bodies) {
    webhooks = MediaWebhooks.builder()
        .guard(DestinationGuard.allowingPrivateNetworks())
        .clock(clock)
        .scheduler(scheduler)
        .random(TestRandom.nominal())
        .listener(listener)
        .workers(1)
        .endpoint(WebhookEndpoint.builder("http://127.0.0.1:" + server.getPort() + "/hook")
            .name("hook")
            .format(bodies)
            .build())
        .build();
  }

  /**
   * Publishes e0, waits until the receiver holds it, publishes e1 to e3 behind it and releases
   * e0: the worker then takes e1 with e2 and e3 queued behind it.
   */
  private List<CompletableFuture<PublishResult>> publishFour() throws Exception {
    return publishFour(format);
  }

  private List<CompletableFuture<PublishResult>> publishFour(WebhookFormat bodies)
      throws Exception {
    open(bodies);
    List<CompletableFuture<PublishResult>> published = new ArrayList<>();
    published.add(webhooks.publish(Events.created("e0")));
    assertThat(e0Arrived.await(10, SECONDS)).as("e0 reached the receiver").isTrue();
    for (int i = 1; i <= 3; i++) {
      published.add(webhooks.publish(Events.created("e" + i)));
    }
    releaseE0.countDown();
    return published;
  }

  private static DeliveryResult result(CompletableFuture<PublishResult> f) throws Exception {
    return f.get(10, SECONDS).results().get(0);
  }

  private Attempt attemptReported(String eventId, int number) {
    synchronized (listener) {
      return listener.attempts.stream()
          .filter(a -> a.number() == number && format.eventOf(a.id()).equals(eventId))
          .findFirst().orElseThrow(() -> new AssertionError(
              "no attempt " + number + " of " + eventId + " in " + listener.attempts));
    }
  }

  @Test
  void theNextBodyIsRenderedWhileTheRequestBeforeItAwaitsItsResponse() throws Exception {
    List<CompletableFuture<PublishResult>> published = publishFour();
    for (CompletableFuture<PublishResult> f : published) {
      assertThat(result(f).isDelivered()).isTrue();
    }

    assertThat(nextRenderedWhileHeld).containsEntry("e1", true).containsEntry("e2", true);
    // Rendered ahead, then sent: one rendering per event, none wasted.
    for (int i = 0; i <= 3; i++) {
      assertThat(format.rendersOf("e" + i)).as("renders of e" + i).isEqualTo(1);
      assertThat(received.get("e" + i)).hasSize(1);
    }
    // The attempt the listener saw is the one the body carries.
    for (String id : List.of("e2", "e3")) {
      JsonNode body = received.get(id).get(0);
      Attempt reported = attemptReported(id, 1);
      assertThat(body.get("attemptId").asText()).isEqualTo(reported.id());
      assertThat(body.get("attempt").asInt()).isEqualTo(1);
    }
  }

  @Test
  void aBodyRenderedAheadThatWaitedOverASecondIsRenderedAgainWithTheAttemptsTime()
      throws Exception {
    whileE1Held = () -> clock.advance(Duration.ofSeconds(2));
    List<CompletableFuture<PublishResult>> published = publishFour();
    for (CompletableFuture<PublishResult> f : published) {
      assertThat(result(f).isDelivered()).isTrue();
    }

    assertThat(nextRenderedWhileHeld).containsEntry("e1", true);
    assertThat(format.rendersOf("e2")).isEqualTo(2);
    JsonNode e2 = received.get("e2").get(0);
    assertThat(e2.get("created").asLong()).isEqualTo(Events.T0.getEpochSecond() + 2);
    Attempt reported = attemptReported("e2", 1);
    assertThat(reported.time()).isEqualTo(Events.T0.plusSeconds(2));
    assertThat(e2.get("attemptId").asText()).isEqualTo(reported.id())
        .isEqualTo(format.lastAttemptIdOf("e2"));
  }

  @Test
  void aFormatFailingAheadFailsAgainInTheAttemptWhichReportsIt() throws Exception {
    format.failFor.add("e2");
    List<CompletableFuture<PublishResult>> published = publishFour();

    DeliveryResult e2 = result(published.get(2));
    assertThat(e2.isDeadLettered()).isTrue();
    assertThat(e2.attempts()).isEqualTo(1);
    assertThat(e2.reason()).contains("format test cannot render the event")
        .contains("fileName missing");
    assertThat(format.rendersOf("e2")).as("ahead, then in the attempt").isEqualTo(2);
    assertThat(received).doesNotContainKey("e2");
    assertThat(result(published.get(1)).isDelivered()).isTrue();
    assertThat(result(published.get(3)).isDelivered()).isTrue();
  }

  @Test
  void aRetryRendersItsOwnAttemptWhileTheDeliveryBehindItUsesTheBodyRenderedAhead()
      throws Exception {
    unavailableOnce.add("e1");
    List<CompletableFuture<PublishResult>> published = publishFour();
    assertThat(result(published.get(2)).isDelivered()).isTrue();
    assertThat(result(published.get(3)).isDelivered()).isTrue();
    scheduler.awaitScheduled(1);
    scheduler.advance(Duration.ofSeconds(5));
    DeliveryResult e1 = result(published.get(1));

    assertThat(e1.isDelivered()).isTrue();
    assertThat(e1.attempts()).isEqualTo(2);
    assertThat(nextRenderedWhileHeld).containsEntry("e1", true);
    assertThat(format.rendersOf("e1")).isEqualTo(2);
    assertThat(format.rendersOf("e2")).isEqualTo(1);
    List<JsonNode> e1Bodies = received.get("e1");
    assertThat(e1Bodies).hasSize(2);
    assertThat(e1Bodies.get(0).get("attempt").asInt()).isEqualTo(1);
    assertThat(e1Bodies.get(1).get("attempt").asInt()).isEqualTo(2);
    assertThat(e1Bodies.get(1).get("attemptId").asText())
        .isNotEqualTo(e1Bodies.get(0).get("attemptId").asText())
        .isEqualTo(attemptReported("e1", 2).id());
    assertThat(e1Bodies.get(1).get("created").asLong())
        .isEqualTo(Events.T0.getEpochSecond() + 5);
  }

  @Test
  void smallBodiesAreRenderedWhenTheirAttemptStarts() throws Exception {
    holdForNext = false;
    RecordingFormat small = new RecordingFormat(0, answered::get);
    List<CompletableFuture<PublishResult>> published = publishFour(small);
    for (CompletableFuture<PublishResult> f : published) {
      assertThat(result(f).isDelivered()).isTrue();
    }

    // Rendering ahead would have rendered e2 while e1 awaited its answer (one answer given).
    assertThat(small.answeredWhenRendered("e2")).isEqualTo(2);
    assertThat(small.answeredWhenRendered("e3")).isEqualTo(3);
    // Engine.AHEAD_MIN_BODY_BYTES: 2 KiB
    assertThat(received.get("e2").get(0).toString()).hasSizeLessThan(2048);
  }

  /**
   * {@link TestFormat}, recording every rendering (event id per attempt id) and optionally
   * failing for some events.
   */
  static final class RecordingFormat implements WebhookFormat {
    private final TestFormat inner = TestFormat.create();
    private final String padding;
    private final IntSupplier answered;
    final Set<String> failFor = ConcurrentHashMap.newKeySet();
    /** Per rendering: event id, attempt id, answers given by the receiver at that moment. */
    private final List<String[]> renders = new ArrayList<>();

    RecordingFormat(int padding, IntSupplier answered) {
      this.padding = "x".repeat(padding);
      this.answered = answered;
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public Optional<String> skipReason(MediaEvent event) {
      return inner.skipReason(event);
    }

    @Override
    public Optional<WebhookPayload> render(MediaEvent event, Attempt attempt) {
      synchronized (this) {
        renders.add(new String[] {event.id(), attempt.id(),
            String.valueOf(answered.getAsInt())});
        notifyAll();
      }
      if (failFor.contains(event.id())) {
        throw new FormatException("test: fileName missing: set MediaSnapshot.fileName");
      }
      WebhookPayload p = inner.render(event, attempt).orElseThrow();
      if (padding.isEmpty()) {
        return Optional.of(p);
      }
      String json = p.bodyString();
      json = json.substring(0, json.length() - 1) + ",\"padding\":\"" + padding + "\"}";
      return Optional.of(WebhookPayload.builder(p.eventName(), p.contentType(),
          json.getBytes(StandardCharsets.UTF_8)).build());
    }

    synchronized int answeredWhenRendered(String eventId) {
      return renders.stream().filter(r -> r[0].equals(eventId))
          .mapToInt(r -> Integer.parseInt(r[2])).findFirst().orElseThrow();
    }

    synchronized int rendersOf(String eventId) {
      return (int) renders.stream().filter(r -> r[0].equals(eventId)).count();
    }

    synchronized String eventOf(String attemptId) {
      return renders.stream().filter(r -> r[1].equals(attemptId)).map(r -> r[0]).findFirst()
          .orElse("");
    }

    synchronized String lastAttemptIdOf(String eventId) {
      String last = null;
      for (String[] r : renders) {
        if (r[0].equals(eventId)) {
          last = r[1];
        }
      }
      return last;
    }

    synchronized boolean awaitRendered(String eventId, long timeout, TimeUnit unit)
        throws InterruptedException {
      long end = System.nanoTime() + unit.toNanos(timeout);
      while (rendersOf(eventId) == 0) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return true;
    }
  }
}
