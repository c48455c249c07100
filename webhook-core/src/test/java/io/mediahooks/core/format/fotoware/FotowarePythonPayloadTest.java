package io.mediahooks.core.format.fotoware;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.core.MediaEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Whole generated payloads equal what Python prints for the same values: the JSON body equals
 * {@code json.dumps(json.loads(body))} and the form body equals {@code urlencode} of the same
 * envelope, both stored under {@code fotoware/python/} by {@code
 * generate_python_expectations.py} (run offline).
 */
class FotowarePythonPayloadTest {
  /** Where the bodies are written for the generator script, so expectations can be renewed. */
  private static final Path INPUT = Path.of("target", "fotoware-python-input");

  @TestFactory
  Stream<DynamicTest> jsonBodiesEqualPythonsJsonDumps() throws IOException {
    Files.createDirectories(INPUT);
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, MediaEvent> e : SampleEvents.forPython().entrySet()) {
      String name = e.getKey();
      tests.add(DynamicTest.dynamicTest(name, () -> {
        byte[] ours = Fixtures.render(FotowareAssetFormat.json(), e.getValue()).bodyBytes();
        Files.write(INPUT.resolve(name + ".json"), ours);
        String python = Fixtures.text("/fotoware/python/" + name + ".json");
        assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(python);
      }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> formBodiesEqualPythonsUrlencode() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, MediaEvent> e : SampleEvents.forPython().entrySet()) {
      String name = e.getKey();
      tests.add(DynamicTest.dynamicTest(name, () -> {
        String ours = Fixtures.render(FotowareAssetFormat.form(), e.getValue()).bodyString();
        assertThat(ours).isEqualTo(Fixtures.text("/fotoware/python/" + name + ".form"));
      }));
    }
    return tests.stream();
  }
}
