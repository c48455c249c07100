package io.mediahooks.examples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The entry point of {@code mediahooks.jar}: {@code demo}, {@code send}, {@code help} and the
 * scenarios by name.
 *
 * <p>The commands return an exit status and write to the streams they are given; only {@link
 * #main(String...)} calls {@link System#exit(int)}.
 *
 * <pre>{@code
 * java -jar webhook-examples/target/mediahooks.jar demo
 * java -jar webhook-examples/target/mediahooks.jar send --format microcms \
 *     --url 'https://hooks.example.com/media?auth=s3cr3t'
 * }</pre>
 */
public final class Main {
  static final String HELP = String.join(System.lineSeparator(),
      "mediahooks: media change webhooks in vendor wire formats (microCMS, Fotoware,",
      "Filerobot, Betterez, CloudEvents), delivered with retries, signatures, dead letters",
      "and SSRF protection.",
      "",
      "Usage: java -jar mediahooks.jar COMMAND [ARGS]",
      "",
      "Commands:",
      "  demo            publish a photo's upload, rename and deletion to an endpoint of",
      "                  every format on an embedded local receiver; print each request as it",
      "                  arrived and a table of outcomes (no network needed)",
      "  send ...        publish sample events to your receiver (send --help for the options)",
      "  help            this help",
      "",
      "Scenarios (each starts its own local receiver and prints what arrives; give a receiver",
      "base URL as the argument to send there instead, the scenario appends its paths):",
      "  microcms        microCMS with a shared secret in the URL query",
      "  fotoware        Fotoware ingested, modified and deleted to three URLs",
      "  filerobot       Filerobot with OAuth2 (password grant) and custom headers",
      "  betterez        Betterez signed, and the receiver verifying the signature",
      "  cloudevents     CloudEvents structured and binary with Standard Webhooks signatures",
      "  retries         retries with backoff and Retry-After, a dead letter, redelivered",
      "  jdk-transport   a custom WebhookTransport on java.net.http",
      "",
      "Exit status: 0 success, 1 an event was dead-lettered, 2 usage error.",
      "");

  /** A runnable command: arguments and output streams in, exit status out. */
  @FunctionalInterface
  interface Command {
    int run(List<String> args, PrintStream out, PrintStream err);
  }

  private Main() {}

  /**
   * Runs the command named by the first argument and exits with its status.
   *
   * @param args the command and its arguments
   */
  public static void main(String... args) {
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }

  /** Runs one command; returns its exit status. */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty()) {
      err.print(HELP);
      err.println("mediahooks: a command is required");
      return 2;
    }
    String name = args.get(0);
    List<String> rest = args.subList(1, args.size());
    switch (name) {
      case "help":
      case "--help":
      case "-h":
        out.print(HELP);
        return 0;
      case "demo":
        if (!rest.isEmpty()) {
          err.println("mediahooks demo: takes no arguments, got " + rest);
          return 2;
        }
        return Demo.run(out);
      case "send":
        return SendCommand.run(rest, out, err);
      default:
        Command scenario = Scenarios.byName(name);
        if (scenario == null) {
          err.println("mediahooks: unknown command \"" + name + "\"; commands are demo, send,"
              + " help and the scenarios " + String.join(", ", Scenarios.names()));
          return 2;
        }
        return scenario.run(rest, out, err);
    }
  }
}
