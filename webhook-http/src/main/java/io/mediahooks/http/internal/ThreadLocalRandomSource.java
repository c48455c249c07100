package io.mediahooks.http.internal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The default random source: {@link ThreadLocalRandom} of the calling thread, looked up on every
 * call (a {@code ThreadLocalRandom} instance must not be handed to other threads).
 */
final class ThreadLocalRandomSource implements RandomGenerator {
  static final ThreadLocalRandomSource INSTANCE = new ThreadLocalRandomSource();

  private ThreadLocalRandomSource() {}

  @Override
  public long nextLong() {
    return ThreadLocalRandom.current().nextLong();
  }

  @Override
  public double nextDouble() {
    return ThreadLocalRandom.current().nextDouble();
  }
}
