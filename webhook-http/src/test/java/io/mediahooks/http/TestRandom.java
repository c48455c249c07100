package io.mediahooks.http;

import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * A deterministic, thread-safe random source: seeded longs (attempt and dead-letter ids) and a
 * fixed jitter draw (0.5 gives the policy's nominal delay exactly).
 */
final class TestRandom implements RandomGenerator {
  private final Random longs = new Random(42);
  private final double draw;

  TestRandom(double draw) {
    this.draw = draw;
  }

  static TestRandom nominal() {
    return new TestRandom(0.5);
  }

  @Override
  public synchronized long nextLong() {
    return longs.nextLong();
  }

  @Override
  public double nextDouble() {
    return draw;
  }
}
