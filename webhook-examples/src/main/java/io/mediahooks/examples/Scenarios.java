package io.mediahooks.examples;

import io.mediahooks.core.MediaEvent;
import io.mediahooks.http.DeliveryResult;
import io.mediahooks.http.MediaWebhooks;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/** The scenarios by command name, and what they share: publishing and reporting. */
final class Scenarios {
  private static final Map<String, Main.Command> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put("microcms", MicroCmsScenario::run);
    BY_NAME.put("fotoware", FotowareScenario::run);
    BY_NAME.put("filerobot", FilerobotScenario::run);
    BY_NAME.put("betterez", BetterezScenario::run);
    BY_NAME.put("cloudevents", CloudEventsScenario::run);
    BY_NAME.put("retries", RetryScenario::run);
    BY_NAME.put("jdk-transport", JdkTransportScenario::run);
  }

  private Scenarios() {}

  static Main.@Nullable Command byName(String name) {
    return BY_NAME.get(name);
  }

  static List<String> names() {
    return new ArrayList<>(BY_NAME.keySet());
  }

  /** Publishes the events one after the other, each waited for, and returns the outcomes. */
  static List<Report.Row> publish(MediaWebhooks webhooks, List<MediaEvent> events) {
    List<Report.Row> rows = new ArrayList<>();
    for (MediaEvent event : events) {
      for (DeliveryResult r : await(webhooks.publish(event)).results()) {
        rows.add(new Report.Row(event.type(), 1, r));
      }
    }
    return rows;
  }

  /** Prints the outcome table and returns 1 when anything was dead-lettered, else 0. */
  static int report(PrintStream out, List<Report.Row> rows) {
    out.println();
    out.print(Report.table(rows, false));
    out.println();
    out.println(Report.counts(rows));
    return Report.anyDeadLettered(rows) ? 1 : 0;
  }

  /** The usage error of a scenario, as every command reports one. */
  static int usage(String scenario, UsageException e, PrintStream err) {
    err.println("mediahooks " + scenario + ": " + e.getMessage());
    return 2;
  }

  static <T> T await(Future<T> future) {
    try {
      // Bounded: scenario receivers answer at once and scenario retries are short.
      return future.get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for deliveries", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("deliveries did not end: " + e, e);
    }
  }
}
