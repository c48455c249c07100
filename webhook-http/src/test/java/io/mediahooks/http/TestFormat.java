package io.mediahooks.http;

import io.mediahooks.core.Attempt;
import io.mediahooks.core.FormatException;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.WebhookFormat;
import io.mediahooks.core.WebhookPayload;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A test-local format: JSON with the event id, the attempt's number, id and epoch second, like
 * Betterez's envelope ({@code id} stays, {@code attemptId} changes per attempt). Optionally
 * declines deletions (as Betterez has no update event) or throws {@link FormatException}.
 */
final class TestFormat implements WebhookFormat {
  private final boolean skipDeletions;
  private final boolean failToRender;

  private TestFormat(boolean skipDeletions, boolean failToRender) {
    this.skipDeletions = skipDeletions;
    this.failToRender = failToRender;
  }

  static TestFormat create() {
    return new TestFormat(false, false);
  }

  static TestFormat skippingDeletions() {
    return new TestFormat(true, false);
  }

  static TestFormat failing() {
    return new TestFormat(false, true);
  }

  @Override
  public String name() {
    return "test";
  }

  @Override
  public Optional<String> skipReason(MediaEvent event) {
    return skipDeletions && event.type() == MediaEventType.DELETED
        ? Optional.of("no message for deletions") : Optional.empty();
  }

  @Override
  public Optional<WebhookPayload> render(MediaEvent event, Attempt attempt) {
    if (failToRender) {
      throw new FormatException("test: fileName missing: set MediaSnapshot.fileName");
    }
    if (skipReason(event).isPresent()) {
      return Optional.empty();
    }
    String json = "{\"id\":\"" + event.id() + "\",\"attemptId\":\"" + attempt.id()
        + "\",\"attempt\":" + attempt.number() + ",\"created\":"
        + attempt.time().getEpochSecond() + ",\"name\":\"caf\u00e9 d\u00e9j\u00e0\"}";
    return Optional.of(WebhookPayload.builder(
            "test." + event.type().name().toLowerCase(java.util.Locale.ROOT),
            "application/json", json.getBytes(StandardCharsets.UTF_8))
        .header("User-Agent", "TestFormat/1.0")
        .build());
  }
}
