package io.mediahooks.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.core.format.microcms.MicroCmsMediaFormat;
import io.mediahooks.http.DestinationGuard;
import io.mediahooks.http.WebhookEndpoint;
import io.mediahooks.http.WebhookResponse;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTest {
  private final Route route = new Route(
      WebhookEndpoint.builder("https://hooks.example.com/media")
          .format(MicroCmsMediaFormat.create("svc"))
          .build(),
      0, 1, DestinationGuard.strict(), request -> WebhookResponse.of(200, Map.of(), ""),
      Clock.systemUTC());

  @Test
  void deliveriesFailingTheSameWayShareOneErrorText() {
    // During an outage thousands of held deliveries keep the same last error: one String.
    String first = new String("I/O error: ConnectException: Connection refused");
    String again = new String("I/O error: ConnectException: Connection refused");

    assertThat(route.shared(first)).isSameAs(first);
    assertThat(route.shared(again)).isSameAs(first);
  }

  @Test
  void aDifferentErrorTextIsKeptAsIs() {
    String refused = "I/O error: ConnectException: Connection refused";
    String unavailable = "HTTP 503: try later";

    assertThat(route.shared(refused)).isSameAs(refused);
    assertThat(route.shared(unavailable)).isSameAs(unavailable);
    assertThat(route.shared(new String(unavailable))).isSameAs(unavailable);
  }
}
