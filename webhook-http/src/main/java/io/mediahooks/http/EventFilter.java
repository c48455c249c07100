package io.mediahooks.http;

import io.mediahooks.core.MediaChange;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which events an endpoint receives: the subscription side of a webhook (Filerobot's triggers,
 * microCMS's timings, Fotoware's one URL per event kind).
 *
 * <p>Get one from a static factory and combine with {@link #and}, {@link #or} and {@link
 * #negate}:
 * <ul>
 *   <li>{@link #all()}: every event (the default of an endpoint);
 *   <li>{@link #types(MediaEventType...)}: events of any of these types;
 *   <li>{@link #changes(MediaChange...)}: events with any of these changes. Only updates have
 *       changes unless the host sets them, so this matches no creation or deletion;
 *   <li>{@link #where(String, Predicate)}: a host's own rule, with a description for results.
 * </ul>
 *
 * <p>The filter runs on the host's thread inside {@code publish}, so it must be cheap and must
 * not block. An event it does not match ends as {@link DeliveryResult.Outcome#FILTERED} for that
 * endpoint, with a reason naming the filter ({@link #toString()}). Immutable and thread-safe if
 * the predicates given to {@link #where} are.
 *
 * <pre>{@code
 * // Filerobot "On upload" and "On rename" triggers
 * EventFilter triggers = EventFilter.types(MediaEventType.CREATED)
 *     .or(EventFilter.changes(MediaChange.RENAME));
 * }</pre>
 */
public final class EventFilter {
  private static final EventFilter ALL = new EventFilter(e -> true, "all()");

  private final Predicate<MediaEvent> predicate;
  private final String description;

  private EventFilter(Predicate<MediaEvent> predicate, String description) {
    this.predicate = predicate;
    this.description = description;
  }

  /**
   * Matches every event.
   *
   * @return the filter
   */
  public static EventFilter all() {
    return ALL;
  }

  /**
   * Matches events of any of the given types.
   *
   * @param types one or more types
   * @return the filter
   * @throws NullPointerException if {@code types} or an element is null
   * @throws IllegalArgumentException if no type is given
   */
  public static EventFilter types(MediaEventType... types) {
    Set<MediaEventType> set = enumSet(MediaEventType.class, types, "types");
    return new EventFilter(e -> set.contains(e.type()), "types" + names(set));
  }

  /**
   * Matches events whose {@link MediaEvent#changes()} contain any of the given changes.
   *
   * @param changes one or more changes
   * @return the filter
   * @throws NullPointerException if {@code changes} or an element is null
   * @throws IllegalArgumentException if no change is given
   */
  public static EventFilter changes(MediaChange... changes) {
    Set<MediaChange> set = enumSet(MediaChange.class, changes, "changes");
    return new EventFilter(e -> {
      for (MediaChange c : e.changes()) {
        if (set.contains(c)) {
          return true;
        }
      }
      return false;
    }, "changes" + names(set));
  }

  /**
   * Matches events the predicate accepts. The description names the rule in filtered results
   * and logs.
   *
   * @param description what the rule accepts, for example {@code "images only"}
   * @param predicate the rule; cheap, non-blocking and thread-safe
   * @return the filter
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code description} is blank
   */
  public static EventFilter where(String description, Predicate<MediaEvent> predicate) {
    Objects.requireNonNull(description, "description must not be null");
    Objects.requireNonNull(predicate, "predicate must not be null");
    if (description.isBlank()) {
      throw new IllegalArgumentException("description must not be blank");
    }
    return new EventFilter(predicate, "where(" + description + ")");
  }

  /**
   * Matches events both filters match.
   *
   * @param other the other filter
   * @return the combined filter
   * @throws NullPointerException if {@code other} is null
   */
  public EventFilter and(EventFilter other) {
    Objects.requireNonNull(other, "other must not be null");
    Predicate<MediaEvent> a = predicate;
    Predicate<MediaEvent> b = other.predicate;
    return new EventFilter(e -> a.test(e) && b.test(e),
        "(" + description + " and " + other.description + ")");
  }

  /**
   * Matches events either filter matches.
   *
   * @param other the other filter
   * @return the combined filter
   * @throws NullPointerException if {@code other} is null
   */
  public EventFilter or(EventFilter other) {
    Objects.requireNonNull(other, "other must not be null");
    Predicate<MediaEvent> a = predicate;
    Predicate<MediaEvent> b = other.predicate;
    return new EventFilter(e -> a.test(e) || b.test(e),
        "(" + description + " or " + other.description + ")");
  }

  /**
   * Matches events this filter does not match.
   *
   * @return the negated filter
   */
  public EventFilter negate() {
    Predicate<MediaEvent> a = predicate;
    return new EventFilter(e -> !a.test(e), "not(" + description + ")");
  }

  /**
   * Whether the endpoint should receive {@code event}.
   *
   * @param event the event
   * @return true to deliver it
   */
  public boolean matches(MediaEvent event) {
    return predicate.test(event);
  }

  /**
   * The filter as an expression, for example {@code (types[CREATED] or changes[RENAME])}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return description;
  }

  private static <E extends Enum<E>> Set<E> enumSet(Class<E> type, E[] values, String name) {
    Objects.requireNonNull(values, () -> name + " must not be null");
    if (values.length == 0) {
      throw new IllegalArgumentException(name + " must name at least one value");
    }
    EnumSet<E> set = EnumSet.noneOf(type);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        throw new NullPointerException(name + "[" + i + "] must not be null");
      }
      set.add(values[i]);
    }
    return set;
  }

  private static String names(Set<? extends Enum<?>> set) {
    return set.stream().map(Enum::name).collect(Collectors.joining(", ", "[", "]"));
  }

}
