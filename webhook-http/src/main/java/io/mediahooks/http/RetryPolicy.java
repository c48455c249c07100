package io.mediahooks.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When to try a delivery again, and how often.
 *
 * <p>Get one from a static factory:
 * <ul>
 *   <li>{@link #defaultSchedule()}, the default of every endpoint: the schedule hosted webhook
 *       services use. The first attempt is immediate, then retries follow after 5 s, 5 min,
 *       30 min, 2 h, 5 h, 10 h and 10 h (8 attempts over about 28 hours), each delay varied by
 *       ±20% jitter;
 *   <li>{@link #none()}: one attempt, never retried (microCMS sends exactly once);
 *   <li>{@link #schedule(Duration...)}: explicit delays between attempts;
 *   <li>{@link #exponential()}: a builder for exponential backoff.
 * </ul>
 *
 * <p>What the delivery engine retries: a {@code 2xx} answer is success. {@code 408}, {@code
 * 425}, {@code 429} and {@code 5xx} answers are retried, and so are I/O errors (refused or reset
 * connections, timeouts) and an {@link AuthenticationException} whose {@link
 * AuthenticationException#retryable()} is true. Everything else gives up at once and
 * dead-letters the event: other {@code 4xx} answers, {@code 3xx} answers (redirects are never
 * followed, so the endpoint URL has to be fixed), a {@link DestinationRefusedException}, and a
 * {@link io.mediahooks.core.FormatException} (rendering the same event again cannot succeed). A
 * {@code 401} is first offered to the endpoint's {@link EndpointAuth#onUnauthorized} for one
 * refresh and resend within the same attempt.
 *
 * <p>How the delay is chosen: the policy's delay for the next attempt ({@link
 * #nextDelay(int, double)}, jitter included) is the scheduled delay. A {@code Retry-After} answer
 * header (delta-seconds or HTTP-date) replaces it, but is kept between the scheduled delay and
 * twice the scheduled delay, so a receiver can slow the sender down but not stall or hurry it.
 * After a {@code 429} or a timeout the delay is at least {@link #throttledMinimum()} (60 s by
 * default), because an overloaded receiver needs room.
 *
 * <p>Jitter is pure arithmetic on a number the engine draws from its injected random source:
 * a delay {@code d} with jitter {@code j} and random {@code r} in {@code [0, 1)} becomes {@code
 * d * (1 + j * (2r - 1))}. Immutable and thread-safe.
 *
 * <pre>{@code
 * RetryPolicy microCms = RetryPolicy.none();
 * RetryPolicy quick = RetryPolicy.exponential()
 *     .initialDelay(Duration.ofSeconds(1))
 *     .maxDelay(Duration.ofMinutes(5))
 *     .maxAttempts(6)
 *     .build();
 * RetryPolicy custom = RetryPolicy.schedule(Duration.ofSeconds(10), Duration.ofMinutes(1))
 *     .withJitter(0.1);
 * }</pre>
 */
public final class RetryPolicy {
  /** The default {@link #throttledMinimum()}: 60 seconds. */
  public static final Duration DEFAULT_THROTTLED_MINIMUM = Duration.ofSeconds(60);

  /** The default jitter of {@link #defaultSchedule()} and {@link #exponential()}: 0.2 (±20%). */
  public static final double DEFAULT_JITTER = 0.2;

  private static final RetryPolicy NONE =
      new RetryPolicy(new long[0], 0, 0, 0, 1, 0.0, DEFAULT_THROTTLED_MINIMUM);

  private static final RetryPolicy DEFAULT = schedule(
      Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
      Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10))
      .withJitter(DEFAULT_JITTER);

  /** Explicit delays before attempts 2, 3, ...; null for an exponential policy. */
  private final long @Nullable [] scheduleNanos;
  private final long initialNanos;
  private final long maxNanos;
  private final double factor;
  private final int maxAttempts;
  private final double jitter;
  private final Duration throttledMinimum;

  private RetryPolicy(long @Nullable [] scheduleNanos, long initialNanos, long maxNanos,
      double factor, int maxAttempts, double jitter, Duration throttledMinimum) {
    this.scheduleNanos = scheduleNanos;
    this.initialNanos = initialNanos;
    this.maxNanos = maxNanos;
    this.factor = factor;
    this.maxAttempts = maxAttempts;
    this.jitter = jitter;
    this.throttledMinimum = throttledMinimum;
  }

  /**
   * One attempt, never retried: what microCMS does.
   *
   * @return the policy
   */
  public static RetryPolicy none() {
    return NONE;
  }

  /**
   * The default: an immediate first attempt, then retries after 5 s, 5 min, 30 min, 2 h, 5 h,
   * 10 h and 10 h, each varied by ±20% jitter: 8 attempts in all.
   *
   * @return the policy
   */
  public static RetryPolicy defaultSchedule() {
    return DEFAULT;
  }

  /**
   * Explicit delays between attempts, without jitter (add it with {@link #withJitter(double)}).
   * The first attempt is immediate; {@code delays[0]} is the wait before the second attempt, and
   * so on, so there are {@code delays.length + 1} attempts. No delays means one attempt.
   *
   * @param delays the waits before the second, third, ... attempt; zero is allowed
   * @return the policy
   * @throws NullPointerException if {@code delays} or an element is null
   * @throws IllegalArgumentException if a delay is negative
   */
  public static RetryPolicy schedule(Duration... delays) {
    Objects.requireNonNull(delays, "delays must not be null");
    long[] nanos = new long[delays.length];
    for (int i = 0; i < delays.length; i++) {
      Duration d = delays[i];
      if (d == null) {
        throw new NullPointerException("delays[" + i + "] must not be null");
      }
      if (d.isNegative()) {
        throw new IllegalArgumentException("delays[" + i + "] must not be negative, was " + d);
      }
      nanos[i] = saturatedNanos(d);
    }
    return new RetryPolicy(nanos, 0, 0, 0, delays.length + 1, 0.0, DEFAULT_THROTTLED_MINIMUM);
  }

  /**
   * Returns a builder for exponential backoff. Defaults: initial delay 1 s, factor 2, max delay
   * 1 h, 10 attempts (counting the first), jitter 0.2.
   *
   * @return a new builder
   */
  public static ExponentialBuilder exponential() {
    return new ExponentialBuilder();
  }

  /**
   * Returns this policy with another jitter factor.
   *
   * @param jitter the fraction each delay is varied by, from 0 (none) to 1; 0.2 means ±20%
   * @return a new policy
   * @throws IllegalArgumentException if {@code jitter} is not between 0 and 1
   */
  public RetryPolicy withJitter(double jitter) {
    return new RetryPolicy(scheduleNanos, initialNanos, maxNanos, factor, maxAttempts,
        checkJitter(jitter), throttledMinimum);
  }

  /**
   * Returns this policy with another minimum delay after a {@code 429} answer or a timeout.
   *
   * @param minimum the least wait after the receiver signalled overload; zero disables it
   * @return a new policy
   * @throws NullPointerException if {@code minimum} is null
   * @throws IllegalArgumentException if {@code minimum} is negative
   */
  public RetryPolicy withThrottledMinimum(Duration minimum) {
    Objects.requireNonNull(minimum, "minimum must not be null");
    if (minimum.isNegative()) {
      throw new IllegalArgumentException("minimum must not be negative, was " + minimum);
    }
    return new RetryPolicy(scheduleNanos, initialNanos, maxNanos, factor, maxAttempts, jitter,
        minimum);
  }

  /**
   * How many attempts are made at most, counting the first.
   *
   * @return at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The jitter factor: each delay is varied by up to this fraction either way.
   *
   * @return from 0 to 1
   */
  public double jitter() {
    return jitter;
  }

  /**
   * The least delay after a {@code 429} answer or a timeout.
   *
   * @return the minimum, {@link #DEFAULT_THROTTLED_MINIMUM} unless changed
   */
  public Duration throttledMinimum() {
    return throttledMinimum;
  }

  /**
   * The delays before the second, third, ... attempt, without jitter.
   *
   * @return {@code maxAttempts() - 1} delays, unmodifiable
   */
  public List<Duration> nominalDelays() {
    List<Duration> delays = new ArrayList<>(maxAttempts - 1);
    for (int made = 1; made < maxAttempts; made++) {
      delays.add(Duration.ofNanos(nominalNanos(made)));
    }
    return Collections.unmodifiableList(delays);
  }

  /**
   * The wait before the next attempt after {@code attemptsMade} attempts have failed, with
   * jitter applied from {@code random}; empty when no attempt is left.
   *
   * @param attemptsMade how many attempts were made, at least 1
   * @param random a number in {@code [0, 1)} from the engine's random source
   * @return the delay, or empty when the policy gives up
   * @throws IllegalArgumentException if {@code attemptsMade} is below 1 or {@code random} is
   *     outside {@code [0, 1)}
   */
  public Optional<Duration> nextDelay(int attemptsMade, double random) {
    if (attemptsMade < 1) {
      throw new IllegalArgumentException("attemptsMade must be at least 1, was " + attemptsMade);
    }
    if (!(random >= 0.0 && random < 1.0)) {
      throw new IllegalArgumentException("random must be in [0, 1), was " + random);
    }
    if (attemptsMade >= maxAttempts) {
      return Optional.empty();
    }
    long nominal = nominalNanos(attemptsMade);
    double varied = nominal * (1.0 + jitter * (2.0 * random - 1.0));
    long nanos = varied >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0L, (long) varied);
    return Optional.of(Duration.ofNanos(nanos));
  }

  private long nominalNanos(int attemptsMade) {
    if (scheduleNanos != null) {
      return scheduleNanos[attemptsMade - 1];
    }
    double d = initialNanos * Math.pow(factor, attemptsMade - 1);
    return d >= maxNanos ? maxNanos : (long) d;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof RetryPolicy)) {
      return false;
    }
    RetryPolicy p = (RetryPolicy) o;
    return Arrays.equals(scheduleNanos, p.scheduleNanos)
        && initialNanos == p.initialNanos
        && maxNanos == p.maxNanos
        && Double.compare(factor, p.factor) == 0
        && maxAttempts == p.maxAttempts
        && Double.compare(jitter, p.jitter) == 0
        && throttledMinimum.equals(p.throttledMinimum);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(scheduleNanos), initialNanos, maxNanos, factor,
        maxAttempts, jitter, throttledMinimum);
  }

  @Override
  public String toString() {
    if (maxAttempts == 1) {
      return "RetryPolicy.none()";
    }
    String shape = scheduleNanos != null
        ? "schedule" + nominalDelays()
        : "exponential(initial=" + Duration.ofNanos(initialNanos) + ", factor=" + factor
            + ", max=" + Duration.ofNanos(maxNanos) + ")";
    return "RetryPolicy{" + shape + ", maxAttempts=" + maxAttempts + ", jitter=" + jitter
        + ", throttledMinimum=" + throttledMinimum + '}';
  }

  private static double checkJitter(double jitter) {
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
    }
    return jitter;
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE; // about 292 years: longer than any retry can wait
    }
  }

  /**
   * Builds an exponential backoff {@link RetryPolicy}: the wait before retry {@code n} (the
   * attempt {@code n + 1}) is {@code initialDelay * factor^(n-1)}, capped at {@code maxDelay},
   * then varied by jitter. Not thread-safe.
   *
   * <pre>{@code
   * RetryPolicy policy = RetryPolicy.exponential()
   *     .initialDelay(Duration.ofMillis(500))
   *     .factor(3)
   *     .maxDelay(Duration.ofMinutes(10))
   *     .maxAttempts(5)
   *     .jitter(0.1)
   *     .build();
   * }</pre>
   */
  public static final class ExponentialBuilder {
    private Duration initialDelay = Duration.ofSeconds(1);
    private Duration maxDelay = Duration.ofHours(1);
    private double factor = 2.0;
    private int maxAttempts = 10;
    private double jitter = DEFAULT_JITTER;
    private Duration throttledMinimum = DEFAULT_THROTTLED_MINIMUM;

    private ExponentialBuilder() {}

    /**
     * Sets the wait before the first retry. Default 1 s.
     *
     * @param initialDelay the delay
     * @return this builder
     * @throws NullPointerException if {@code initialDelay} is null
     * @throws IllegalArgumentException if {@code initialDelay} is zero or negative
     */
    public ExponentialBuilder initialDelay(Duration initialDelay) {
      this.initialDelay = positive(initialDelay, "initialDelay");
      return this;
    }

    /**
     * Sets the cap of the delay before jitter. Default 1 h.
     *
     * @param maxDelay the cap
     * @return this builder
     * @throws NullPointerException if {@code maxDelay} is null
     * @throws IllegalArgumentException if {@code maxDelay} is zero or negative
     */
    public ExponentialBuilder maxDelay(Duration maxDelay) {
      this.maxDelay = positive(maxDelay, "maxDelay");
      return this;
    }

    /**
     * Sets what each delay is multiplied by for the next. Default 2; 1 gives a fixed delay.
     *
     * @param factor the factor
     * @return this builder
     * @throws IllegalArgumentException if {@code factor} is below 1 or not finite
     */
    public ExponentialBuilder factor(double factor) {
      if (!(factor >= 1.0) || Double.isInfinite(factor)) {
        throw new IllegalArgumentException("factor must be a finite number >= 1, was " + factor);
      }
      this.factor = factor;
      return this;
    }

    /**
     * Sets how many attempts are made at most, counting the first. Default 10.
     *
     * @param maxAttempts the attempts
     * @return this builder
     * @throws IllegalArgumentException if {@code maxAttempts} is below 1
     */
    public ExponentialBuilder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the jitter factor. Default 0.2 (±20%).
     *
     * @param jitter from 0 (none) to 1
     * @return this builder
     * @throws IllegalArgumentException if {@code jitter} is not between 0 and 1
     */
    public ExponentialBuilder jitter(double jitter) {
      this.jitter = checkJitter(jitter);
      return this;
    }

    /**
     * Sets the least delay after a {@code 429} answer or a timeout. Default 60 s.
     *
     * @param minimum the minimum; zero disables it
     * @return this builder
     * @throws NullPointerException if {@code minimum} is null
     * @throws IllegalArgumentException if {@code minimum} is negative
     */
    public ExponentialBuilder throttledMinimum(Duration minimum) {
      Objects.requireNonNull(minimum, "minimum must not be null");
      if (minimum.isNegative()) {
        throw new IllegalArgumentException("minimum must not be negative, was " + minimum);
      }
      this.throttledMinimum = minimum;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return a new immutable policy
     * @throws IllegalStateException if {@code maxDelay} is shorter than {@code initialDelay}
     */
    public RetryPolicy build() {
      if (maxDelay.compareTo(initialDelay) < 0) {
        throw new IllegalStateException("maxDelay (" + maxDelay
            + ") must not be shorter than initialDelay (" + initialDelay + ")");
      }
      return new RetryPolicy(null, saturatedNanos(initialDelay), saturatedNanos(maxDelay),
          factor, maxAttempts, jitter, throttledMinimum);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, () -> name + " must not be null");
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
