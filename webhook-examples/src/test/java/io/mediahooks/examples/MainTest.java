package io.mediahooks.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Command dispatch: exit statuses and where messages go. */
class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int main(String... args) {
    return Main.run(Arrays.asList(args), new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8));
  }

  @Test
  void helpListsTheCommandsAndEveryScenario() {
    for (String help : new String[] {"help", "--help", "-h"}) {
      out.reset();
      assertThat(main(help)).isZero();
      assertThat(out.toString(UTF_8)).contains("demo", "send", "help");
      for (String scenario : Scenarios.names()) {
        assertThat(out.toString(UTF_8)).contains("  " + scenario + " ");
      }
    }
  }

  @Test
  void noCommandIsAUsageError() {
    assertThat(main()).isEqualTo(2);
    assertThat(err.toString(UTF_8)).contains("a command is required", "Usage:");
  }

  @Test
  void anUnknownCommandIsNamed() {
    assertThat(main("deploy")).isEqualTo(2);
    assertThat(err.toString(UTF_8)).contains("unknown command \"deploy\"", "retries");
  }

  @Test
  void demoTakesNoArguments() {
    assertThat(main("demo", "--fast")).isEqualTo(2);
    assertThat(err.toString(UTF_8)).contains("demo: takes no arguments");
  }

  @Test
  void sendIsDispatchedWithItsArguments() {
    assertThat(main("send", "--format", "nope", "--url", "http://x.example")).isEqualTo(2);
    assertThat(err.toString(UTF_8)).contains("mediahooks send: --format must be one of");
    assertThat(main("send", "--help")).isZero();
    assertThat(out.toString(UTF_8)).contains("Usage: java -jar mediahooks.jar send");
  }

  @Test
  void scenariosAreDispatchedByName() {
    assertThat(main("microcms", "not a url")).isEqualTo(2);
    assertThat(err.toString(UTF_8)).contains("mediahooks microcms:");
  }
}
