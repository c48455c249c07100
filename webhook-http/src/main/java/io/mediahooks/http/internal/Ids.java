package io.mediahooks.http.internal;

import java.util.UUID;
import java.util.random.RandomGenerator;

/** Random (version 4) UUIDs drawn from an injected source, so tests get fixed attempt ids. */
final class Ids {
  private Ids() {}

  static String uuid(RandomGenerator random) {
    long msb = random.nextLong();
    long lsb = random.nextLong();
    msb = (msb & ~0xF000L) | 0x4000L; // version 4
    lsb = (lsb & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
    return new UUID(msb, lsb).toString();
  }
}
