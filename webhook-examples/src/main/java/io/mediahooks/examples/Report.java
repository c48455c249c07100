package io.mediahooks.examples;

import io.mediahooks.core.MediaEventType;
import io.mediahooks.http.DeliveryResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Delivery outcomes as text: one aligned row per event and endpoint, and a count line. Used by
 * {@code send} (a row as each delivery ends) and the demo (a table at the end).
 */
final class Report {
  static final String[] HEADINGS = {"EVENT", "ENDPOINT", "OUTCOME", "ATTEMPTS", "STATUS",
      "DETAIL"};
  /** Column widths for rows printed one at a time, before all of them are known. */
  static final int[] STREAM_WIDTHS = {7, 20, 13, 8, 6};

  /** One delivery: which event (by type and asset number) went where and how it ended. */
  record Row(MediaEventType type, int asset, DeliveryResult result) {}

  private Report() {}

  static String eventLabel(MediaEventType type, int asset, boolean numbered) {
    String name = type.name().toLowerCase(Locale.ROOT);
    return numbered ? name + " #" + asset : name;
  }

  static String outcome(DeliveryResult r) {
    switch (r.outcome()) {
      case DELIVERED:
        return "delivered";
      case FILTERED:
        return "filtered";
      default:
        return "dead-lettered";
    }
  }

  /** The format's event name when delivered, else the reason. */
  static String detail(DeliveryResult r) {
    if (r.isDelivered()) {
      String name = r.eventName();
      return name == null ? "" : name;
    }
    String reason = r.reason();
    return reason == null ? "" : reason;
  }

  static String[] cells(Row row, boolean numbered) {
    DeliveryResult r = row.result();
    Integer status = r.lastStatus();
    return new String[] {eventLabel(row.type(), row.asset(), numbered), r.endpointName(),
        outcome(r), Integer.toString(r.attempts()), status == null ? "-" : status.toString(),
        detail(r)};
  }

  /** One row padded to {@code widths}; the last column is never padded. */
  static String line(String[] cells, int[] widths) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        sb.append("  ");
      }
      boolean last = i == cells.length - 1;
      boolean number = i == 3;
      String cell = cells[i];
      if (last) {
        sb.append(cell);
      } else if (number) {
        sb.append(" ".repeat(Math.max(0, widths[i] - cell.length()))).append(cell);
      } else {
        sb.append(cell).append(" ".repeat(Math.max(0, widths[i] - cell.length())));
      }
    }
    return sb.toString().stripTrailing();
  }

  /** Every row under a heading, columns as wide as their widest cell. */
  static String table(List<Row> rows, boolean numbered) {
    List<String[]> all = new ArrayList<>();
    all.add(HEADINGS);
    for (Row row : rows) {
      all.add(cells(row, numbered));
    }
    int[] widths = new int[HEADINGS.length - 1];
    for (String[] cells : all) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], cells[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] cells : all) {
      sb.append(line(cells, widths)).append(System.lineSeparator());
    }
    return sb.toString();
  }

  /** {@code "9 delivered, 2 filtered, 0 dead-lettered"}. */
  static String counts(List<Row> rows) {
    int delivered = 0;
    int filtered = 0;
    int dead = 0;
    for (Row row : rows) {
      switch (row.result().outcome()) {
        case DELIVERED:
          delivered++;
          break;
        case FILTERED:
          filtered++;
          break;
        default:
          dead++;
      }
    }
    return delivered + " delivered, " + filtered + " filtered, " + dead + " dead-lettered";
  }

  static boolean anyDeadLettered(List<Row> rows) {
    for (Row row : rows) {
      if (row.result().isDeadLettered()) {
        return true;
      }
    }
    return false;
  }
}
