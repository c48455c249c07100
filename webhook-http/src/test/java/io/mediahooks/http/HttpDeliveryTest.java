package io.mediahooks.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahooks.core.Attempt;
import io.mediahooks.core.EventSource;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.format.betterez.BetterezImagesFormat;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * End to end over loopback: the façade with its default {@code OkHttpTransport} against
 * MockWebServer. Signatures are verified here with the JDK's HMAC, independently of the signers.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // deadlock guard only
class HttpDeliveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BETTEREZ_KEY = "btrz-private-key";

  private final ManualClock clock = new ManualClock(Events.T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final RecordingListener listener = new RecordingListener();
  private final List<MockWebServer> servers = new ArrayList<>();
  private final List<MediaWebhooks> opened = new ArrayList<>();
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = newServer();
  }

  @AfterEach
  void stop() {
    opened.forEach(w -> w.close(Duration.ZERO));
    servers.forEach(MockWebServer::close);
  }

  private MockWebServer newServer() throws IOException {
    MockWebServer s = new MockWebServer();
    s.start(InetAddress.getByName("127.0.0.1"), 0);
    servers.add(s);
    return s;
  }

  private static String url(MockWebServer s, String pathAndQuery) {
    return "http://127.0.0.1:" + s.getPort() + pathAndQuery;
  }

  /** Loopback is refused by default; these tests allow private networks for all endpoints. */
  private MediaWebhooks.Builder builder() {
    return MediaWebhooks.builder()
        .guard(DestinationGuard.allowingPrivateNetworks())
        .clock(clock)
        .scheduler(scheduler)
        .random(TestRandom.nominal())
        .listener(listener);
  }

  private MediaWebhooks open(MediaWebhooks.Builder b) {
    MediaWebhooks w = b.build();
    opened.add(w);
    return w;
  }

  private RecordedRequest take(MockWebServer s) throws InterruptedException {
    RecordedRequest r = s.takeRequest(10, SECONDS);
    assertThat(r).as("request received by the server").isNotNull();
    return r;
  }

  private static MediaEvent betterezEvent() {
    return MediaEvent.builder(MediaEventType.CREATED)
        .id("2e32d603-a379-46f9-9393-ba4d1859e2fe")
        .occurredAt(Events.T0)
        .source(EventSource.builder().accountId("52a377ec430c7d4e220001fc").build())
        .actor("5a6f7e8d9c0b1a2f3e4d5c6b")
        .after(Events.ASSET)
        .build();
  }

  private static byte[] hmac(byte[] key, byte[]... parts) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    for (byte[] p : parts) {
      mac.update(p);
    }
    return mac.doFinal();
  }

  private static <T> T await(CompletableFuture<T> f) throws Exception {
    return f.get(30, SECONDS);
  }

  @Test
  void theBytesOnTheWireAreTheRenderedBytesWithEndpointHeadersAndTheQueryAsConfigured()
      throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    WebhookEndpoint endpoint = WebhookEndpoint.builder(
            url(server, "/media/hook?auth=s3cr3t&sig=a%2Fb+c"))
        .format(TestFormat.create())
        .header("X-Tenant", "acme")
        .header("X-Request-Source", "dam-7")
        .build();
    MediaWebhooks webhooks = open(builder().endpoint(endpoint));
    MediaEvent event = Events.created("evt-1");

    DeliveryResult result = await(webhooks.publish(event)).results().get(0);

    assertThat(result.isDelivered()).isTrue();
    assertThat(result.lastStatus()).isEqualTo(204);
    RecordedRequest got = take(server);
    assertThat(got.getMethod()).isEqualTo("POST");
    assertThat(got.getTarget()).isEqualTo("/media/hook?auth=s3cr3t&sig=a%2Fb+c");
    Attempt attempt = listener.attempts.get(0);
    byte[] rendered = TestFormat.create().render(event, attempt).orElseThrow().bodyBytes();
    assertThat(got.getBody().toByteArray()).isEqualTo(rendered);
    assertThat(got.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(got.getHeaders().get("User-Agent")).isEqualTo("TestFormat/1.0");
    assertThat(got.getHeaders().get("X-Tenant")).isEqualTo("acme");
    assertThat(got.getHeaders().get("X-Request-Source")).isEqualTo("dam-7");
  }

  @Test
  void anEndpointHeaderReplacesTheFormatHeaderOfTheSameName() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    MediaWebhooks webhooks = open(builder().endpoint(
        WebhookEndpoint.builder(url(server, "/hook")).format(TestFormat.create())
            .header("user-agent", "Acme-DAM/2").build()));
    await(webhooks.publish(Events.created("evt-1")));
    assertThat(take(server).getHeaders().values("User-Agent")).containsExactly("Acme-DAM/2");
  }

  @Test
  void betterezSignatureAndBasicAuthCoverTheExactBytesSent() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    MediaWebhooks webhooks = open(builder().endpoint(
        WebhookEndpoint.builder(url(server, "/betterez"))
            .format(BetterezImagesFormat.create())
            .auth(EndpointAuth.basic("acme", "pa:ss"))
            .signer(RequestSigner.betterez(BETTEREZ_KEY))
            .build()));

    assertThat(await(webhooks.publish(betterezEvent())).allDelivered()).isTrue();

    RecordedRequest got = take(server);
    byte[] body = got.getBody().toByteArray();
    assertThat(got.getHeaders().get("Authorization")).isEqualTo(
        "Basic " + Base64.getEncoder().encodeToString("acme:pa:ss".getBytes(UTF_8)));
    Matcher sig = Pattern.compile("t=(\\d+),s=([0-9a-f]{64}),s2=([0-9a-f]{64})")
        .matcher(got.getHeaders().get("x-btrz-signature"));
    assertThat(sig.matches()).isTrue();
    assertThat(sig.group(1)).isEqualTo(String.valueOf(Events.T0.getEpochSecond()));
    byte[] key = BETTEREZ_KEY.getBytes(UTF_8);
    assertThat(sig.group(3)).isEqualTo(HexFormat.of().formatHex(
        hmac(key, (sig.group(1) + ".").getBytes(UTF_8), body)));
    assertThat(sig.group(2)).isEqualTo(HexFormat.of().formatHex(hmac(key, body)));
    JsonNode json = JSON.readTree(body);
    assertThat(json.get("id").asText()).isEqualTo("2e32d603-a379-46f9-9393-ba4d1859e2fe");
    assertThat(json.get("attemptId").asText()).isEqualTo(listener.attempts.get(0).id());
  }

  @Test
  void standardWebhooksSignatureUsesTheEventIdAndTheAttemptTime() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    byte[] key = "0123456789abcdef0123456789abcdef".getBytes(UTF_8);
    String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
    MediaWebhooks webhooks = open(builder().endpoint(
        WebhookEndpoint.builder(url(server, "/std"))
            .format(TestFormat.create())
            .auth(EndpointAuth.bearer("tok-123"))
            .signer(RequestSigner.standardWebhooks(secret))
            .build()));

    await(webhooks.publish(Events.created("evt-7")));

    RecordedRequest got = take(server);
    byte[] body = got.getBody().toByteArray();
    String ts = String.valueOf(Events.T0.getEpochSecond());
    assertThat(got.getHeaders().get("Authorization")).isEqualTo("Bearer tok-123");
    assertThat(got.getHeaders().get("webhook-id")).isEqualTo("evt-7");
    assertThat(got.getHeaders().get("webhook-timestamp")).isEqualTo(ts);
    assertThat(got.getHeaders().get("webhook-signature")).isEqualTo("v1," + Base64.getEncoder()
        .encodeToString(hmac(key, ("evt-7." + ts + ".").getBytes(UTF_8), body)));
  }

  @Test
  void serviceUnavailableThenOkGivesTwoBetterezAttemptIdsAndOneEventId() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).body("try later").build());
    server.enqueue(new MockResponse.Builder().code(200).build());
    MediaWebhooks webhooks = open(builder().endpoint(
        WebhookEndpoint.builder(url(server, "/betterez"))
            .format(BetterezImagesFormat.create())
            .signer(RequestSigner.betterez(BETTEREZ_KEY))
            .build()));

    CompletableFuture<PublishResult> published = webhooks.publish(betterezEvent());
    scheduler.awaitScheduled(1);
    assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(5));
    scheduler.advance(Duration.ofSeconds(5));
    DeliveryResult result = await(published).results().get(0);

    assertThat(result.isDelivered()).isTrue();
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(result.eventName()).isEqualTo("images.created");
    RecordedRequest first = take(server);
    RecordedRequest second = take(server);
    JsonNode a = JSON.readTree(first.getBody().toByteArray());
    JsonNode b = JSON.readTree(second.getBody().toByteArray());
    assertThat(a.get("id").asText()).isEqualTo(b.get("id").asText())
        .isEqualTo("2e32d603-a379-46f9-9393-ba4d1859e2fe");
    assertThat(a.get("attemptId").asText()).isNotEqualTo(b.get("attemptId").asText())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(b.get("created").asLong()).isEqualTo(Events.T0.getEpochSecond() + 5);
    // Each attempt is signed over its own body and time.
    assertThat(first.getHeaders().get("x-btrz-signature"))
        .startsWith("t=" + Events.T0.getEpochSecond() + ",");
    assertThat(second.getHeaders().get("x-btrz-signature"))
        .startsWith("t=" + (Events.T0.getEpochSecond() + 5) + ",");
  }

  @Test
  void retryAfterFromTheReceiverIsHonoured() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "8").build());
    MediaWebhooks webhooks = open(builder().endpoint(
        WebhookEndpoint.builder(url(server, "/hook")).format(TestFormat.create()).build()));
    webhooks.publish(Events.created("evt-1"));
    scheduler.awaitScheduled(1);
    assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(8));
  }

  @Test
  void oauth2TokenIsRefreshedOnceOn401AndTheRequestResentOnce() throws Exception {
    AtomicInteger tokens = new AtomicInteger();
    AtomicInteger hooks = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getTarget().equals("/token")) {
          return new MockResponse.Builder().code(200)
              .addHeader("Content-Type", "application/json")
              .body("{\"access_token\":\"tok-" + tokens.incrementAndGet()
                  + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")
              .build();
        }
        return new MockResponse.Builder().code(hooks.incrementAndGet() == 1 ? 401 : 200).build();
      }
    });
    MediaWebhooks webhooks = open(builder().endpoint(
        WebhookEndpoint.builder(url(server, "/hook"))
            .format(TestFormat.create())
            .auth(EndpointAuth.oauth2ClientCredentials(url(server, "/token"), "client", "secret"))
            .build()));

    DeliveryResult result = await(webhooks.publish(Events.created("evt-1"))).results().get(0);

    assertThat(result.isDelivered()).isTrue();
    assertThat(result.attempts()).isEqualTo(1);
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      RecordedRequest r = take(server);
      seen.add(r.getTarget() + " " + r.getHeaders().get("Authorization"));
    }
    assertThat(seen.get(0)).startsWith("/token Basic ");
    assertThat(seen.get(1)).isEqualTo("/hook Bearer tok-1");
    assertThat(seen.get(2)).startsWith("/token Basic ");
    assertThat(seen.get(3)).isEqualTo("/hook Bearer tok-2");
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void theDefaultGuardRefusesLoopbackWithoutRetrying() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    MediaWebhooks webhooks = open(MediaWebhooks.builder()
        .listener(listener).clock(clock).scheduler(scheduler)
        .endpoint(WebhookEndpoint.builder(url(server, "/hook")).name("strict")
            .format(TestFormat.create()).build())
        .endpoint(WebhookEndpoint.builder(url(server, "/hook")).name("allowed")
            .format(TestFormat.create()).allowPrivateNetworks().build()));

    PublishResult result = await(webhooks.publish(Events.created("evt-1")));

    DeliveryResult strict = result.result("strict").orElseThrow();
    assertThat(strict.isDeadLettered()).isTrue();
    assertThat(strict.attempts()).isEqualTo(1);
    assertThat(strict.reason()).startsWith("destination 127.0.0.1").contains("loopback");
    assertThat(result.result("allowed").orElseThrow().isDelivered()).isTrue();
    assertThat(scheduler.delays()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aHangingReceiverDelaysNeitherPublishNorOtherEndpointsAndItsTimeoutFires()
      throws Exception {
    MockWebServer hanging = newServer();
    hanging.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
      }
    });
    CountDownLatch fastDelivered = new CountDownLatch(10);
    CountDownLatch timedOut = new CountDownLatch(1);
    DeliveryListener counting = new DeliveryListener() {
      @Override
      public void delivered(MediaEvent event, WebhookEndpoint endpoint, DeliveryResult result) {
        if (endpoint.name().equals("fast")) {
          fastDelivered.countDown();
        }
      }

      @Override
      public void deadLettered(MediaEvent e, WebhookEndpoint endpoint, DeliveryResult result) {
        if (endpoint.name().equals("short-timeout")) {
          timedOut.countDown();
        }
      }
    };
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(200).build();
      }
    });
    // 6 workers, 3 endpoints: "hanging" may tie up 6 - 2 = 4, "short-timeout" is limited to 1,
    // so "fast" always has a worker.
    MediaWebhooks webhooks = open(builder().workers(6).listener(counting)
        // Waits far longer than the bounded waits below: only isolation lets "fast" finish.
        .endpoint(WebhookEndpoint.builder(url(hanging, "/slow")).name("hanging")
            .format(TestFormat.create()).retry(RetryPolicy.none())
            .readTimeout(Duration.ofMinutes(2)).callTimeout(Duration.ofMinutes(2)).build())
        .endpoint(WebhookEndpoint.builder(url(hanging, "/slow")).name("short-timeout")
            .format(TestFormat.create()).retry(RetryPolicy.none()).maxConcurrency(1)
            .readTimeout(Duration.ofMillis(200)).callTimeout(Duration.ofMillis(400)).build())
        .endpoint(WebhookEndpoint.builder(url(server, "/fast")).name("fast")
            .format(TestFormat.create()).build()));

    List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      futures.add(webhooks.publish(Events.created("evt-" + i)));
    }

    assertThat(fastDelivered.await(20, SECONDS)).as("fast endpoint delivered all 10").isTrue();
    assertThat(timedOut.await(20, SECONDS)).as("the short timeout fired").isTrue();
    assertThat(futures).noneMatch(CompletableFuture::isDone);
    DeadLetter timeout = webhooks.deadLetters().stream()
        .filter(l -> l.endpointName().equals("short-timeout")).findFirst().orElseThrow();
    assertThat(timeout.reason()).startsWith("gave up after 1 attempt (the retry policy allows 1);"
        + " last: timeout: ").contains("timeout");
    assertThat(timeout.lastStatus()).isNull();
  }

  @Test
  void aThousandEventsToFourEndpointsFromEightThreadsArriveExactlyOnce() throws Exception {
    Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    Pattern idField = Pattern.compile("\"id\":\"([^\"]+)\"");
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        Matcher m = idField.matcher(request.getBody().utf8());
        String key = request.getUrl().encodedPath() + " " + (m.find() ? m.group(1) : "?");
        received.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        return new MockResponse.Builder().code(200).build();
      }
    });
    MediaWebhooks.Builder b = MediaWebhooks.builder()
        .guard(DestinationGuard.allowingPrivateNetworks())
        .listener(DeliveryListener.none())
        .workers(8);
    for (int e = 0; e < 4; e++) {
      b.endpoint(WebhookEndpoint.builder(url(server, "/endpoint-" + e)).name("endpoint-" + e)
          .format(TestFormat.create()).build());
    }
    MediaWebhooks webhooks = open(b);

    ExecutorService hosts = Executors.newFixedThreadPool(8);
    List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
    List<java.util.concurrent.Future<List<CompletableFuture<PublishResult>>>> batches =
        new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      batches.add(hosts.submit(() -> {
        List<CompletableFuture<PublishResult>> mine = new ArrayList<>();
        for (int i = 0; i < 125; i++) {
          mine.add(webhooks.publish(Events.created("evt-" + thread + "-" + i)));
        }
        return mine;
      }));
    }
    for (java.util.concurrent.Future<List<CompletableFuture<PublishResult>>> batch : batches) {
      futures.addAll(batch.get(60, SECONDS));
    }
    hosts.shutdown();
    for (CompletableFuture<PublishResult> f : futures) {
      PublishResult r = f.get(60, SECONDS);
      assertThat(r.results()).hasSize(4).allMatch(DeliveryResult::isDelivered);
    }

    assertThat(futures).hasSize(1000);
    assertThat(received).hasSize(4000);
    assertThat(received.values()).allMatch(count -> count.get() == 1);
    for (int e = 0; e < 4; e++) {
      for (int t = 0; t < 8; t++) {
        assertThat(received).containsKey("/endpoint-" + e + " evt-" + t + "-124");
      }
    }
    assertThat(webhooks.pendingCount()).isZero();
    assertThat(webhooks.close(Duration.ofSeconds(10)).isClean()).isTrue();
  }
}
