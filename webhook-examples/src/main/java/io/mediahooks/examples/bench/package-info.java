/**
 * Performance measurements of mediahooks, run on demand and never by {@code mvn verify}:
 * <ul>
 *   <li>{@link io.mediahooks.examples.bench.PublishBenchmark}: JMH, what {@code
 *       MediaWebhooks.publish} costs the host's thread (median and percentiles);
 *   <li>{@link io.mediahooks.examples.bench.EventBenchmark}: JMH, what building the event costs
 *       the host before it publishes;
 *   <li>{@link io.mediahooks.examples.bench.RenderBenchmark}: JMH, what rendering one body costs
 *       a worker, to split the throughput figures;
 *   <li>{@link io.mediahooks.examples.bench.ThroughputComparison}: delivered requests per second
 *       to a loopback receiver, side by side with a plain OkHttp loop and a {@code
 *       java.net.http} loop at the same concurrency;
 *   <li>{@link io.mediahooks.examples.bench.MemoryFootprint}: heap held per queued delivery
 *       while every receiver is down, and proof that overflow does not grow it.
 * </ul>
 * Each class's Javadoc has the command that runs it. Everything talks to 127.0.0.1 only, through
 * {@link io.mediahooks.examples.bench.RawHttpReceiver} or a closed port.
 */
@NullMarked
package io.mediahooks.examples.bench;

import org.jspecify.annotations.NullMarked;
