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
  requires static org.jspecify;

  exports io.mediahooks.examples;
}
