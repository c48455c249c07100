package io.mediahooks.http.internal;

import io.mediahooks.http.DeadLetter;
import io.mediahooks.http.DeadLetterStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link DeadLetterStore}: insertion-ordered, bounded, evicting the oldest. */
public final class InMemoryDeadLetterStore implements DeadLetterStore {
  private static final Logger LOG = LoggerFactory.getLogger("io.mediahooks.http.delivery");

  private final int capacity;
  private final Map<String, DeadLetter> entries = new LinkedHashMap<>();

  /**
   * Creates an empty store.
   *
   * @param capacity the most entries kept
   * @throws IllegalArgumentException if {@code capacity} is below 1
   */
  public InMemoryDeadLetterStore(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
  }

  @Override
  public void add(DeadLetter letter) {
    Objects.requireNonNull(letter, "letter must not be null");
    DeadLetter evicted = null;
    synchronized (entries) {
      if (!entries.containsKey(letter.id()) && entries.size() >= capacity) {
        Iterator<DeadLetter> oldest = entries.values().iterator();
        evicted = oldest.next();
        oldest.remove();
      }
      entries.put(letter.id(), letter);
    }
    if (evicted != null) {
      LOG.warn("dead-letter store full ({} entries): evicted the oldest, {}; use a larger or"
          + " durable DeadLetterStore to keep more", capacity, evicted);
    }
  }

  @Override
  public List<DeadLetter> list() {
    synchronized (entries) {
      return new ArrayList<>(entries.values());
    }
  }

  @Override
  public Optional<DeadLetter> get(String id) {
    synchronized (entries) {
      return Optional.ofNullable(entries.get(id));
    }
  }

  @Override
  public boolean remove(String id) {
    synchronized (entries) {
      return entries.remove(id) != null;
    }
  }

  @Override
  public int removeAll() {
    synchronized (entries) {
      int n = entries.size();
      entries.clear();
      return n;
    }
  }

  @Override
  public String toString() {
    synchronized (entries) {
      return "DeadLetterStore.inMemory(" + entries.size() + "/" + capacity + ")";
    }
  }
}
