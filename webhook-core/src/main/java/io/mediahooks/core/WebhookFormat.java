package io.mediahooks.core;

import java.util.Optional;

/**
 * A vendor wire format: turns a {@link MediaEvent} into the exact request body and headers one
 * kind of subscriber expects.
 *
 * <p>This is the library's main extension point. The built-in formats live in
 * {@code io.mediahooks.core.format.*} (microCMS, Betterez, Fotoware, Filerobot, CloudEvents); a
 * host can add its own. Implementations must be immutable and thread-safe (one instance renders
 * for many threads), must not do I/O, and must render from the event and attempt alone, so that
 * rendering the same inputs gives the same bytes.
 *
 * <p>A format may have no message for an event: Betterez has no update event, microCMS sends
 * {@code edit} only for re-uploads and renames. {@link #skipReason(MediaEvent)} says so cheaply,
 * before anything is queued, and {@link #render(MediaEvent, Attempt)} then returns empty. The
 * delivery engine records such an event as <em>filtered</em> with that reason, not as an error.
 * A format that cannot render an event it should have a message for (a required field is
 * missing) throws {@link FormatException}.
 *
 * <pre>{@code
 * WebhookFormat format = MicroCmsMediaFormat.create("my-service");
 * Optional<WebhookPayload> payload = format.render(event, Attempt.first(Instant.now()));
 * payload.ifPresent(p -> System.out.println(p.bodyString()));
 * }</pre>
 */
public interface WebhookFormat {

  /**
   * A short, stable name for logs and results, for example {@code "microcms"}.
   *
   * @return the format's name
   */
  String name();

  /**
   * Says why this format has no message for {@code event}, or empty when it has one. Called on
   * the host's publish path, so it must be cheap (decide from the type and changes; do not
   * render). The default has a message for every event.
   *
   * @param event the event
   * @return the reason the event is filtered, or empty
   */
  default Optional<String> skipReason(MediaEvent event) {
    return Optional.empty();
  }

  /**
   * Renders the event for one delivery attempt. Called again for every attempt, because some
   * formats put the attempt's id or time in the body.
   *
   * @param event the event
   * @param attempt the delivery attempt
   * @return the payload, or empty exactly when {@link #skipReason(MediaEvent)} is present
   * @throws FormatException if the event lacks data the vendor requires; the message names it
   */
  Optional<WebhookPayload> render(MediaEvent event, Attempt attempt);
}
