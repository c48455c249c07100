package io.mediahooks.examples.bench;

import io.mediahooks.core.Attempt;
import io.mediahooks.core.EventSource;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.WebhookFormat;
import io.mediahooks.core.WebhookPayload;
import io.mediahooks.core.format.betterez.BetterezImagesFormat;
import io.mediahooks.core.format.cloudevents.CloudEventsFormat;
import io.mediahooks.core.format.fotoware.FotowareAssetFormat;
import io.mediahooks.core.format.microcms.MicroCmsMediaFormat;
import io.mediahooks.http.EventFilter;
import io.mediahooks.http.RequestSigner;
import io.mediahooks.http.RetryPolicy;
import io.mediahooks.http.WebhookEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The events, payloads and endpoints the benchmarks share, so every harness measures the same
 * realistic work.
 *
 * <ul>
 *   <li>The four-endpoint set: microCMS (secret in the query, sent once), Betterez (signed),
 *       Fotoware (JSON) and CloudEvents (Standard Webhooks signature, lifecycle events only).
 *   <li>{@link #created(int)}: an image created: all four endpoints render it.
 *   <li>{@link #metadataEdited(int)}: tags and title edited: only Fotoware has a message for it;
 *       microCMS and Betterez skip it in their formats' {@code skipReason} and CloudEvents in its
 *       endpoint filter: the host's cheap path.
 *   <li>{@link #microCmsSmall()}: the small microCMS body of the throughput comparison.
 *   <li>{@link #fotowareCapture()}: FotoWeb's captured 9,534-byte "asset ingested" webhook,
 *       reproduced byte for byte from the asset representation carried as a snapshot extension
 *       ({@value FotowareAssetFormat#ASSET_EXTENSION}).
 * </ul>
 */
final class Workloads {
  static final String ACCOUNT_ID = "52a377ec430c7d4e220001fc";
  static final String BETTEREZ_KEY = "bench-betterez-private-key";
  /** A Standard Webhooks secret: whsec_ and 24 bytes in Base64. */
  static final String STANDARD_WEBHOOKS_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final EventSource SOURCE = EventSource.builder()
      .serviceId("acme-media")
      .accountId(ACCOUNT_ID)
      .siteUrl("https://acme.fotoware.cloud")
      .build();

  /** Where the Fotoware capture lives in this jar (copied from the shared fixtures). */
  static final String FOTOWARE_CAPTURE = "/bench/fotoware/asset-ingested.enonic-capture.raw.json";

  private static final Instant AT = Instant.parse("2026-03-07T11:44:27.802Z");

  private Workloads() {}

  /**
   * The four endpoints under {@code baseUrl} (no trailing slash), as a host configures them.
   *
   * @param baseUrl for example {@code http://127.0.0.1:8080}
   * @param retry the retry policy of every endpoint
   * @param allowLoopback whether the endpoints may reach 127.0.0.1
   * @return microCMS, Betterez, Fotoware, CloudEvents
   */
  static List<WebhookEndpoint> fourEndpoints(String baseUrl, RetryPolicy retry,
      boolean allowLoopback) {
    List<WebhookEndpoint.Builder> builders = new ArrayList<>();
    builders.add(WebhookEndpoint.builder(baseUrl + "/microcms?auth=s3cr3t")
        .name("microcms")
        .format(MicroCmsMediaFormat.create("acme-media")));
    builders.add(WebhookEndpoint.builder(baseUrl + "/betterez")
        .name("betterez")
        .format(BetterezImagesFormat.create())
        .signer(RequestSigner.betterez(BETTEREZ_KEY)));
    builders.add(WebhookEndpoint.builder(baseUrl + "/fotoware")
        .name("fotoware")
        .format(FotowareAssetFormat.json("https://acme.fotoware.cloud")));
    builders.add(WebhookEndpoint.builder(baseUrl + "/cloudevents")
        .name("cloudevents")
        .format(CloudEventsFormat.structured())
        .filter(EventFilter.types(MediaEventType.CREATED, MediaEventType.DELETED))
        .signer(RequestSigner.standardWebhooks(STANDARD_WEBHOOKS_SECRET)));
    List<WebhookEndpoint> endpoints = new ArrayList<>();
    for (WebhookEndpoint.Builder b : builders) {
      b.retry(retry);
      if (allowLoopback) {
        b.allowPrivateNetworks();
      }
      endpoints.add(b.build());
    }
    return endpoints;
  }

  /** An image as a DAM holds it: every field the four formats read, no vendor extension. */
  static MediaSnapshot image(int n) {
    String id = String.format("5f1d7c9e8a4b3c2d%08x", n);
    return MediaSnapshot.builder()
        .id(id)
        .url("https://cdn.acme.example/media/" + id + "/harbour-at-dusk.jpg")
        .fileName("harbour-at-dusk.jpg")
        .folder("Boats/2026")
        .mimeType("image/jpeg")
        .size(1_048_576L + n)
        .dimensions(2976, 1984)
        .alt("Fishing boats in the harbour at dusk")
        .title("Harbour at dusk")
        .description("Fishing boats moored in the old harbour, shot from the pier.")
        .creators("Ada Lovelace")
        .tags("harbour", "boats")
        .createdAt(AT.minusSeconds(3600))
        .modifiedAt(AT)
        .createdBy("user-42")
        .modifiedBy("user-42")
        .build();
  }

  /**
   * An image created: all four endpoints have a message for it.
   *
   * @param n distinguishes events (id, size)
   * @return the event
   */
  static MediaEvent created(int n) {
    return created(n, image(n));
  }

  /**
   * An image created, from a snapshot built earlier.
   *
   * @param n distinguishes events (id)
   * @param image the new image, from {@link #image(int)}
   * @return a new event object
   */
  static MediaEvent created(int n, MediaSnapshot image) {
    return event(MediaEventType.CREATED, eventId(n)).after(image).build();
  }

  /**
   * Title and tags edited: only Fotoware sends it (microCMS sends edits of content or name
   * only, Betterez has no update event, the CloudEvents endpoint takes lifecycle events only).
   *
   * @param n distinguishes events
   * @return the event
   */
  static MediaEvent metadataEdited(int n) {
    MediaSnapshot before = image(n);
    return metadataEdited(n, before, edited(before));
  }

  /**
   * The edited state of an image: new title and one more tag.
   *
   * @param before the image
   * @return the image after the edit
   */
  static MediaSnapshot edited(MediaSnapshot before) {
    return before.newBuilder()
        .title("Harbour at dusk, October")
        .tags("harbour", "boats", "dusk")
        .build();
  }

  /**
   * A metadata edit from snapshots built earlier. Each call returns a new event object, as a
   * host builds one per edit (its change kinds are derived here, when it is built).
   *
   * @param n distinguishes events (id)
   * @param before the image before
   * @param after the image after, from {@link #edited(MediaSnapshot)}
   * @return a new event object
   */
  static MediaEvent metadataEdited(int n, MediaSnapshot before, MediaSnapshot after) {
    return event(MediaEventType.UPDATED, eventId(n)).before(before).after(after).build();
  }

  /**
   * What every event of these workloads has: the id given, a fixed time, {@link #SOURCE} and an
   * actor; the caller adds the snapshots.
   *
   * @param type the event type
   * @param id the event id, from {@link #eventId(int)}
   * @return a builder
   */
  static MediaEvent.Builder event(MediaEventType type, String id) {
    return MediaEvent.builder(type).id(id).occurredAt(AT).source(SOURCE).actor("user-42");
  }

  /**
   * The id of event {@code n}: a UUID-shaped string.
   *
   * @param n distinguishes events
   * @return the id
   */
  static String eventId(int n) {
    return String.format("12489453-7e9d-4604-af89-%012x", n);
  }

  /** One contender's work: the format, the event, and the exact bytes one request carries. */
  static final class Body {
    final String name;
    final WebhookFormat format;
    final MediaEvent event;
    final String path;
    final byte[] bytes;
    final String contentType;
    final Map<String, String> headers;

    Body(String name, WebhookFormat format, MediaEvent event, String path) {
      this.name = name;
      this.format = format;
      this.event = event;
      this.path = path;
      WebhookPayload payload = format.render(event, Attempt.first(AT)).orElseThrow(
          () -> new IllegalStateException(name + ": the format has no message for the event"));
      this.bytes = payload.bodyBytes();
      this.contentType = payload.contentType();
      this.headers = payload.headers();
    }
  }

  /**
   * The small body: a microCMS "new" media webhook (about 150 bytes).
   *
   * @return the body
   */
  static Body microCmsSmall() {
    MediaSnapshot image = MediaSnapshot.builder()
        .url("https://images.microcms-assets.io/assets/7a8f3c/harbour-at-dusk.jpg")
        .fileName("harbour-at-dusk.jpg")
        .mimeType("image/jpeg")
        .dimensions(2976, 1984)
        .alt("Fishing boats in the harbour at dusk")
        .build();
    MediaEvent event = MediaEvent.builder(MediaEventType.CREATED)
        .occurredAt(AT)
        .source(SOURCE)
        .after(image)
        .build();
    return new Body("microcms", MicroCmsMediaFormat.create("acme-media"), event,
        "/microcms?auth=s3cr3t");
  }

  /**
   * The large body: FotoWeb's captured "asset ingested" webhook, 9,534 bytes, rendered from the
   * asset representation a host fetched from Fotoware's API and attached to the snapshot.
   *
   * @return the body
   */
  static Body fotowareCapture() {
    String capture = new String(fotowareCaptureBytes(), StandardCharsets.UTF_8);
    // The capture is the whole webhook; its "data" is the asset representation. Parse it through
    // the public snapshot API, which keeps key order and floats exactly as given.
    Object envelope = MediaSnapshot.builder().extensionJson("capture", capture).build()
        .extension("capture");
    Object asset = ((Map<?, ?>) Objects.requireNonNull(envelope)).get("data");
    String site = "https://enonic.fotoware.cloud";
    String webp = "Thuringia_Schmalkalden_asv2020-07_img18_Schloss_Wilhelmsburg.jpg.webp";
    String cache = site + "/fotoweb/cache/v2/";
    MediaSnapshot snapshot = MediaSnapshot.builder()
        .fileName(webp)
        .folder("Folder 19")
        .mimeType("image/webp")
        .size(104_448L)
        .dimensions(1, 1)
        .thumbnailUrl(cache + "6/w/Folder%2019/" + webp + ".iSfhoYvVMf99B6tjkAMA.gEGcjMnSVw.jpg")
        .previewUrl(cache + "k/m/Folder%2019/" + webp + ".iSfhoYvVMf99B6tjQA0A.I-3o5WAfmx.jpg")
        .extension(FotowareAssetFormat.ASSET_EXTENSION, asset)
        .build();
    MediaEvent event = MediaEvent.builder(MediaEventType.CREATED)
        .id("670bf55e-bb11-46cc-874a-7ecd4a164ccb")
        .occurredAt(Instant.parse("2023-06-19T12:48:02.129Z"))
        .source(EventSource.builder().siteUrl(site).build())
        .after(snapshot)
        .build();
    return new Body("fotoware", FotowareAssetFormat.json(), event, "/fotoware/ingested");
  }

  /**
   * The captured bytes, as FotoWeb sent them.
   *
   * @return the capture
   */
  static byte[] fotowareCaptureBytes() {
    try (InputStream in = Workloads.class.getResourceAsStream(FOTOWARE_CAPTURE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + FOTOWARE_CAPTURE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
