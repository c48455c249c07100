package io.mediahooks.examples;

import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.format.betterez.BetterezImagesFormat;
import io.mediahooks.core.format.cloudevents.CloudEventsFormat;
import io.mediahooks.core.format.filerobot.FilerobotFormat;
import io.mediahooks.core.format.filerobot.FilerobotTrigger;
import io.mediahooks.core.format.fotoware.FotowareAssetFormat;
import io.mediahooks.core.format.microcms.MicroCmsMediaFormat;
import io.mediahooks.http.DeliveryListener;
import io.mediahooks.http.DeliveryResult;
import io.mediahooks.http.DestinationGuard;
import io.mediahooks.http.EndpointAuth;
import io.mediahooks.http.EventFilter;
import io.mediahooks.http.MediaWebhooks;
import io.mediahooks.http.PublishResult;
import io.mediahooks.http.RequestSigner;
import io.mediahooks.http.RetryPolicy;
import io.mediahooks.http.WebhookEndpoint;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The demo: one run that publishes a photo's upload, its rename and approval, and its deletion
 * to an endpoint of every format on an embedded receiver, prints each request as it arrived, and
 * ends with a table of outcomes (event by endpoint: delivered, filtered with the reason, or
 * dead-lettered; attempts; status).
 *
 * <p>The endpoints: microCMS (secret in the query), Betterez (signed), Fotoware JSON on three
 * URLs (one per event, as Fotoware configures them) and Fotoware form, Filerobot (OAuth2 password
 * grant against the receiver's token endpoint, plus custom headers), and CloudEvents in
 * structured and binary mode (Standard Webhooks signatures). The receiver checks what a real
 * receiver would: the query secret, both signature schemes, Fotoware's user agent and the OAuth2
 * bearer token. Needs no network, finishes in seconds, exits 0 when nothing was dead-lettered.
 *
 * <pre>{@code
 * java -jar webhook-examples/target/mediahooks.jar demo
 * }</pre>
 */
public final class Demo {
  static final String MICROCMS_QUERY_SECRET = "demo-query-secret";
  static final String BETTEREZ_KEY = "demo-betterez-private-key";
  static final String STANDARD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final String OAUTH_USER = "acme-dam";
  static final String OAUTH_PASSWORD = "demo-password";
  static final String OAUTH_TOKEN = "demo-access-token";
  private static final Duration TOLERANCE = Duration.ofMinutes(5);

  /** What a run produced, for tests: every outcome, every request, the exit status. */
  record Run(List<Report.Row> rows, List<ReceivedRequest> requests, int exitCode) {}

  private Demo() {}

  /**
   * Runs the demo and exits with its status.
   *
   * @param args none
   */
  public static void main(String... args) {
    System.exit(run(System.out));
  }

  static int run(PrintStream out) {
    return execute(out).exitCode();
  }

  static Run execute(PrintStream out) {
    try (LoopbackReceiver receiver = LoopbackReceiver.start(out)) {
      checkLikeRealReceivers(receiver);
      out.println("mediahooks demo: an embedded receiver listens on " + receiver.url("/"));
      out.println();

      List<Report.Row> rows = new ArrayList<>();
      try (MediaWebhooks webhooks = webhooks(receiver)) {
        for (WebhookEndpoint e : webhooks.endpoints()) {
          out.printf(Locale.ROOT, "  %-19s %-12s %s%n", e.name(), e.format().name(),
              Masking.url(e.url()));
        }
        int step = 0;
        for (MediaEventType type : MediaEventType.values()) {
          MediaEvent event = SampleEvents.event(type, 1);
          out.println();
          out.println("=== " + (++step) + "/3 " + type.name().toLowerCase(Locale.ROOT) + ": "
              + story(event) + " ===");
          out.println();
          for (DeliveryResult r : await(webhooks.publish(event)).results()) {
            rows.add(new Report.Row(type, 1, r));
          }
        }
      }

      out.println();
      out.println("=== Outcomes ===");
      out.println();
      out.print(Report.table(rows, false));
      out.println();
      List<ReceivedRequest> requests = receiver.requests();
      out.println(rows.size() + " deliveries: " + Report.counts(rows) + "; the receiver got "
          + requests.size() + " requests (" + receiver.requests("/oauth/token").size()
          + " for an OAuth2 token).");
      return new Run(rows, requests, Report.anyDeadLettered(rows) ? 1 : 0);
    }
  }

  /** One endpoint per format, all on the receiver. */
  private static MediaWebhooks webhooks(LoopbackReceiver receiver) {
    // Short retries, so that a failure (there should be none) still ends in seconds.
    RetryPolicy quick = RetryPolicy.exponential()
        .initialDelay(Duration.ofMillis(200))
        .maxAttempts(3)
        .throttledMinimum(Duration.ZERO)
        .build();
    return MediaWebhooks.builder()
        // The receiver is on 127.0.0.1, which the destination guard refuses by default: allow
        // private networks explicitly, for every endpoint of this instance.
        .guard(DestinationGuard.allowingPrivateNetworks())
        .listener(DeliveryListener.none()) // the demo prints its own report
        .endpoint(WebhookEndpoint.builder(receiver.url("/microcms?auth=" + MICROCMS_QUERY_SECRET))
            .name("microcms")
            .format(MicroCmsMediaFormat.create("acme-media")) // edit on re-upload or rename
            .retry(RetryPolicy.none()) // microCMS sends once
            .build())
        .endpoint(WebhookEndpoint.builder(receiver.url("/betterez"))
            .name("betterez")
            .format(BetterezImagesFormat.create())
            .signer(RequestSigner.betterez(BETTEREZ_KEY))
            .retry(quick)
            .build())
        .endpoint(fotoware(receiver, "fotoware-ingested", "/fotoware/ingested",
            MediaEventType.CREATED, quick))
        .endpoint(fotoware(receiver, "fotoware-modified", "/fotoware/modified",
            MediaEventType.UPDATED, quick))
        .endpoint(fotoware(receiver, "fotoware-deleted", "/fotoware/deleted",
            MediaEventType.DELETED, quick))
        .endpoint(WebhookEndpoint.builder(receiver.url("/fotoware-form"))
            .name("fotoware-form")
            .format(FotowareAssetFormat.form("https://acme.fotoware.cloud"))
            .retry(quick)
            .build())
        .endpoint(WebhookEndpoint.builder(receiver.url("/filerobot"))
            .name("filerobot")
            .format(FilerobotFormat.builder()
                .on(FilerobotTrigger.UPLOAD, FilerobotTrigger.RENAME, FilerobotTrigger.DELETE)
                .onMetaChange("status", "approved")
                .build())
            .auth(EndpointAuth.oauth2Password(receiver.url("/oauth/token"), OAUTH_USER,
                OAUTH_PASSWORD))
            .header("X-Acme-Tenant", "acme")
            .header("X-Acme-Environment", "demo")
            .retry(quick)
            .build())
        .endpoint(WebhookEndpoint.builder(receiver.url("/cloudevents"))
            .name("cloudevents")
            .format(CloudEventsFormat.structured())
            .signer(RequestSigner.standardWebhooks(STANDARD_SECRET))
            .retry(quick)
            .build())
        .endpoint(WebhookEndpoint.builder(receiver.url("/cloudevents-binary"))
            .name("cloudevents-binary")
            .format(CloudEventsFormat.binary())
            .signer(RequestSigner.standardWebhooks(STANDARD_SECRET))
            .retry(quick)
            .build())
        .build();
  }

  private static WebhookEndpoint fotoware(LoopbackReceiver receiver, String name, String path,
      MediaEventType type, RetryPolicy retry) {
    // Fotoware has one URL per event: each endpoint takes only its event type.
    return WebhookEndpoint.builder(receiver.url(path))
        .name(name)
        .format(FotowareAssetFormat.json("https://acme.fotoware.cloud"))
        .filter(EventFilter.types(type))
        .retry(retry)
        .build();
  }

  /** What each path's real receiver would check before trusting a request. */
  private static void checkLikeRealReceivers(LoopbackReceiver receiver) {
    receiver.check("/microcms", "query secret ?auth=", r -> {
      String query = r.query();
      return query != null && MessageDigest.isEqual(
          ("auth=" + MICROCMS_QUERY_SECRET).getBytes(StandardCharsets.UTF_8),
          query.getBytes(StandardCharsets.UTF_8));
    });
    receiver.check("/betterez", "x-btrz-signature s2 (HMAC-SHA256 of t.body)",
        r -> ReceiverSignatures.betterez(BETTEREZ_KEY, r.body(), r.header("x-btrz-signature"),
            Instant.now(), TOLERANCE));
    for (String path : List.of("/fotoware/ingested", "/fotoware/modified", "/fotoware/deleted",
        "/fotoware-form")) {
      // Fotoware receivers such as Enonic's answer 404 to any other user agent.
      receiver.check(path, "User-Agent FotoWeb/8.1",
          r -> "FotoWeb/8.1".equals(r.header("user-agent")));
    }
    receiver.tokenEndpoint("/oauth/token", OAUTH_USER, OAUTH_PASSWORD, OAUTH_TOKEN);
    receiver.check("/filerobot", "OAuth2 bearer token",
        r -> ("Bearer " + OAUTH_TOKEN).equals(r.header("authorization")));
    for (String path : List.of("/cloudevents", "/cloudevents-binary")) {
      receiver.check(path, "webhook-signature (Standard Webhooks v1)",
          r -> ReceiverSignatures.standardWebhooks(STANDARD_SECRET, r.body(),
              r.header("webhook-id"), r.header("webhook-timestamp"),
              r.header("webhook-signature"), Instant.now(), TOLERANCE));
    }
  }

  private static String story(MediaEvent event) {
    switch (event.type()) {
      case CREATED:
        return requireName(event.after()) + " uploaded";
      case UPDATED:
        return requireName(event.before()) + " renamed to " + requireName(event.after())
            + " and approved " + event.changes();
      default:
        return requireName(event.before()) + " deleted";
    }
  }

  private static String requireName(@Nullable MediaSnapshot snapshot) {
    String name = snapshot == null ? null : snapshot.fileName();
    return name == null ? "?" : name;
  }

  private static PublishResult await(Future<PublishResult> future) {
    try {
      // Bounded: every endpoint here answers at once, and retries are short.
      return future.get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for deliveries", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("deliveries did not end: " + e, e);
    }
  }
}
