package io.mediahooks.core.format.fotoware;

import static io.mediahooks.core.format.fotoware.Fixtures.node;
import static io.mediahooks.core.format.fotoware.Fixtures.render;
import static io.mediahooks.core.format.fotoware.SampleEvents.created;
import static io.mediahooks.core.format.fotoware.SampleEvents.photo;
import static io.mediahooks.core.format.fotoware.SampleEvents.updated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediahooks.core.FormatException;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.WebhookPayload;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Form mode: the envelope as urlencoded fields, data as Python-dialect JSON text. */
class FotowareFormModeTest {
  private final FotowareAssetFormat form = FotowareAssetFormat.form();
  private final FotowareAssetFormat json = FotowareAssetFormat.json();

  /** Decodes a form body as a receiver would (space from '+', UTF-8), keeping order. */
  private static List<Map.Entry<String, String>> decode(String body) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      fields.add(new AbstractMap.SimpleImmutableEntry<>(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
    }
    return fields;
  }

  @Test
  void formPayloadIsUrlencodedWithTheFotowebUserAgent() {
    WebhookPayload payload = render(form, created(photo()));

    assertThat(payload.contentType()).isEqualTo("application/x-www-form-urlencoded");
    assertThat(payload.headers()).containsExactly(Map.entry("User-Agent", "FotoWeb/8.1"));
    assertThat(payload.eventName()).isEqualTo("asset-ingested");
    assertThat(form.encoding()).isEqualTo(FotowareAssetFormat.Encoding.FORM);
  }

  @Test
  void decodedFieldsAreTheJsonEnvelopeInOrderWithDataAsPythonJsonText() {
    MediaEvent event = updated(photo(), photo().newBuilder()
        .fileName("Hafen & Dämmerung + 😀.jpg").title("a=b&c").build());
    JsonNode jsonBody = node(render(json, event).bodyString());
    String jsonText = render(json, event).bodyString();

    List<Map.Entry<String, String>> fields = decode(render(form, event).bodyString());

    assertThat(fields).extracting(Map.Entry::getKey)
        .containsExactlyElementsOf(Fixtures.keys(jsonBody));
    for (Map.Entry<String, String> f : fields) {
      if (f.getKey().equals("data")) {
        // The exact text of data inside the JSON body: same dialect, same bytes.
        assertThat(jsonText).contains("\"data\": " + f.getValue() + ", \"preview-href\"");
        assertThat(node(f.getValue())).isEqualTo(jsonBody.get("data"));
      } else {
        assertThat(f.getValue()).as(f.getKey()).isEqualTo(jsonBody.get(f.getKey()).asText());
      }
    }
    assertThat(fields).contains(Map.entry("previous-name", "IMG 2019 harbour.jpg"));
  }

  @Test
  void smallEventEncodesExactlyAsPythonsUrlencode() {
    // Expected bytes printed by CPython 3.11 urllib.parse.urlencode for the same envelope.
    MediaSnapshot small = MediaSnapshot.builder()
        .fileName("a b&c=d+e~f%.jpg")
        .size(7L)
        .title("x/y?z é 😀")
        .tags("one two", "three")
        .extensionJson(FotowareAssetFormat.ASSET_EXTENSION,
            "{\"filename\": \"a b&c=d+e~f%.jpg\", \"href\": \"/x/a%20b.info\"}")
        .build();

    String body = render(form, created(small)).bodyString();

    assertThat(body).isEqualTo("pixel-width=&byline=&description=&tags=one+two%3B+three"
        + "&file-size=7&title=x%2Fy%3Fz+%C3%A9+%F0%9F%98%80&thumbnail-href="
        + "&created=2019-03-07T11%3A44%3A27.802Z"
        + "&href=https%3A%2F%2Facme.fotoware.cloud%2Fx%2Fa%2520b.info&operation-name=upload"
        + "&data=%7B%22filename%22%3A+%22a+b%26c%3Dd%2Be~f%25.jpg%22%2C+%22href%22%3A+"
        + "%22%2Fx%2Fa%2520b.info%22%7D&preview-href=&type=asset&pixel-height="
        + "&id=12489453-7e9d-4604-af89-99b8f91db6a3");
  }

  @Test
  void quoteKeepsOnlyLettersDigitsAndUnderscoreDotDashTilde() {
    // Python: quote("a b/é~_.-*'()!", safe='') and quote_plus(... + "+&=", safe='').
    assertThat(PythonUrlEncoding.quote("a b/é~_.-*'()!", "t"))
        .isEqualTo("a%20b%2F%C3%A9~_.-%2A%27%28%29%21");
    assertThat(PythonUrlEncoding.urlencode(List.of(Map.entry("k y", "a b/é~_.-*'()!+&="))))
        .isEqualTo("k+y=a+b%2F%C3%A9~_.-%2A%27%28%29%21%2B%26%3D");
  }

  @Test
  void unpairedSurrogateCannotBeFormEncodedAndSaysWhere() {
    MediaSnapshot s = MediaSnapshot.builder().fileName("a.jpg").title("bad \ud800").build();

    assertThatThrownBy(() -> form.render(created(s), Fixtures.ATTEMPT))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("title")
        .hasMessageContaining("unpaired UTF-16 surrogate");
  }
}
