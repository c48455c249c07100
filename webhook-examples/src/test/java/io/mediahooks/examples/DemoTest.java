package io.mediahooks.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.core.MediaEventType;
import io.mediahooks.http.DeliveryResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo, run once: every delivery ends delivered or filtered, and every check passes. */
class DemoTest {
  private static Demo.Run run;
  private static String printed;

  @BeforeAll
  static void runDemo() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    run = Demo.execute(new PrintStream(out, true, UTF_8));
    printed = out.toString(UTF_8);
  }

  @Test
  void everyDeliveryEndsDeliveredOrFilteredAndTheDemoExits0() {
    assertThat(run.exitCode()).isZero();
    assertThat(run.rows()).hasSize(3 * 9);
    assertThat(run.rows()).noneMatch(row -> row.result().isDeadLettered());
    assertThat(Report.counts(run.rows())).isEqualTo(
        "20 delivered, 7 filtered, 0 dead-lettered");
  }

  @Test
  void filteredDeliveriesAreTheOnesTheFormatsAndFiltersRuleOut() {
    Map<String, String> filtered = new TreeMap<>();
    for (Report.Row row : run.rows()) {
      DeliveryResult r = row.result();
      if (r.isFiltered()) {
        assertThat(r.reason()).as("reason of %s", r.endpointName()).isNotBlank();
        filtered.put(row.type() + " " + r.endpointName(), r.reason());
      }
    }
    assertThat(filtered).containsOnlyKeys(
        "CREATED fotoware-modified", "CREATED fotoware-deleted",
        "UPDATED fotoware-ingested", "UPDATED fotoware-deleted", "UPDATED betterez",
        "DELETED fotoware-ingested", "DELETED fotoware-modified");
    assertThat(filtered.get("UPDATED betterez")).contains("update");
  }

  @Test
  void everyFormatsRequestsArrivedAndPassedTheReceiversChecks() {
    Map<String, Integer> byPath = new TreeMap<>();
    for (ReceivedRequest r : run.requests()) {
      byPath.merge(r.path(), 1, Integer::sum);
      assertThat(r.checkPassed()).as("check %s on %s", r.check(), r.path()).isTrue();
      assertThat(r.check()).as("every path is checked: %s", r.path()).isNotNull();
      assertThat(r.status()).isEqualTo(200);
    }
    assertThat(byPath).containsExactlyInAnyOrderEntriesOf(Map.of(
        "/microcms", 3, "/betterez", 2, "/fotoware/ingested", 1, "/fotoware/modified", 1,
        "/fotoware/deleted", 1, "/fotoware-form", 3, "/filerobot", 3, "/oauth/token", 1,
        "/cloudevents", 3, "/cloudevents-binary", 3));
  }

  @Test
  void theUpdateIsSentAsEachFormatsUpdateEvent() {
    Map<String, String> updates = new TreeMap<>();
    for (Report.Row row : run.rows()) {
      if (row.type() == MediaEventType.UPDATED && row.result().isDelivered()) {
        updates.put(row.result().endpointName(), row.result().eventName());
      }
    }
    assertThat(updates).containsExactlyInAnyOrderEntriesOf(Map.of(
        "microcms", "edit", "fotoware-modified", "asset-modified",
        "fotoware-form", "asset-modified", "filerobot", "on_rename",
        "cloudevents", "io.mediahooks.media.updated",
        "cloudevents-binary", "io.mediahooks.media.updated"));
  }

  @Test
  void itPrintsEachRequestAndTheOutcomeTableWithoutSecrets() {
    assertThat(printed).contains("=== 1/3 created", "=== 2/3 updated", "=== 3/3 deleted",
        "POST /microcms?auth=***  ->  200 OK", "x-btrz-signature: ***",
        "authorization: Bearer ***", "password = ***", "=== Outcomes ===",
        "EVENT    ENDPOINT", "27 deliveries: 20 delivered, 7 filtered, 0 dead-lettered")
        .doesNotContain(Demo.MICROCMS_QUERY_SECRET, Demo.OAUTH_PASSWORD, Demo.OAUTH_TOKEN,
            Demo.BETTEREZ_KEY);
    assertThat(printed).containsPattern(
        "(?m)^updated  betterez\\s+filtered\\s+0  -\\s+.*update");
  }
}
