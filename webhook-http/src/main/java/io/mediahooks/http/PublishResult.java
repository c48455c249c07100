package io.mediahooks.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How one event ended for every endpoint of a {@link MediaWebhooks}: one {@link DeliveryResult}
 * per endpoint, in the order the endpoints were configured.
 *
 * <p>The future returned by {@link MediaWebhooks#publish} completes with one when the last
 * endpoint's delivery has ended (which, with the default retry schedule, can be a day later);
 * {@link MediaWebhooks#deliver} returns one directly. Immutable and thread-safe.
 *
 * <pre>{@code
 * PublishResult result = webhooks.deliver(event);
 * if (result.hasDeadLetters()) {
 *   result.deadLettered().forEach(r -> log.warn("{}: {}", r.endpointName(), r.reason()));
 * }
 * }</pre>
 */
public final class PublishResult {
  private final String eventId;
  private final List<DeliveryResult> results;

  private PublishResult(String eventId, List<DeliveryResult> results) {
    this.eventId = eventId;
    this.results = results;
  }

  /**
   * Returns a result.
   *
   * @param eventId the event's id
   * @param results one result per endpoint, in endpoint order
   * @return the result
   * @throws NullPointerException if an argument or an element is null
   * @throws IllegalArgumentException if a result is for another event
   */
  public static PublishResult of(String eventId, List<DeliveryResult> results) {
    Objects.requireNonNull(eventId, "eventId must not be null");
    List<DeliveryResult> copy = List.copyOf(results);
    for (DeliveryResult r : copy) {
      if (!r.eventId().equals(eventId)) {
        throw new IllegalArgumentException(
            "results must all be for event " + eventId + ", found " + r.eventId());
      }
    }
    return new PublishResult(eventId, copy);
  }

  /**
   * The event's id.
   *
   * @return the id
   */
  public String eventId() {
    return eventId;
  }

  /**
   * One result per endpoint, in endpoint order. Unmodifiable.
   *
   * @return the results
   */
  public List<DeliveryResult> results() {
    return results;
  }

  /**
   * The result for one endpoint.
   *
   * @param endpointName the endpoint's name
   * @return the result, or empty when there is no endpoint of that name
   */
  public Optional<DeliveryResult> result(String endpointName) {
    for (DeliveryResult r : results) {
      if (r.endpointName().equals(endpointName)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * The delivered results.
   *
   * @return the results whose outcome is {@link DeliveryResult.Outcome#DELIVERED}
   */
  public List<DeliveryResult> delivered() {
    return with(DeliveryResult.Outcome.DELIVERED);
  }

  /**
   * The filtered results.
   *
   * @return the results whose outcome is {@link DeliveryResult.Outcome#FILTERED}
   */
  public List<DeliveryResult> filtered() {
    return with(DeliveryResult.Outcome.FILTERED);
  }

  /**
   * The dead-lettered results.
   *
   * @return the results whose outcome is {@link DeliveryResult.Outcome#DEAD_LETTERED}
   */
  public List<DeliveryResult> deadLettered() {
    return with(DeliveryResult.Outcome.DEAD_LETTERED);
  }

  /**
   * Whether any endpoint dead-lettered the event.
   *
   * @return true if at least one result is dead-lettered
   */
  public boolean hasDeadLetters() {
    for (DeliveryResult r : results) {
      if (r.isDeadLettered()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether every endpoint that was meant to receive the event received it: no result is
   * dead-lettered and at least one is delivered.
   *
   * @return true when delivered everywhere it was not filtered
   */
  public boolean allDelivered() {
    return !hasDeadLetters() && !delivered().isEmpty();
  }

  private List<DeliveryResult> with(DeliveryResult.Outcome outcome) {
    List<DeliveryResult> out = new ArrayList<>();
    for (DeliveryResult r : results) {
      if (r.outcome() == outcome) {
        out.add(r);
      }
    }
    return out;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PublishResult && eventId.equals(((PublishResult) o).eventId)
        && results.equals(((PublishResult) o).results);
  }

  @Override
  public int hashCode() {
    return eventId.hashCode() * 31 + results.hashCode();
  }

  @Override
  public String toString() {
    return "PublishResult{event=" + eventId + ", " + results + '}';
  }
}
