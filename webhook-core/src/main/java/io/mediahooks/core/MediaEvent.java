package io.mediahooks.core;

import io.mediahooks.core.internal.ChangeSets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One change to one asset, as the host's media code saw it: the thing every format renders.
 *
 * <p>An event has an {@link #id()} that stays the same for every subscriber and every delivery
 * attempt (receivers deduplicate on it), a {@link #type()}, the snapshots {@link #before()} and
 * {@link #after()}, the {@link #changes()} within an update, when it happened, where
 * ({@link #source()}) and who did it ({@link #actor()}).
 *
 * <p>The type fixes the snapshots: {@link MediaEventType#CREATED} has {@code after} and no
 * {@code before}; {@link MediaEventType#DELETED} has {@code before} and no {@code after};
 * {@link MediaEventType#UPDATED} has both. {@link Builder#build()} rejects anything else with an
 * {@link IllegalArgumentException} naming the field. An update built without explicit changes gets
 * those derived by {@link MediaChanges#between(MediaSnapshot, MediaSnapshot)}.
 *
 * <p>Defaults: a random UUID id, {@link Instant#now()} as occurrence time, {@link
 * EventSource#unspecified()}, no actor. Get one with {@link #created(MediaSnapshot)}, {@link
 * #updated(MediaSnapshot, MediaSnapshot)}, {@link #deleted(MediaSnapshot)} or {@link
 * #builder(MediaEventType)}. Instances are immutable and thread-safe. An update's change kinds
 * are derived when it is built (about 0.2 us), while the snapshots are still in the host's cache;
 * the field-level {@link #diff()} is computed once, on first use.
 *
 * <pre>{@code
 * MediaEvent event = MediaEvent.builder(MediaEventType.UPDATED)
 *     .before(before)
 *     .after(before.newBuilder().fileName("harbour-at-dusk.jpg").build())
 *     .source(EventSource.of("acme-media"))
 *     .actor("user-42")
 *     .build();
 * assert event.changes().equals(Set.of(MediaChange.RENAME));
 * }</pre>
 */
public final class MediaEvent {
  private final String id;
  private final MediaEventType type;
  private final @Nullable Set<MediaChange> explicitChanges;
  private final Instant occurredAt;
  private final EventSource source;
  private final @Nullable String actor;
  private final @Nullable MediaSnapshot before;
  private final @Nullable MediaSnapshot after;
  // Derived lazily: most publishes never look at the field diff, and building an event sits on
  // the host's hot path. Racy single-check: MediaChanges is immutable, so a duplicate is harmless.
  private @Nullable MediaChanges diff;
  // The change kinds alone, derived when the event is built: filters and formats read them on
  // the host's thread inside publish, where the snapshots are no longer in cache (measured: 3 us
  // of a 1 ms-idle publish); here the host has just touched them, and it costs ~0.1-0.3 us.
  private final Set<MediaChange> derivedChanges;

  private MediaEvent(Builder b, MediaEventType type) {
    this.id = b.id != null ? b.id : UUID.randomUUID().toString();
    this.type = type;
    this.explicitChanges =
        b.changes == null ? null : ChangeSets.shared(b.changes);
    this.occurredAt = b.occurredAt != null ? b.occurredAt : Instant.now();
    this.source = b.source;
    this.actor = b.actor;
    this.before = b.before;
    this.after = b.after;
    this.derivedChanges = explicitChanges == null && type == MediaEventType.UPDATED
        && before != null && after != null ? MediaChanges.kinds(before, after) : ChangeSets.of(0);
  }

  /**
   * Returns a {@link MediaEventType#CREATED} event with default id, time and source.
   *
   * @param after the new asset
   * @return a new event
   * @throws NullPointerException if {@code after} is null
   */
  public static MediaEvent created(MediaSnapshot after) {
    return builder(MediaEventType.CREATED).after(Checks.notNull(after, "after")).build();
  }

  /**
   * Returns an {@link MediaEventType#UPDATED} event whose changes are derived from the snapshots.
   *
   * @param before the asset before the change
   * @param after the asset after the change
   * @return a new event
   * @throws NullPointerException if either snapshot is null
   */
  public static MediaEvent updated(MediaSnapshot before, MediaSnapshot after) {
    return builder(MediaEventType.UPDATED)
        .before(Checks.notNull(before, "before"))
        .after(Checks.notNull(after, "after"))
        .build();
  }

  /**
   * Returns a {@link MediaEventType#DELETED} event with default id, time and source.
   *
   * @param before the asset as it was before deletion
   * @return a new event
   * @throws NullPointerException if {@code before} is null
   */
  public static MediaEvent deleted(MediaSnapshot before) {
    return builder(MediaEventType.DELETED).before(Checks.notNull(before, "before")).build();
  }

  /**
   * Returns a builder for an event of the given type.
   *
   * @param type the event type
   * @return a new builder
   * @throws NullPointerException if {@code type} is null
   */
  public static Builder builder(MediaEventType type) {
    return new Builder().type(type);
  }

  /**
   * Returns a builder with no type set yet; {@link Builder#type(MediaEventType)} must be called
   * before {@link Builder#build()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this event's fields (id included), to derive a variant.
   *
   * @return a new builder
   */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.type = type;
    if (explicitChanges != null) {
      // Not EnumSet.copyOf: it throws for an empty collection that is not itself an EnumSet.
      EnumSet<MediaChange> copy = EnumSet.noneOf(MediaChange.class);
      copy.addAll(explicitChanges);
      b.changes = copy;
    }
    b.occurredAt = occurredAt;
    b.source = source;
    b.actor = actor;
    b.before = before;
    b.after = after;
    return b;
  }

  /**
   * The event id: the same for every subscriber and every attempt.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * What happened.
   *
   * @return the type
   */
  public MediaEventType type() {
    return type;
  }

  /**
   * The kinds of change: the ones given to the builder, or for an update without them the ones
   * derived from the snapshots. Empty for created and deleted events unless given. Unmodifiable.
   *
   * @return the changes
   */
  public Set<MediaChange> changes() {
    if (explicitChanges != null) {
      return explicitChanges;
    }
    return derivedChanges;
  }

  /**
   * The field-level diff between {@link #before()} and {@link #after()}; {@link
   * MediaChanges#none()} unless this is an update.
   *
   * @return the diff
   */
  public MediaChanges diff() {
    MediaChanges d = diff;
    if (d == null) {
      d = before != null && after != null ? MediaChanges.between(before, after)
          : MediaChanges.none();
      diff = d;
    }
    return d;
  }

  /**
   * When the change happened.
   *
   * @return the occurrence time
   */
  public Instant occurredAt() {
    return occurredAt;
  }

  /**
   * Where the change happened.
   *
   * @return the source
   */
  public EventSource source() {
    return source;
  }

  /**
   * Who made the change (a user id), or null.
   *
   * @return the actor
   */
  public @Nullable String actor() {
    return actor;
  }

  /**
   * The asset before the change: set for updates and deletions, null for creations.
   *
   * @return the earlier snapshot, or null
   */
  public @Nullable MediaSnapshot before() {
    return before;
  }

  /**
   * The asset after the change: set for creations and updates, null for deletions.
   *
   * @return the later snapshot, or null
   */
  public @Nullable MediaSnapshot after() {
    return after;
  }

  /**
   * The most recent state: {@link #after()}, or {@link #before()} for a deletion.
   *
   * @return the latest snapshot, never null
   */
  public MediaSnapshot latest() {
    return Objects.requireNonNull(after != null ? after : before);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MediaEvent)) {
      return false;
    }
    MediaEvent e = (MediaEvent) o;
    return id.equals(e.id)
        && type == e.type
        && Objects.equals(explicitChanges, e.explicitChanges)
        && occurredAt.equals(e.occurredAt)
        && source.equals(e.source)
        && Objects.equals(actor, e.actor)
        && Objects.equals(before, e.before)
        && Objects.equals(after, e.after);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "MediaEvent{id=" + id + ", type=" + type + ", changes=" + changes() + ", asset="
        + latest() + '}';
  }

  /**
   * Builds a {@link MediaEvent}. Not thread-safe; the built event is.
   *
   * <pre>{@code
   * MediaEvent event = MediaEvent.builder(MediaEventType.DELETED)
   *     .id("2e32d603-a379-46f9-9393-ba4d1859e2fe")
   *     .occurredAt(Instant.parse("2021-10-20T18:43:54Z"))
   *     .before(snapshot)
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable MediaEventType type;
    private @Nullable EnumSet<MediaChange> changes;
    private @Nullable Instant occurredAt;
    private EventSource source = EventSource.unspecified();
    private @Nullable String actor;
    private @Nullable MediaSnapshot before;
    private @Nullable MediaSnapshot after;

    private Builder() {}

    /**
     * Sets the event id. Default: a random UUID.
     *
     * @param id the id
     * @return this builder
     * @throws IllegalArgumentException if {@code id} is blank
     * @throws NullPointerException if {@code id} is null
     */
    public Builder id(String id) {
      this.id = Checks.notBlank(id, "id");
      return this;
    }

    /**
     * Sets the event type.
     *
     * @param type the type
     * @return this builder
     * @throws NullPointerException if {@code type} is null
     */
    public Builder type(MediaEventType type) {
      this.type = Checks.notNull(type, "type");
      return this;
    }

    /**
     * Sets the changes explicitly, replacing derived ones.
     *
     * @param changes the changes; may be empty
     * @return this builder
     * @throws NullPointerException if {@code changes} or an element is null
     */
    public Builder changes(Collection<MediaChange> changes) {
      Checks.notNull(changes, "changes");
      EnumSet<MediaChange> set = EnumSet.noneOf(MediaChange.class);
      for (MediaChange c : changes) {
        set.add(Checks.notNull(c, "changes element"));
      }
      this.changes = set;
      return this;
    }

    /**
     * Sets the changes explicitly, replacing derived ones.
     *
     * @param changes the changes
     * @return this builder
     * @throws NullPointerException if an element is null
     */
    public Builder changes(MediaChange... changes) {
      Checks.notNull(changes, "changes");
      return changes(Arrays.asList(changes));
    }

    /**
     * Goes back to deriving the changes from the snapshots (the default).
     *
     * @return this builder
     */
    public Builder deriveChanges() {
      this.changes = null;
      return this;
    }

    /**
     * Sets when the change happened. Default: the time {@link #build()} is called.
     *
     * @param occurredAt the time
     * @return this builder
     * @throws NullPointerException if {@code occurredAt} is null
     */
    public Builder occurredAt(Instant occurredAt) {
      this.occurredAt = Checks.notNull(occurredAt, "occurredAt");
      return this;
    }

    /**
     * Sets where the change happened. Default: {@link EventSource#unspecified()}.
     *
     * @param source the source
     * @return this builder
     * @throws NullPointerException if {@code source} is null
     */
    public Builder source(EventSource source) {
      this.source = Checks.notNull(source, "source");
      return this;
    }

    /**
     * Sets who made the change.
     *
     * @param actor a user id, or null
     * @return this builder
     */
    public Builder actor(@Nullable String actor) {
      this.actor = Checks.nullOrNotBlank(actor, "actor");
      return this;
    }

    /**
     * Sets the state before the change (updates and deletions).
     *
     * @param before the snapshot, or null
     * @return this builder
     */
    public Builder before(@Nullable MediaSnapshot before) {
      this.before = before;
      return this;
    }

    /**
     * Sets the state after the change (creations and updates).
     *
     * @param after the snapshot, or null
     * @return this builder
     */
    public Builder after(@Nullable MediaSnapshot after) {
      this.after = after;
      return this;
    }

    /**
     * Builds the event after checking the type's snapshot rules.
     *
     * @return a new immutable event
     * @throws IllegalStateException if no type was set
     * @throws IllegalArgumentException if the snapshots do not fit the type; the message names
     *     the field ({@code before} or {@code after})
     */
    public MediaEvent build() {
      MediaEventType t = type;
      if (t == null) {
        throw new IllegalStateException("type must be set before build()");
      }
      switch (t) {
        case CREATED:
          require(after != null, "after", "a CREATED event needs the new asset in 'after'");
          require(before == null, "before", "a CREATED event must not have 'before'");
          break;
        case DELETED:
          require(before != null, "before", "a DELETED event needs the removed asset in 'before'");
          require(after == null, "after", "a DELETED event must not have 'after'");
          break;
        default:
          require(before != null, "before", "an UPDATED event needs 'before'");
          require(after != null, "after", "an UPDATED event needs 'after'");
      }
      return new MediaEvent(this, t);
    }

    private static void require(boolean ok, String field, String message) {
      if (!ok) {
        throw new IllegalArgumentException(field + ": " + message);
      }
    }
  }
}
