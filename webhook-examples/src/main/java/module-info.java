/**
 * mediahooks examples: the demo, the {@code send} command line, the scenarios, the loopback
 * receiver and a {@code java.net.http} transport. A consumer of the library's exported packages
 * only: anything internal would not compile here.
 */
module io.mediahooks.examples {
  requires io.mediahooks.http;
  requires com.fasterxml.jackson.databind;
  requires java.net.http;
  requires jdk.httpserver;
  requires jdk.management; // heap, CPU and load figures of the benchmarks
  requires jmh.core; // the benchmarks in io.mediahooks.examples.bench
  requires static org.jspecify;

  exports io.mediahooks.examples;
}
