package io.mediahooks.examples;

import io.mediahooks.core.Attempt;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.WebhookFormat;
import io.mediahooks.http.DeliveryListener;
import io.mediahooks.http.DeliveryResult;
import io.mediahooks.http.EndpointAuth;
import io.mediahooks.http.MediaWebhooks;
import io.mediahooks.http.PublishResult;
import io.mediahooks.http.RequestSigner;
import io.mediahooks.http.RetryPolicy;
import io.mediahooks.http.WebhookEndpoint;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * {@code mediahooks send}: publishes the sample events in one format to a URL through the
 * library, prints one line per delivery as it ends and a summary, and returns the exit status.
 */
final class SendCommand {
  static final String HELP = String.join(System.lineSeparator(),
      "Usage: java -jar mediahooks.jar send --format FORMAT --url URL [options]",
      "",
      "Publishes sample media events (a photo uploaded, then renamed and approved, then",
      "deleted) in one vendor's wire format to URL through the mediahooks library, prints one",
      "line per delivery as it ends and a summary, and exits when every event has ended.",
      "",
      "Required:",
      "  --format FORMAT     microcms | betterez | fotoware | fotoware-form | filerobot |",
      "                      cloudevents | cloudevents-binary",
      "  --url URL           the receiver, http or https; the query is sent byte for byte",
      "                      (microCMS receivers keep their secret there: ?auth=...)",
      "",
      "Events:",
      "  --event E           created | updated | deleted | all, or several comma-separated",
      "                      (default all: each event the format has; betterez has no update,",
      "                      so an explicit --event updated ends filtered)",
      "  --count N           events of each kind, each about its own photo (default 1,",
      "                      at most " + SendOptions.MAX_COUNT + ")",
      "",
      "Signing (combines with any format):",
      "  --sign microcms:SECRET     x-microcms-signature: hex HMAC-SHA256 of the body",
      "  --sign betterez:KEY        x-btrz-signature: t=..,s=..,s2=.. (s2: HMAC of t.body)",
      "  --sign standard:whsec_...  Standard Webhooks: webhook-id, webhook-timestamp,",
      "                             webhook-signature (key: 24 to 64 bytes, base64)",
      "",
      "Authentication (at most one of the first three):",
      "  --basic USER:PASS          Authorization: Basic",
      "  --bearer TOKEN             Authorization: Bearer TOKEN",
      "  --oauth2-token-url URL --username U --password P",
      "                             OAuth2 password grant: a token is fetched from URL, cached",
      "                             until it expires and sent as a Bearer token",
      "  --header NAME=VALUE        an extra header (repeatable; a later one of the same",
      "                             name replaces the earlier)",
      "",
      "Delivery:",
      "  --retry R           none | schedule | exponential[:MAX_ATTEMPTS[:INITIAL_DELAY_MS]]",
      "                      none: one attempt.",
      "                      schedule: the library's default schedule (retries after 5 s,",
      "                      5 min, 30 min, 2 h, 5 h, 10 h and 10 h, +-20% jitter).",
      "                      exponential: MAX_ATTEMPTS attempts in all, the first included",
      "                      (default 5), the first retry after INITIAL_DELAY_MS (default",
      "                      500), then doubling, +-20% jitter; no 60 s minimum after a 429",
      "                      or a timeout, so test runs stay short.",
      "                      A Retry-After answer is honoured within [the scheduled delay,",
      "                      twice it]. Retried: 408, 425, 429, 5xx, timeouts and I/O errors;",
      "                      other answers end the delivery at once.",
      "                      Default: none for microcms (microCMS never retries),",
      "                      exponential:5:500 for the others.",
      "  --allow-private     allow loopback and private-network destinations (off by default,",
      "                      as in the library): needed for localhost, 10.x, 192.168.x ...",
      "                      The guard checks every request, the OAuth2 token URL included;",
      "                      a refused destination ends dead-lettered.",
      "  --help, -h          this help",
      "",
      "Exit status: 0 when every event was delivered or filtered, 1 when any was",
      "dead-lettered, 2 for a usage error.",
      "",
      "Example:",
      "  java -jar mediahooks.jar send --format betterez --url http://localhost:8080/hooks \\",
      "      --sign betterez:my-key --allow-private",
      "");

