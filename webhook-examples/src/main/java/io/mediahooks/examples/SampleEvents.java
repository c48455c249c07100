package io.mediahooks.examples;

import io.mediahooks.core.EventSource;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.MetadataValue;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The events the demo, the scenarios and {@code send} publish: the life of one photo in a media
 * library, the way a host's media code would describe it.
 *
 * <ul>
 *   <li><b>created</b>: a JPEG upload with alt text, title, description, two creators, tags,
 *       labels and IPTC-style metadata (copyright, credit, city, country, a review status);
 *   <li><b>updated</b>: the same photo renamed ({@code harbour.jpg} to {@code
 *       bergen-harbour-at-dusk.jpg}) and approved (its {@code status} metadata goes from {@code
 *       in-review} to {@code approved}): exactly the changes {@code RENAME} and {@code METADATA},
 *       so every format that has an update event has one to send (microCMS {@code edit},
 *       Fotoware {@code rename}, Filerobot {@code on_rename});
 *   <li><b>deleted</b>: the renamed photo removed.
 * </ul>
 * The file URL does not change on rename (it is keyed by the asset id), so no {@code CONTENT}
 * change is derived. Asset number {@code n} (for {@code send --count}) gets its own id, URL and
 * file name. Events get a fresh random id each time they are built, as a host's would.
 *
 * <pre>{@code
 * MediaEvent created = SampleEvents.event(MediaEventType.CREATED, 1);
 * MediaEvent renamed = SampleEvents.event(MediaEventType.UPDATED, 1);
 * assert renamed.changes().equals(Set.of(MediaChange.RENAME, MediaChange.METADATA));
 * }</pre>
 */
public final class SampleEvents {
  /** Where the events come from: the Acme media library. */
  public static final EventSource SOURCE = EventSource.builder()
      .serviceId("acme-media")
      .accountId("5e8f1a2b3c4d5e6f7a8b9c0d")
      .siteUrl("https://media.acme.example")
      .build();

  private SampleEvents() {}

  /**
   * One event of the photo's life, happening now.
   *
   * @param type which event
   * @param asset which photo, 1 for the first
   * @return a new event with a random id
   * @throws IllegalArgumentException if {@code asset} is below 1
   */
  public static MediaEvent event(MediaEventType type, int asset) {
    return event(type, asset, Instant.now());
  }

  /**
   * One event of the photo's life at a given time.
   *
   * @param type which event
   * @param asset which photo, 1 for the first
   * @param occurredAt when it happened
   * @return a new event with a random id
   * @throws IllegalArgumentException if {@code asset} is below 1
   */
  public static MediaEvent event(MediaEventType type, int asset, Instant occurredAt) {
    Objects.requireNonNull(type, "type must not be null");
    MediaSnapshot uploaded = uploaded(asset);
    MediaEvent.Builder b = MediaEvent.builder(type).source(SOURCE).occurredAt(occurredAt);
    switch (type) {
      case CREATED:
        return b.after(uploaded).actor("ana.lima").build();
      case UPDATED:
        return b.before(uploaded).after(renamedAndApproved(uploaded, asset)).actor("tomas.berg")
            .build();
      default:
        return b.before(renamedAndApproved(uploaded, asset)).actor("ana.lima").build();
    }
  }

  /**
   * The photo as uploaded.
   *
   * @param asset which photo, 1 for the first
   * @return the snapshot
   * @throws IllegalArgumentException if {@code asset} is below 1
   */
  public static MediaSnapshot uploaded(int asset) {
    if (asset < 1) {
      throw new IllegalArgumentException("asset must be at least 1, was " + asset);
    }
    String id = String.format(Locale.ROOT, "65f1c2a9e4b0a7d3c8e9%04x", asset & 0xffff);
    String file = "https://cdn.acme-media.example/a/" + id + ".jpg";
    return MediaSnapshot.builder()
        .id(id)
        .url(file)
        .fileName(numbered("harbour", asset) + ".jpg")
        .folder("/Campaigns/Summer 2024")
        .mimeType("image/jpeg")
        .size(2_483_117L + asset - 1)
        .dimensions(4032, 3024)
        .alt("Fishing boats moored in a harbour at dusk, lights reflecting in the water")
        .title("Harbour at dusk")
        .description("Fishing boats in Bergen harbour as the evening lights come on.")
        .creators("Ana Lima", "Tomás Berg")
        .tags("harbour", "boats", "dusk")
        .labels("summer-campaign")
        .metadata("copyright", MetadataValue.of("© 2024 Acme Media AS"))
        .metadata("credit", MetadataValue.of("Ana Lima / Acme Media"))
        .metadata("city", MetadataValue.of("Bergen"))
        .metadata("country", MetadataValue.of("Norway"))
        .metadata("status", MetadataValue.of("in-review"))
        .createdAt(Instant.parse("2024-06-14T17:42:08.311Z"))
        .modifiedAt(Instant.parse("2024-06-14T17:42:08.311Z"))
        .createdBy("ana.lima")
        .modifiedBy("ana.lima")
        .sha1("3f786850e387550fdab836ed7e6dc881de23001b")
        .revision("1")
        .thumbnailUrl(file + "?w=200")
        .previewUrl(file + "?w=800")
        .build();
  }

  private static MediaSnapshot renamedAndApproved(MediaSnapshot uploaded, int asset) {
    return uploaded.newBuilder()
        .fileName(numbered("bergen-harbour-at-dusk", asset) + ".jpg")
        .metadata("status", MetadataValue.of("approved"))
        .modifiedAt(Instant.parse("2024-06-15T09:03:27.902Z"))
        .modifiedBy("tomas.berg")
        .build();
  }

  private static String numbered(String name, int asset) {
    return asset == 1 ? name : String.format(Locale.ROOT, "%s-%02d", name, asset);
  }
}
