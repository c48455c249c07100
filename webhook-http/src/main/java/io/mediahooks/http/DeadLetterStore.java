package io.mediahooks.http;

import io.mediahooks.http.internal.InMemoryDeadLetterStore;
import java.util.List;
import java.util.Optional;

/**
 * Where events that could not be delivered are kept until a person or a job redelivers or
 * discards them.
 *
 * <p>The default, {@link #inMemory()}, keeps up to {@value #DEFAULT_CAPACITY} entries in the
 * heap; when full, the oldest entry is evicted and a warning naming it is logged, so the store
 * cannot exhaust memory while receivers are down. A host that must not lose undeliverable events
 * across restarts implements this interface on a database table (an outbox): entries hold the
 * event by value and the endpoint by name, so they survive a restart and a reconfiguration.
 *
 * <p>The engine calls {@link #add} from its worker threads; {@link MediaWebhooks} calls the
 * other methods from the host's threads. Implementations must be thread-safe and should be fast
 * (a slow store slows delivery). Exceptions from {@link #add} are logged and noted in the
 * delivery's result; they never reach the host.
 *
 * <pre>{@code
 * MediaWebhooks webhooks = MediaWebhooks.builder()
 *     .endpoint(endpoint)
 *     .deadLetterStore(DeadLetterStore.inMemory(50_000))
 *     .build();
 * }</pre>
 */
public interface DeadLetterStore {
  /** How many entries {@link #inMemory()} keeps: 10,000. */
  int DEFAULT_CAPACITY = 10_000;

  /**
   * Stores an entry. An entry whose id equals an existing one's replaces it (a redelivery that
   * failed again), keeping its place in the list.
   *
   * @param letter the entry
   */
  void add(DeadLetter letter);

  /**
   * The entries, oldest first. A snapshot: later changes do not show in it.
   *
   * @return the entries
   */
  List<DeadLetter> list();

  /**
   * One entry.
   *
   * @param id the entry's id
   * @return the entry, or empty when there is none with that id
   */
  Optional<DeadLetter> get(String id);

  /**
   * Removes one entry: discarded by the host, or delivered by a redelivery.
   *
   * @param id the entry's id
   * @return whether an entry was removed
   */
  boolean remove(String id);

  /**
   * Removes every entry. The default removes the entries of {@link #list()} one by one.
   *
   * @return how many entries were removed
   */
  default int removeAll() {
    int removed = 0;
    for (DeadLetter letter : list()) {
      if (remove(letter.id())) {
        removed++;
      }
    }
    return removed;
  }

  /**
   * An in-heap store of up to {@value #DEFAULT_CAPACITY} entries that evicts the oldest (with a
   * warning) when full.
   *
   * @return a new store
   */
  static DeadLetterStore inMemory() {
    return new InMemoryDeadLetterStore(DEFAULT_CAPACITY);
  }

  /**
   * An in-heap store of up to {@code capacity} entries that evicts the oldest (with a warning)
   * when full.
   *
   * @param capacity the most entries kept
   * @return a new store
   * @throws IllegalArgumentException if {@code capacity} is below 1
   */
  static DeadLetterStore inMemory(int capacity) {
    return new InMemoryDeadLetterStore(capacity);
  }
}
