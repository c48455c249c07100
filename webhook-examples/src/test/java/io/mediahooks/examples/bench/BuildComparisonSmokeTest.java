package io.mediahooks.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The build comparison, run for a moment with this build as both sides: each side loads in a
 * class loader of its own, publishes or delivers, and is reported. No timing is asserted.
 */
class BuildComparisonSmokeTest {
  private static final String BUILD = System.getProperty("java.class.path");

  private static String run(String... args) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BuildComparison.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void publishComparesTheBuildsRoundByRound() throws Exception {
    String out = run("publish", "--events", "filtered3", "--gap-micros", "10", "--samples", "20",
        "--rounds", "2", "--warmup", "10", BUILD, BUILD);

    assertThat(out.lines().filter(l -> l.startsWith("round 1 ")).count()).isEqualTo(2);
    assertThat(out.lines().filter(l -> l.startsWith("round 2 ")).count()).isEqualTo(2);
    assertThat(out).contains("filtered3  p50").contains("p99");
  }

  @Test
  void throughputComparesEachBuildWithThePlainOkHttpLoop() throws Exception {
    String out = run("throughput", "--body", "microcms", "--concurrency", "2", "--rounds", "1",
        "--warmup", "0", "--seconds", "0.2", BUILD, BUILD);

    assertThat(out.lines().filter(l -> l.contains("median ratio to the loop")).count())
        .isEqualTo(2);
    assertThat(out).contains("plain OkHttp loop").containsPattern("median [1-9][0-9,]* req/s");
  }

  @Test
  void misuseIsRefusedWithTheReason() {
    assertThatThrownBy(() -> run("publish", BUILD))
        .hasMessageContaining("need two or more builds");
    assertThatThrownBy(() -> run("race", BUILD, BUILD)).hasMessageContaining("usage:");
    assertThatThrownBy(() -> run("publish", "--speed", "1", BUILD, BUILD))
        .hasMessageContaining("unknown option --speed");
    assertThatThrownBy(() -> run("publish", "--events", "all5", BUILD, BUILD))
        .hasRootCauseMessage("events must be all4 or filtered3, was all5");
  }
}
