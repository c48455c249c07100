package io.mediahooks.http.internal;

import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.WebhookPayload;
import io.mediahooks.http.DestinationGuard;
import io.mediahooks.http.EndpointAuth;
import io.mediahooks.http.WebhookEndpoint;
import io.mediahooks.http.WebhookRequest;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One endpoint as the engine runs it: its settings resolved once (guard, auth context, request
 * template, filter reason), and its lane: the queue of deliveries waiting for a worker and how
 * many are in flight. Lane fields are guarded by the engine's lock.
 */
final class Route {
  final WebhookEndpoint endpoint;
  final String name;
  final int index;
  final int maxConcurrency;
  final EndpointAuth.Context authContext;

  /** URL, timeouts and guard; each attempt adds headers and body to a copy. */
  private final WebhookRequest template;
  /** Lower-case names of endpoint headers, which replace format headers of the same name. */
  private final Set<String> overridden;
  /** Precomputed, so filtering allocates nothing on the host's thread. */
  private final String filterReason;
  /**
   * Recent {@link #formatReason} texts, direct-mapped by the format's reason's hash. Written
   * racily by host threads: entries are immutable, so a reader sees a whole one or an older one.
   */
  private final @Nullable Composed[] composed = new Composed[8];

  /**
   * The last error text of this endpoint. During an outage every held delivery fails the same
   * way; sharing one String instead of one per delivery keeps about 150 bytes per delivery off
   * the heap (measured by MemoryFootprint). Racy on purpose: a miss only costs a copy.
   */
  private volatile @Nullable String lastErrorText;
  /**
   * The length of the last body rendered for this endpoint, which decides whether its next
   * bodies are worth rendering ahead (see {@code Engine.markAhead}). Racy on purpose: written
   * by whichever thread rendered, read under the engine's lock; a stale value only misjudges one
   * delivery.
   */
  int lastBodyLength;

  // Lane state, guarded by Engine.lock.
  final ArrayDeque<Delivery> pending = new ArrayDeque<>();
  int inFlight;
  boolean inReady;

  Route(WebhookEndpoint endpoint, int index, int maxConcurrency, DestinationGuard defaultGuard,
      io.mediahooks.http.WebhookTransport transport, Clock clock) {
    this.endpoint = endpoint;
    this.name = endpoint.name();
    this.index = index;
    this.maxConcurrency = maxConcurrency;
    DestinationGuard guard = endpoint.guard() != null ? endpoint.guard() : defaultGuard;
    this.authContext = new EndpointAuth.Context(transport, clock, guard);
    this.template = WebhookRequest.builder(endpoint.url())
        .timeouts(endpoint.connectTimeout(), endpoint.readTimeout(), endpoint.callTimeout())
        .guard(guard)
        .build();
    Set<String> names = new HashSet<>();
    for (WebhookRequest.Header h : endpoint.headers()) {
      names.add(h.name().toLowerCase(Locale.ROOT));
    }
    this.overridden = names;
    this.filterReason = "not matched by the endpoint's filter " + endpoint.filter();
  }

  /**
   * Why the event is not for this endpoint, or null when it is. Runs on the host's thread.
   *
   * @throws RuntimeException whatever a host filter or a format's skipReason throws
   */
  @Nullable String screen(MediaEvent event) {
    if (!endpoint.enabled()) {
      return "endpoint disabled";
    }
    if (!endpoint.filter().matches(event)) {
      return filterReason;
    }
    Optional<String> skip = endpoint.format().skipReason(event);
    if (skip.isEmpty()) {
      return null;
    }
    return formatReason(skip.get());
  }

  /**
   * The result's reason for a format's skip reason. The built-in formats return the same String
   * for the same kind of event, so the composed text is cached by the format's: this runs on the
   * host's thread for every filtered event, where building it cost about a microsecond after the
   * host had been idle (cold code).
   */
  private String formatReason(String reason) {
    int slot = reason.hashCode() & (composed.length - 1);
    Composed c = composed[slot];
    if (c != null && c.reason == reason) {
      return c.text;
    }
    String name = endpoint.format().name();
    // The built-in formats start their reasons with their own name; say it once.
    boolean named = reason.startsWith(name) && reason.startsWith(": ", name.length());
    String text = named ? "format " + reason : "format " + name + ": " + reason;
    composed[slot] = new Composed(reason, text);
    return text;
  }

  /** A format's skip reason and the result's text for it. */
  private static final class Composed {
    final String reason;
    final String text;

    Composed(String reason, String text) {
      this.reason = reason;
      this.text = text;
    }
  }

  /**
   * {@code text}, or an equal String this endpoint produced before.
   *
   * @param text an error text
   * @return a String equal to {@code text}
   */
  String shared(String text) {
    String last = lastErrorText;
    if (text.equals(last)) {
      return last;
    }
    lastErrorText = text;
    return text;
  }

  /** The request for one rendered payload: format headers, then endpoint headers, then body. */
  WebhookRequest request(WebhookPayload payload) {
    WebhookRequest.Builder b = template.newBuilder();
    for (Map.Entry<String, String> h : payload.headers().entrySet()) {
      if (overridden.isEmpty() || !overridden.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        b.addHeader(h.getKey(), h.getValue());
      }
    }
    for (WebhookRequest.Header h : endpoint.headers()) {
      b.addHeader(h.name(), h.value());
    }
    return b.body(payload.contentType(), payload.body()).build();
  }
}
