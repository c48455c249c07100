package io.mediahooks.http;

import io.mediahooks.core.MediaEvent;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An event that could not be delivered to one endpoint: Betterez's "webhook undeliverables", as
 * a value. It keeps the event itself (by value, so a durable store can persist it) and the
 * endpoint by name, with how many attempts were made, the last status or error, the reason the
 * engine gave up and when.
 *
 * <p>The engine creates one when a delivery fails for good and hands it to the {@link
 * DeadLetterStore}; {@link MediaWebhooks#deadLetters()} lists them, {@link
 * MediaWebhooks#redeliver(String)} sends one again (a redelivery that fails again replaces the
 * entry under the same id) and {@link MediaWebhooks#discard(String)} drops one. A durable store
 * rebuilds entries with {@link #builder()}. Immutable and thread-safe.
 *
 * <pre>{@code
 * for (DeadLetter letter : webhooks.deadLetters()) {
 *   System.out.printf("%s %s -> %s: %s%n",
 *       letter.time(), letter.event().id(), letter.endpointName(), letter.reason());
 * }
 * }</pre>
 */
public final class DeadLetter {
  private final String id;
  private final String endpointName;
  private final MediaEvent event;
  private final @Nullable String eventName;
  private final int attempts;
  private final @Nullable Integer lastStatus;
  private final @Nullable String lastError;
  private final String reason;
  private final Instant time;

  private DeadLetter(Builder b, String id, String endpointName, MediaEvent event, String reason,
      Instant time) {
    this.id = id;
    this.endpointName = endpointName;
    this.event = event;
    this.eventName = b.eventName;
    this.attempts = b.attempts;
    this.lastStatus = b.lastStatus;
    this.lastError = b.lastError;
    this.reason = reason;
    this.time = time;
  }

  /**
   * Returns a builder; id, endpoint name, event, reason and time are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this entry's fields.
   *
   * @return a new builder
   */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.endpointName = endpointName;
    b.event = event;
    b.eventName = eventName;
    b.attempts = attempts;
    b.lastStatus = lastStatus;
    b.lastError = lastError;
    b.reason = reason;
    b.time = time;
    return b;
  }

  /**
   * The entry's id (a UUID), for {@link MediaWebhooks#redeliver(String)} and {@link
   * MediaWebhooks#discard(String)}.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The name of the endpoint the event was meant for.
   *
   * @return the endpoint name
   */
  public String endpointName() {
    return endpointName;
  }

  /**
   * The event, as published.
   *
   * @return the event
   */
  public MediaEvent event() {
    return event;
  }

  /**
   * The event's name in the format's vocabulary, or null when it was never rendered.
   *
   * @return the event name, or null
   */
  public @Nullable String eventName() {
    return eventName;
  }

  /**
   * How many attempts were made.
   *
   * @return the attempts, 0 when the event never reached an attempt
   */
  public int attempts() {
    return attempts;
  }

  /**
   * The HTTP status of the last answer, or null when none was received.
   *
   * @return the status, or null
   */
  public @Nullable Integer lastStatus() {
    return lastStatus;
  }

  /**
   * The last attempt's error (an I/O error, or the status line and the start of the answer's
   * body), secrets redacted; null when there was none.
   *
   * @return the error, or null
   */
  public @Nullable String lastError() {
    return lastError;
  }

  /**
   * Why the engine gave up, for example {@code "gave up after 8 attempts; last: HTTP 503"}.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }

  /**
   * When the event was dead-lettered, by the engine's clock.
   *
   * @return the time
   */
  public Instant time() {
    return time;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof DeadLetter)) {
      return false;
    }
    DeadLetter d = (DeadLetter) o;
    return id.equals(d.id) && endpointName.equals(d.endpointName) && event.equals(d.event)
        && Objects.equals(eventName, d.eventName) && attempts == d.attempts
        && Objects.equals(lastStatus, d.lastStatus) && Objects.equals(lastError, d.lastError)
        && reason.equals(d.reason) && time.equals(d.time);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "DeadLetter{" + id + ", endpoint=" + endpointName + ", event=" + event.id()
        + (eventName == null ? "" : " (" + eventName + ")") + ", attempts=" + attempts
        + (lastStatus == null ? "" : ", lastStatus=" + lastStatus) + ", reason=" + reason
        + ", time=" + time + '}';
  }

  /**
   * Builds a {@link DeadLetter}. Not thread-safe.
   *
   * <pre>{@code
   * DeadLetter letter = DeadLetter.builder()
   *     .id(row.id()).endpointName(row.endpoint()).event(row.event())
   *     .attempts(row.attempts()).lastStatus(row.status())
   *     .reason(row.reason()).time(row.time())
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String endpointName;
    private @Nullable MediaEvent event;
    private @Nullable String eventName;
    private int attempts;
    private @Nullable Integer lastStatus;
    private @Nullable String lastError;
    private @Nullable String reason;
    private @Nullable Instant time;

    private Builder() {}

    /**
     * Sets the id (required).
     *
     * @param id the id
     * @return this builder
     */
    public Builder id(String id) {
      this.id = notBlank(id, "id");
      return this;
    }

    /**
     * Sets the endpoint's name (required).
     *
     * @param endpointName the name
     * @return this builder
     */
    public Builder endpointName(String endpointName) {
      this.endpointName = notBlank(endpointName, "endpointName");
      return this;
    }

    /**
     * Sets the event (required).
     *
     * @param event the event
     * @return this builder
     */
    public Builder event(MediaEvent event) {
      this.event = Objects.requireNonNull(event, "event must not be null");
      return this;
    }

    /**
     * Sets the event's name in the format's vocabulary.
     *
     * @param eventName the name, or null
     * @return this builder
     */
    public Builder eventName(@Nullable String eventName) {
      this.eventName = eventName;
      return this;
    }

    /**
     * Sets how many attempts were made. Default 0.
     *
     * @param attempts the attempts
     * @return this builder
     * @throws IllegalArgumentException if {@code attempts} is negative
     */
    public Builder attempts(int attempts) {
      if (attempts < 0) {
        throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
      }
      this.attempts = attempts;
      return this;
    }

    /**
     * Sets the last answer's status.
     *
     * @param lastStatus the status, or null when none was received
     * @return this builder
     */
    public Builder lastStatus(@Nullable Integer lastStatus) {
      this.lastStatus = lastStatus;
      return this;
    }

    /**
     * Sets the last attempt's error, already redacted.
     *
     * @param lastError the error, or null
     * @return this builder
     */
    public Builder lastError(@Nullable String lastError) {
      this.lastError = lastError;
      return this;
    }

    /**
     * Sets why the engine gave up (required).
     *
     * @param reason the reason
     * @return this builder
     */
    public Builder reason(String reason) {
      this.reason = notBlank(reason, "reason");
      return this;
    }

    /**
     * Sets when the event was dead-lettered (required).
     *
     * @param time the time
     * @return this builder
     */
    public Builder time(Instant time) {
      this.time = Objects.requireNonNull(time, "time must not be null");
      return this;
    }

    /**
     * Builds the entry.
     *
     * @return a new immutable entry
     * @throws IllegalStateException if a required field is missing
     */
    public DeadLetter build() {
      return new DeadLetter(this, required(id, "id"), required(endpointName, "endpointName"),
          required(event, "event"), required(reason, "reason"), required(time, "time"));
    }

    private static <T> T required(@Nullable T value, String name) {
      if (value == null) {
        throw new IllegalStateException(name + " must be set before build()");
      }
      return value;
    }

    private static String notBlank(String value, String name) {
      Objects.requireNonNull(value, () -> name + " must not be null");
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }
  }
}