  private SendCommand() {}

  /**
   * Runs {@code send} with its arguments.
   *
   * @return 0, 1 or 2 as the help says
   */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (SendOptions.wantsHelp(args)) {
      out.print(HELP);
      return 0;
    }
    try {
      return run(SendOptions.parse(args), out);
    } catch (UsageException e) {
      err.println("mediahooks send: " + e.getMessage());
      err.println("Run 'java -jar mediahooks.jar send --help' for the options.");
      return 2;
    }
  }

  static int run(SendOptions options, PrintStream out) throws UsageException {
    WebhookEndpoint endpoint = endpoint(options);
    List<MediaEventType> types = types(options, endpoint.format());
    int total = types.size() * options.count();
    boolean numbered = options.count() > 1;

    out.println("Sending " + total + (total == 1 ? " event" : " events") + " ("
        + describe(types) + (numbered ? ", " + options.count() + " photos" : "") + ") as "
        + options.format().cliName + " to " + Masking.url(options.url()));
    out.println("  sign: " + (options.signKind() == null ? "none"
        : options.signKind().name().toLowerCase(Locale.ROOT)) + ", auth: "
        + options.authKind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", retry: "
        + options.retryDescription() + ", private addresses: "
        + (options.allowPrivate() ? "allowed" : "refused"));
    out.println();
    out.println(Report.line(Report.HEADINGS, Report.STREAM_WIDTHS));

    List<Report.Row> rows = new ArrayList<>();
    try (MediaWebhooks webhooks = MediaWebhooks.builder()
        .endpoint(endpoint)
        // Replaces the logging listener: this command reports every outcome itself.
        .listener(retries(out))
        .build()) {
      for (int asset = 1; asset <= options.count(); asset++) {
        for (MediaEventType type : types) {
          // One event at a time, each waited for: receivers see created, updated and deleted
          // in that order, and each line is printed as its delivery ends.
          MediaEvent event = SampleEvents.event(type, asset);
          CompletableFuture<PublishResult> published = webhooks.publish(event);
          PublishResult result;
          try {
            result = published.join();
          } catch (CompletionException e) {
            out.println("could not publish " + Report.eventLabel(type, asset, numbered) + ": "
                + e.getCause().getMessage());
            return 1;
          }
          for (DeliveryResult r : result.results()) {
            Report.Row row = new Report.Row(type, asset, r);
            rows.add(row);
            out.println(Report.line(Report.cells(row, numbered), Report.STREAM_WIDTHS));
          }
        }
      }
    }
    out.println();
    out.println(total + (total == 1 ? " event: " : " events: ") + Report.counts(rows));
    if (!options.allowPrivate() && refusedByGuard(rows)) {
      out.println("hint: the destination is a loopback or private-network address; add"
          + " --allow-private to send there");
    }
    return Report.anyDeadLettered(rows) ? 1 : 0;
  }

  /** The endpoint the options describe; a value the library refuses is a usage error. */
  static WebhookEndpoint endpoint(SendOptions o) throws UsageException {
    WebhookEndpoint.Builder b;
    try {
      b = WebhookEndpoint.builder(o.url());
    } catch (IllegalArgumentException e) {
      throw new UsageException("--url: " + e.getMessage(), e);
    }
    b.name(o.format().cliName).format(o.format().webhookFormat()).retry(retryPolicy(o));
    if (o.allowPrivate()) {
      // Covers the token endpoint too: the library checks token requests with this guard.
      b.allowPrivateNetworks();
    }
    try {
      b.auth(auth(o));
    } catch (IllegalArgumentException e) {
      throw new UsageException(authOption(o) + ": " + e.getMessage(), e);
    }
    String signSecret = o.signSecret();
    if (o.signKind() != null && signSecret != null) {
      try {
        b.signer(signer(o.signKind(), signSecret));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--sign: " + e.getMessage(), e);
      }
    }
    for (Map.Entry<String, String> h : o.headers().entrySet()) {
      try {
        b.header(h.getKey(), h.getValue());
      } catch (IllegalArgumentException e) {
        throw new UsageException("--header " + h.getKey() + ": " + e.getMessage(), e);
      }
    }
    return b.build();
  }

  /** The events to send: those asked for, or for {@code all} those the format has. */
  static List<MediaEventType> types(SendOptions o, WebhookFormat format) {
    List<MediaEventType> types = new ArrayList<>();
    for (MediaEventType type : MediaEventType.values()) {
      if (o.events().contains(type) && (!o.allEvents()
          || format.skipReason(SampleEvents.event(type, 1)).isEmpty())) {
        types.add(type);
      }
    }
    return types;
  }

  static RetryPolicy retryPolicy(SendOptions o) {
    switch (o.retryKind()) {
      case NONE:
        return RetryPolicy.none();
      case SCHEDULE:
        return RetryPolicy.defaultSchedule();
      default:
        return RetryPolicy.exponential()
            .maxAttempts(o.maxAttempts())
            .initialDelay(Duration.ofMillis(o.initialDelayMs()))
            .throttledMinimum(Duration.ZERO)
            .build();
    }
  }

  private static EndpointAuth auth(SendOptions o) {
    switch (o.authKind()) {
      case BASIC:
        return EndpointAuth.basic(require(o.user()), require(o.password()));
      case BEARER:
        return EndpointAuth.bearer(require(o.bearerToken()));
      case OAUTH2_PASSWORD:
        return EndpointAuth.oauth2Password(require(o.tokenUrl()), require(o.user()),
            require(o.password()));
      default:
        return EndpointAuth.none();
    }
  }

  private static String authOption(SendOptions o) {
    switch (o.authKind()) {
      case BASIC:
        return "--basic";
      case BEARER:
        return "--bearer";
      default:
        return "--oauth2-token-url";
    }
  }

  private static RequestSigner signer(SendOptions.SignKind kind, String secret) {
    switch (kind) {
      case MICROCMS:
        return RequestSigner.microCms(secret);
      case BETTEREZ:
        return RequestSigner.betterez(secret);
      default:
        return RequestSigner.standardWebhooks(secret);
    }
  }

  private static String require(@Nullable String value) {
    if (value == null) {
      throw new IllegalStateException("the parser guarantees this option's value");
    }
    return value;
  }

  /** Prints each scheduled retry, so a slow run shows what it is waiting for. */
  private static DeliveryListener retries(PrintStream out) {
    return new DeliveryListener() {
      @Override
      public void retryScheduled(MediaEvent event, WebhookEndpoint endpoint, Attempt failed,
          Instant nextAttemptAt, String reason) {
        long ms = Math.max(0, Duration.between(Instant.now(), nextAttemptAt).toMillis());
        out.println("  " + event.type().name().toLowerCase(Locale.ROOT) + ": attempt "
            + failed.number() + " failed (" + reason + "); attempt " + (failed.number() + 1)
            + " in " + ms + " ms");
      }
    };
  }

  private static boolean refusedByGuard(List<Report.Row> rows) {
    for (Report.Row row : rows) {
      String reason = row.result().reason();
      if (row.result().isDeadLettered() && reason != null
          && reason.contains("DestinationGuard")) {
        return true;
      }
    }
    return false;
  }

  private static String describe(List<MediaEventType> types) {
    List<String> names = new ArrayList<>();
    for (MediaEventType t : types) {
      names.add(t.name().toLowerCase(Locale.ROOT));
    }
    return String.join(", ", names);
  }
}
