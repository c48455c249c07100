package io.mediahooks.core.format.fotoware;

import io.mediahooks.core.EventSource;
import io.mediahooks.core.MediaChange;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.MetadataValue;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Events with fixed ids and times, for rule tests and the stored Python expectations. */
final class SampleEvents {
  static final String SITE = "https://acme.fotoware.cloud";
  static final EventSource ACME = EventSource.builder().siteUrl(SITE).build();
  static final Instant AT = Instant.parse("2019-03-07T11:44:27.802Z");
  static final String ID = "12489453-7e9d-4604-af89-99b8f91db6a3";

  private SampleEvents() {}

  /** A photo with every field Fotoware carries, built representation (no extension). */
  static MediaSnapshot photo() {
    return MediaSnapshot.builder()
        .id("asset-1")
        .url("https://cdn.example.com/media/harbour.jpg")
        .fileName("IMG 2019 harbour.jpg")
        .folder("/Summit Photos/like/")
        .mimeType("image/jpeg")
        .size(243_340L)
        .dimensions(2976, 3968)
        .title("Harbour at dusk")
        .description("Some long description line")
        .creators("Ada Lovelace", "Grace Hopper")
        .tags("harbour", "dusk")
        .metadata("copyright", MetadataValue.of("ACME Ltd"))
        .metadata("110", MetadataValue.of("Add credit"))
        .createdAt(Instant.parse("2022-11-18T09:20:11.617Z"))
        .modifiedAt(Instant.parse("2021-04-19T13:37:56Z"))
        .createdBy("ada")
        .modifiedBy("grace")
        .thumbnailUrl("/fotoweb/cache/5473/like/harbour.t5c80f612.m200.x0UnqgdCS.jpg")
        .previewUrl(SITE + "/fotoweb/cache/5473/like/harbour.t5c80f612.m800.xYQhD8Ty-.jpg")
        .revision("2")
        .build();
  }

  static MediaEvent.Builder at(MediaEventType type) {
    return MediaEvent.builder(type).id(ID).occurredAt(AT).source(ACME);
  }

  static MediaEvent created(MediaSnapshot after) {
    return at(MediaEventType.CREATED).after(after).build();
  }

  static MediaEvent updated(MediaSnapshot before, MediaSnapshot after) {
    return at(MediaEventType.UPDATED).before(before).after(after).build();
  }

  static MediaEvent deleted(MediaSnapshot before) {
    return at(MediaEventType.DELETED).before(before).build();
  }

  /**
   * Named events whose JSON bodies are stored as Python's json.dumps(json.loads(body)) under
   * {@code fixtures/fotoware/python/} (see generate_python_expectations.py there).
   */
  static Map<String, MediaEvent> forPython() {
    Map<String, MediaEvent> events = new LinkedHashMap<>();
    MediaSnapshot intl = photo().newBuilder()
        .fileName("Hafen bei Dämmerung 東京 😀.jpg")
        .folder("Reisen/Zürich")
        .title("Hafen bei Dämmerung — 東京の港 😀")
        .description("Line one\nLine two\ttabbed \"quoted\" back\\slash a/b \u007f \u0001 \u2028")
        .creators("Zoë Ørsted", "山田 太郎")
        .tags("été", "港", "🚢")
        .metadata("90", MetadataValue.of("Zürich"))
        .metadata("headline",
            MetadataValue.localized(Map.of("de", "Hafen")))
        .createdAt(Instant.parse("2022-11-18T09:20:11.617123Z"))
        .modifiedAt(Instant.parse("2023-06-19T12:47:59Z"))
        .build();
    events.put("ingested-built-international", created(intl));
    MediaSnapshot retagged = intl.newBuilder()
        .title("Hafen")
        .tags("港", "nuit", "🚢")
        .metadata("110", null)
        .metadata("country", MetadataValue.of("Schweiz"))
        .modifiedAt(Instant.parse("2023-06-23T07:39:29.222Z"))
        .build();
    events.put("modified-updateMetadata-built", updated(intl, retagged));
    events.put("modified-rename-built",
        updated(photo(), photo().newBuilder().fileName("harbour-at-dusk.jpg").build()));
    MediaSnapshot video = MediaSnapshot.builder()
        .fileName("launch.mp4")
        .folder("Video")
        .mimeType("video/mp4")
        .size(48_000_000L)
        .dimensions(1920, 1080)
        .duration(Duration.ofSeconds(94))
        .title("Launch")
        .createdAt(Instant.parse("2024-01-02T03:04:05Z"))
        .build();
    events.put("modified-upload-video",
        updated(video, video.newBuilder().size(51_234_567L).build()));
    events.put("modified-restoreRevision",
        at(MediaEventType.UPDATED)
            .before(photo().newBuilder().revision("3").build())
            .after(photo().newBuilder().revision("1").build())
            .changes(MediaChange.RESTORE)
            .build());
    MediaSnapshot pdf = MediaSnapshot.builder()
        .fileName("Annual report 2024.pdf")
        .mimeType("application/pdf")
        .size(1_048_576L)
        .description("Rapport annuel — résumé")
        .build();
    events.put("deleted-document", deleted(pdf));
    MediaSnapshot small = MediaSnapshot.builder()
        .fileName("a b&c=d+e~f%.jpg")
        .size(7L)
        .dimensions(3, 2)
        .title("x/y?z é 😀")
        .tags("one two", "three")
        .build();
    events.put("ingested-small", created(small));
    return events;
  }
}
