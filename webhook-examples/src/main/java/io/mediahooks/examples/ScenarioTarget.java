package io.mediahooks.examples;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Where a scenario sends: its own {@link LoopbackReceiver} (the default), or the receiver base
 * URL given as the scenario's only argument, to which the scenario appends its paths.
 */
final class ScenarioTarget implements AutoCloseable {
  private final @Nullable LoopbackReceiver receiver;
  private final String base;

  private ScenarioTarget(@Nullable LoopbackReceiver receiver, String base) {
    this.receiver = receiver;
    this.base = base;
  }

  /**
   * Starts a printing receiver, or takes {@code args.get(0)} as the base URL.
   *
   * @throws UsageException if there is more than one argument or it is not an http(s) URL
   */
  static ScenarioTarget open(List<String> args, PrintStream out) throws UsageException {
    if (args.size() > 1) {
      throw new UsageException("takes at most one argument, a receiver base URL; got "
          + args.size());
    }
    if (args.isEmpty()) {
      LoopbackReceiver receiver = LoopbackReceiver.start(out);
      out.println("Embedded receiver on " + receiver.url("/") + " (requests are printed as"
          + " they arrive)");
      out.println();
      return new ScenarioTarget(receiver, receiver.url("/").substring(0,
          receiver.url("/").length() - 1));
    }
    String url = args.get(0);
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new UsageException("the argument must be an http or https base URL, was \""
            + Masking.url(url) + '"');
      }
      if (uri.getRawQuery() != null) {
        throw new UsageException("the base URL must not have a query: the scenario appends"
            + " paths (and its own query) to it");
      }
    } catch (URISyntaxException e) {
      throw new UsageException("the argument is not a valid URL (" + e.getReason() + ")");
    }
    out.println("Sending to " + Masking.url(url) + " (no embedded receiver: its checks and"
        + " scripted answers are skipped)");
    out.println();
    return new ScenarioTarget(null, url.endsWith("/") ? url.substring(0, url.length() - 1)
        : url);
  }

  /** The base followed by {@code pathAndQuery}. */
  String url(String pathAndQuery) {
    return base + pathAndQuery;
  }

  /** Configures the embedded receiver, when there is one. */
  void ifLocal(Consumer<LoopbackReceiver> configure) {
    if (receiver != null) {
      configure.accept(receiver);
    }
  }

  @Nullable LoopbackReceiver receiver() {
    return receiver;
  }

  @Override
  public void close() {
    if (receiver != null) {
      receiver.close();
    }
  }
}
