package io.mediahooks.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.http.DeliveryResult;
import io.mediahooks.http.PublishResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The publish benchmark's state driven by hand, as JMH drives it, for a few hundred calls: no
 * publish is rejected and every event ends as the parameters say. No timing is asserted.
 */
class PublishBenchmarkSmokeTest {

  @ParameterizedTest
  @CsvSource({
      "all4, noop, idle", "all4, noop, backlog", "filtered3, noop, idle",
      "all4, loopback, idle", "filtered3, loopback, backlog"})
  void everyPublishIsAcceptedAndEndsAsConfigured(String events, String transport, String pacing)
      throws Exception {
    PublishBenchmark b = new PublishBenchmark();
    b.events = events;
    b.transport = transport;
    b.pacing = pacing;
    b.setUp();
    List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < 300; i++) {
        b.pace();
        futures.add(b.publish());
      }
      for (CompletableFuture<PublishResult> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      b.tearDown();
    }

    assertThat(b.published()).isEqualTo(300);
    assertThat(b.rejected()).isZero();
    for (CompletableFuture<PublishResult> f : futures) {
      PublishResult r = f.join();
      assertThat(r.results()).hasSize(4);
      if (events.equals("all4")) {
        assertThat(r.allDelivered()).as(r.toString()).isTrue();
      } else {
        assertThat(r.delivered()).extracting(DeliveryResult::endpointName)
            .containsExactly("fotoware");
        assertThat(r.filtered()).extracting(DeliveryResult::endpointName)
            .containsExactly("microcms", "betterez", "cloudevents");
      }
    }
  }
}
