package io.mediahooks.http;

import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.MediaSnapshot;
import java.time.Instant;

/** Small fixed events for tests. */
final class Events {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final MediaSnapshot ASSET = MediaSnapshot.builder()
      .id("6170629a4b7f5f0021a0b1c2")
      .url("https://cdn.example.com/harbour.jpg")
      .fileName("harbour.jpg")
      .mimeType("image/jpeg")
      .build();

  private Events() {}

  static MediaEvent created(String id) {
    return MediaEvent.builder(MediaEventType.CREATED).id(id).occurredAt(T0).after(ASSET).build();
  }

  static MediaEvent renamed(String id) {
    return MediaEvent.builder(MediaEventType.UPDATED).id(id).occurredAt(T0)
        .before(ASSET).after(ASSET.newBuilder().fileName("harbour-at-dusk.jpg").build()).build();
  }

  static MediaEvent deleted(String id) {
    return MediaEvent.builder(MediaEventType.DELETED).id(id).occurredAt(T0).before(ASSET).build();
  }
}
