package io.mediahooks.core;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One delivery attempt of one event to one endpoint, as a format sees it.
 *
 * <p>Some formats put the attempt in the body: Betterez's {@code attemptId} is new for every
 * posting while the event {@code id} stays, and several formats stamp the body with the attempt's
 * clock time. The delivery engine creates one per attempt from its injected clock and random
 * source, so tests get fixed values.
 *
 * <p>Get one with {@link #of(int, String, Instant)} or {@link #first(Instant)}. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * Attempt attempt = Attempt.of(1, "20ebdb3d-85e1-47a4-a81d-7b6c7dd1a481",
 *     Instant.parse("2021-10-20T18:43:54Z"));
 * Optional<WebhookPayload> payload = format.render(event, attempt);
 * }</pre>
 */
public final class Attempt {
  private final int number;
  private final String id;
  private final Instant time;

  private Attempt(int number, String id, Instant time) {
    this.number = number;
    this.id = id;
    this.time = time;
  }

  /**
   * Returns an attempt.
   *
   * @param number the attempt number, 1 for the first
   * @param id a unique id for this attempt (a UUID string)
   * @param time when the attempt is made
   * @return a new attempt
   * @throws IllegalArgumentException if {@code number} is below 1 or {@code id} is blank
   * @throws NullPointerException if {@code id} or {@code time} is null
   */
  public static Attempt of(int number, String id, Instant time) {
    if (number < 1) {
      throw new IllegalArgumentException("number must be at least 1, was " + number);
    }
    return new Attempt(number, Checks.notBlank(id, "id"), Checks.notNull(time, "time"));
  }

  /**
   * Returns a first attempt with a random id, for rendering outside a delivery (previews, tests
   * that do not look at the id).
   *
   * @param time when the attempt is made
   * @return a new first attempt
   * @throws NullPointerException if {@code time} is null
   */
  public static Attempt first(Instant time) {
    return of(1, UUID.randomUUID().toString(), time);
  }

  /**
   * The attempt number, 1 for the first.
   *
   * @return the number
   */
  public int number() {
    return number;
  }

  /**
   * The attempt's unique id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * When the attempt is made.
   *
   * @return the time
   */
  public Instant time() {
    return time;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Attempt
        && number == ((Attempt) o).number
        && id.equals(((Attempt) o).id)
        && time.equals(((Attempt) o).time);
  }

  @Override
  public int hashCode() {
    return Objects.hash(number, id, time);
  }

  @Override
  public String toString() {
    return "Attempt{number=" + number + ", id=" + id + ", time=" + time + '}';
  }
}
