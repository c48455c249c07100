package io.mediahooks.core.format.betterez;

import io.mediahooks.core.Attempt;
import io.mediahooks.core.EventSource;
import io.mediahooks.core.FormatException;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.WebhookFormat;
import io.mediahooks.core.WebhookPayload;
import io.mediahooks.core.internal.ChangeSets;
import io.mediahooks.core.internal.PayloadAccess;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Betterez's image webhooks, {@code images.created} and {@code images.deleted}, byte for byte.
 *
 * <p>Rules, with their marks in {@code wire-formats.md} section 4 ([C] confirmed by the vendor
 * docs B1 to B5, [I] inferred, [?] unknown):
 *
 * <ul>
 *   <li>Envelope keys {@code attemptId}, {@code created}, {@code data}, {@code event}, {@code id},
 *       {@code livemode}, in that (alphabetical) order, as every example in B1 prints them; the
 *       wire order itself is [?], and alphabetical is the order a receiver comparing against the
 *       docs sees.
 *   <li>{@code id} is {@link MediaEvent#id()}: the same for every subscriber and every attempt
 *       [C]. {@code attemptId} is {@link Attempt#id()}: "totally unique" per posting [C], so new
 *       for every delivery attempt (that it also changes on a resend is [I]). Both are UUIDs in
 *       the docs; the ids given are sent as they are.
 *   <li>{@code created} is an integer: the unix seconds of {@link Attempt#time()}, when this
 *       webhook is emitted [C integer seconds; the internal queue carries milliseconds, so the
 *       worker converts, I].
 *   <li>{@code livemode} is a boolean from {@link EventSource#liveMode()}, true by default [C].
 *   <li>{@code event} is {@code images.created} or {@code images.deleted} [C], also the payload's
 *       event name. Betterez has no update event: an {@link MediaEventType#UPDATED} event is
 *       filtered with a reason from {@link #skipReason(MediaEvent)}.
 *   <li>{@code images.created} {@code data} keys, in order [C]: {@code _id} ({@link
 *       MediaSnapshot#id()}), {@code accountId}, {@code url} ({@link MediaSnapshot#url()},
 *       required), {@code createdBy}, {@code updatedBy}, {@code createdAt}, {@code updatedAt}.
 *       Dates are objects {@code {"value": "2021-10-20T18:42:50.342Z", "offset": 0}}: an ISO-8601
 *       UTC string with exactly three fraction digits (JavaScript {@code toISOString}, so sub-
 *       millisecond digits are dropped) and the offset in minutes, always {@code 0} here [C].
 *   <li>{@code images.deleted} {@code data} is exactly {@code {"imageId": <id>}}, not the deleted
 *       document [C].
 *   <li>Image ids are MongoDB ObjectIds, 24 lowercase hex digits [C]. A snapshot id of another
 *       shape is a {@link FormatException}, because a Betterez receiver looks images up by it;
 *       {@link Builder#passThroughIds(boolean)} sends any non-blank id unchanged instead.
 *   <li>{@code accountId} comes from the format ({@link Builder#accountId(String)}) or else the
 *       event's {@link EventSource#accountId()}; with neither it is a {@link FormatException}.
 *   <li>Betterez's example always has {@code createdBy} and {@code updatedBy} (user ids) and both
 *       dates, and a receiver reads them as strings, so they are never sent as null or left out.
 *       When the snapshot lacks them they fall back, in order: {@code createdBy} to {@link
 *       MediaSnapshot#createdBy()}, the event's {@link MediaEvent#actor()}, {@link
 *       MediaSnapshot#modifiedBy()}; {@code updatedBy} to {@link MediaSnapshot#modifiedBy()}, the
 *       actor, {@link MediaSnapshot#createdBy()} (on a fresh image its creator is its last
 *       updater, as in the vendor's example where both are the same user); with none of them it
 *       is a {@link FormatException}. {@code createdAt} falls back from {@link
 *       MediaSnapshot#createdAt()} to the event's {@link MediaEvent#occurredAt()}, and
 *       {@code updatedAt} from {@link MediaSnapshot#modifiedAt()} to that {@code createdAt}
 *       (a new document's two dates are equal, as in the example).
 *   <li>Bytes: compact {@code JSON.stringify} output (no whitespace, {@code /} and non-ASCII
 *       unescaped). The signature ({@code x-btrz-signature}, added by the delivery layer's
 *       signer, not here) is an HMAC over {@code t + "." + body}, and B3 tells receivers to
 *       re-{@code JSON.stringify} the parsed body before verifying; any other byte form fails
 *       there [C advice, I consequence]. {@code Content-Type: application/json} (the header
 *       value is not documented [I]); no other header.
 * </ul>
 *
 * <p>Get one with {@link #create()} or {@link #builder()}. Defaults: account id from each event,
 * ObjectId check on. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * WebhookFormat format = BetterezImagesFormat.create();
 * WebhookFormat fixedAccount = BetterezImagesFormat.builder()
 *     .accountId("52a377ec430c7d4e220001fc")
 *     .build();
 * }</pre>
 */
public final class BetterezImagesFormat implements WebhookFormat {
  /**
   * Skip reasons by the mask of the update's changes, built once each: skipReason runs inside
   * publish. The same for every instance.
   */
  private static final ChangeSets.TextCache REASONS =
      new ChangeSets.TextCache(ChangeSets.COMBINATIONS);

  private final @Nullable String accountId;
  private final boolean passThroughIds;

  private BetterezImagesFormat(Builder b) {
    this.accountId = b.accountId;
    this.passThroughIds = b.passThroughIds;
  }

  /**
   * Returns the format with the defaults: account id from each event's {@link
   * EventSource#accountId()}, image ids checked to be ObjectIds.
   *
   * @return a new format
   */
  public static BetterezImagesFormat create() {
    return builder().build();
  }

  /**
   * Returns a builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this format's settings.
   *
   * @return a new builder
   */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.accountId = accountId;
    b.passThroughIds = passThroughIds;
    return b;
  }

  /**
   * The configured account id, or null when each event's source provides it.
   *
   * @return the account id, or null
   */
  public @Nullable String accountId() {
    return accountId;
  }

  /**
   * Whether image ids are sent unchecked instead of having to be ObjectIds.
   *
   * @return true when ids are passed through
   */
  public boolean passesThroughIds() {
    return passThroughIds;
  }

  /**
   * Returns {@code "betterez"}.
   *
   * @return the format's name
   */
  @Override
  public String name() {
    return "betterez";
  }

  /**
   * Says why an update has no message: Betterez has no image update event.
   *
   * @param event the event
   * @return the reason for updates, empty for creations and deletions
   * @throws NullPointerException if {@code event} is null
   */
  @Override
  public Optional<String> skipReason(MediaEvent event) {
    Objects.requireNonNull(event, "event must not be null");
    if (event.type() == MediaEventType.UPDATED) {
      int mask = ChangeSets.mask(event.changes());
      String reason = REASONS.get(mask);
      return Optional.of(reason != null ? reason
          : REASONS.put(mask, "betterez: has no image update event (only images.created and"
              + " images.deleted); this update is " + ChangeSets.of(mask)));
    }
    return Optional.empty();
  }

  /**
   * Renders the event as a Betterez webhook for one delivery attempt.
   *
   * @param event the event
   * @param attempt the attempt, whose id and time go into {@code attemptId} and {@code created}
   * @return the payload, or empty exactly when {@link #skipReason(MediaEvent)} is present
   * @throws NullPointerException if an argument is null
   * @throws FormatException if the image id is missing or not an ObjectId (unless passed
   *     through), or the account id, URL or user ids are missing; the message names the field
   *     and where to set it
   */
  @Override
  public Optional<WebhookPayload> render(MediaEvent event, Attempt attempt) {
    Objects.requireNonNull(event, "event must not be null");
    Objects.requireNonNull(attempt, "attempt must not be null");
    if (skipReason(event).isPresent()) {
      return Optional.empty();
    }
    BetterezBody body = new BetterezBody(event, attempt, accountId, passThroughIds);
    String eventName = body.eventName();
    return Optional.of(
        PayloadAccess.builder(eventName, "application/json", body.render()).build());
  }

  @Override
  public String toString() {
    return "BetterezImagesFormat{accountId=" + accountId + ", passThroughIds=" + passThroughIds
        + '}';
  }

  /**
   * Builds a {@link BetterezImagesFormat}. Not thread-safe; the built format is.
   *
   * <pre>{@code
   * BetterezImagesFormat format = BetterezImagesFormat.builder()
   *     .accountId("52a377ec430c7d4e220001fc")
   *     .passThroughIds(true)   // the host's image ids are not ObjectIds
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable String accountId;
    private boolean passThroughIds;

    private Builder() {}

    /**
     * Sets the account id sent as {@code data.accountId} of {@code images.created}; null (the
     * default) takes it from each event's {@link EventSource#accountId()}.
     *
     * @param accountId the Betterez account id, or null
     * @return this builder
     * @throws IllegalArgumentException if {@code accountId} is blank
     */
    public Builder accountId(@Nullable String accountId) {
      if (accountId != null && accountId.isBlank()) {
        throw new IllegalArgumentException(
            "accountId must not be blank (pass null to take it from each event's source)");
      }
      this.accountId = accountId;
      return this;
    }

    /**
     * Whether to send image ids unchecked (true) instead of requiring 24-hex-digit MongoDB
     * ObjectIds (false, the default). Turn on only when the receiver is known to accept the
     * host's own ids.
     *
     * @param passThroughIds true to skip the ObjectId check
     * @return this builder
     */
    public Builder passThroughIds(boolean passThroughIds) {
      this.passThroughIds = passThroughIds;
      return this;
    }

    /**
     * Builds the format.
     *
     * @return a new immutable format
     */
    public BetterezImagesFormat build() {
      return new BetterezImagesFormat(this);
    }
  }
}
