package io.mediahooks.core.format.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahooks.core.Attempt;
import io.mediahooks.core.EventSource;
import io.mediahooks.core.FormatException;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.MetadataValue;
import io.mediahooks.core.WebhookPayload;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudEventsFormatTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Attempt ATTEMPT =
      Attempt.of(1, "20ebdb3d-85e1-47a4-a81d-7b6c7dd1a481", Instant.parse("2024-05-06T07:08:09Z"));
  private static final EventSource SOURCE = EventSource.builder()
      .serviceId("acme-media").siteUrl("https://dam.example.com/").build();

  private final MediaSnapshot before = MediaSnapshot.builder()
      .id("a1")
      .url("https://cdn.example.com/media/harbour.jpg")
      .fileName("harbour.jpg")
      .folder("/marketing")
      .mimeType("image/jpeg")
      .size(104_448L)
      .dimensions(2976, 1984)
      .alt("The harbour")
      .tags("harbour")
      .metadata("copyright", MetadataValue.of("ACME"))
      .metadata("keywords", MetadataValue.of("sea", "dusk"))
      .createdAt(Instant.parse("2021-10-01T08:00:00Z"))
      .createdBy("user-7")
      .sha1("67a13e1d12b0da04cda3a4e599d42cbc78ca7d98")
      .revision("3")
      .build();

  private MediaSnapshot after() {
    Map<String, String> title = new LinkedHashMap<>();
    title.put("en_US", "Harbour");
    title.put("de_DE", "Hafen");
    return before.newBuilder()
        .fileName("hafen-über-nacht.jpg")
        .metadata("copyright", MetadataValue.of("ACME Ltd"))
        .metadata("title", MetadataValue.localized(title))
        .modifiedAt(Instant.parse("2021-10-20T18:43:54.123Z"))
        .modifiedBy("user-42")
        .extension("acme.flags", Arrays.asList("reviewed", 1.5, true, null))
        .build();
  }

  private MediaEvent updated() {
    return MediaEvent.builder(MediaEventType.UPDATED)
        .id("2e32d603-a379-46f9-9393-ba4d1859e2fe")
        .occurredAt(Instant.parse("2021-10-20T18:43:54.123Z"))
        .source(SOURCE)
        .actor("user-42")
        .before(before)
        .after(after())
        .build();
  }

  private static WebhookPayload render(CloudEventsFormat format, MediaEvent event) {
    return format.render(event, ATTEMPT).orElseThrow();
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void structuredEventMatchesJsonStringifyBytes() throws IOException {
    WebhookPayload payload = render(CloudEventsFormat.structured(), updated());

    assertThat(payload.bodyBytes())
        .isEqualTo(resource("/expected/cloudevents/structured-updated.expected.json"));
    assertThat(payload.contentType()).isEqualTo("application/cloudevents+json");
    assertThat(payload.headers()).isEmpty();
    assertThat(payload.eventName()).isEqualTo("io.mediahooks.media.updated");
  }

  @Test
  void structuredModeHasEveryRequiredAttributeWithAValidValue() throws IOException {
    for (MediaEvent event : List.of(MediaEvent.created(before).newBuilder().source(SOURCE).build(),
        updated(), MediaEvent.deleted(before).newBuilder().source(SOURCE).build())) {
      JsonNode ce = MAPPER.readTree(render(CloudEventsFormat.structured(), event).bodyBytes());

      assertThat(ce.get("specversion").asText()).isEqualTo("1.0");
      assertThat(ce.get("id").asText()).isEqualTo(event.id()).isNotEmpty();
      assertThat(URI.create(ce.get("source").asText()).toString())
          .isEqualTo("https://dam.example.com");
      assertThat(ce.get("type").asText())
          .isEqualTo("io.mediahooks.media." + event.type().name().toLowerCase());
      assertThat(ce.get("subject").asText()).isEqualTo("a1");
      assertThat(OffsetDateTime.parse(ce.get("time").asText()).toInstant())
          .isEqualTo(event.occurredAt());
      assertThat(ce.get("datacontenttype").asText()).isEqualTo("application/json");
      assertThat(ce.get("data").isObject()).isTrue();
      for (String name : keys(ce)) {
        assertThat(name).matches("[a-z0-9]+");
      }
    }
  }

  @Test
  void binaryModeSendsDataAsBodyAndAttributesAsCeHeaders() throws IOException {
    CloudEventsFormat format = CloudEventsFormat.binary();
    WebhookPayload payload = render(format, updated());

    assertThat(payload.contentType()).isEqualTo("application/json");
    assertThat(payload.headers()).containsExactly(
        Map.entry("ce-specversion", "1.0"),
        Map.entry("ce-id", "2e32d603-a379-46f9-9393-ba4d1859e2fe"),
        Map.entry("ce-source", "https://dam.example.com"),
        Map.entry("ce-type", "io.mediahooks.media.updated"),
        Map.entry("ce-subject", "a1"),
        Map.entry("ce-time", "2021-10-20T18:43:54.123Z"));
    assertThat(payload.headers()).doesNotContainKey("ce-datacontenttype");
    assertThat(payload.eventName()).isEqualTo("io.mediahooks.media.updated");
    JsonNode structured = MAPPER.readTree(resource(
        "/expected/cloudevents/structured-updated.expected.json"));
    assertThat(MAPPER.readTree(payload.bodyBytes())).isEqualTo(structured.get("data"));
    assertThat(payload.bodyString()).isEqualTo(structured.get("data").toString());
  }

  @Test
  void binaryHeaderValuesArePercentEncodedAsTheHttpBindingRequires() {
    CloudEventsFormat format = CloudEventsFormat.builder().mode(CloudEventsFormat.Mode.BINARY)
        .extensionAttribute("tenant", "Café \"Nord\" 100% 😀")
        .build();
    MediaEvent event = MediaEvent.builder(MediaEventType.CREATED)
        .id("evt 1")
        .occurredAt(Instant.parse("2021-10-20T18:43:54Z"))
        .source(SOURCE)
        .after(before.newBuilder().id("Euro € 😀").build())
        .build();

    Map<String, String> headers = render(format, event).headers();

    assertThat(headers.get("ce-id")).isEqualTo("evt%201");
    assertThat(headers.get("ce-subject")).isEqualTo("Euro%20%E2%82%AC%20%F0%9F%98%80");
    assertThat(headers.get("ce-tenant"))
        .isEqualTo("Caf%C3%A9%20%22Nord%22%20100%25%20%F0%9F%98%80");
    assertThat(URLDecoder.decode(headers.get("ce-tenant"), StandardCharsets.UTF_8))
        .isEqualTo("Café \"Nord\" 100% 😀");
    for (String value : headers.values()) {
      assertThat(value).matches("[\\x21-\\x7e]+").doesNotContain("\"");
    }
  }

  @Test
  void structuredModeKeepsAttributeValuesUnencoded() throws IOException {
    MediaEvent event = MediaEvent.builder(MediaEventType.CREATED)
        .id("evt 1")
        .source(SOURCE)
        .after(before.newBuilder().id("Euro €").build())
        .build();

    JsonNode ce = MAPPER.readTree(render(CloudEventsFormat.structured(), event).bodyBytes());

    assertThat(ce.get("id").asText()).isEqualTo("evt 1");
    assertThat(ce.get("subject").asText()).isEqualTo("Euro €");
  }

  @Test
  void dataHasEveryFieldWithNullsForUnsetOnesAndNullBeforeForCreation() throws IOException {
    MediaSnapshot bare = MediaSnapshot.builder().fileName("a.pdf").build();
    MediaEvent created = MediaEvent.builder(MediaEventType.CREATED).id("e1")
        .occurredAt(Instant.parse("2021-10-20T18:43:54Z")).source(SOURCE).after(bare).build();

    JsonNode data = MAPPER.readTree(render(CloudEventsFormat.binary(), created).bodyBytes());

    assertThat(keys(data)).containsExactly("changes", "before", "after", "actor", "diff");
    assertThat(data.get("changes").toString()).isEqualTo("[]");
    assertThat(data.get("before").isNull()).isTrue();
    assertThat(data.get("actor").isNull()).isTrue();
    assertThat(data.get("diff").toString()).isEqualTo("[]");
    assertThat(keys(data.get("after"))).containsExactly("id", "url", "fileName", "folder",
        "mimeType", "size", "width", "height", "duration", "bitrate", "streamingUrl", "alt",
        "title", "description", "creators", "tags", "labels", "metadata", "createdAt",
        "modifiedAt", "createdBy", "modifiedBy", "sha1", "revision", "thumbnailUrl",
        "previewUrl", "extensions");
    assertThat(data.get("after").toString()).isEqualTo("{\"id\":null,\"url\":null,"
        + "\"fileName\":\"a.pdf\",\"folder\":null,\"mimeType\":null,\"size\":null,\"width\":null,"
        + "\"height\":null,\"duration\":null,\"bitrate\":null,\"streamingUrl\":null,\"alt\":null,"
        + "\"title\":null,\"description\":null,\"creators\":[],\"tags\":[],\"labels\":[],"
        + "\"metadata\":{},\"createdAt\":null,\"modifiedAt\":null,\"createdBy\":null,"
        + "\"modifiedBy\":null,\"sha1\":null,\"revision\":null,\"thumbnailUrl\":null,"
        + "\"previewUrl\":null,\"extensions\":{}}");
  }

  @Test
  void deletionHasNullAfterAndTheRemovedAssetBefore() throws IOException {
    MediaEvent deleted = MediaEvent.deleted(before).newBuilder().source(SOURCE).build();

    JsonNode data = MAPPER.readTree(render(CloudEventsFormat.binary(), deleted).bodyBytes());

    assertThat(data.get("after").isNull()).isTrue();
    assertThat(data.get("before").get("fileName").asText()).isEqualTo("harbour.jpg");
  }

  @Test
  void durationIsSecondsAndTimesAreRfc3339() throws IOException {
    MediaSnapshot v1 = MediaSnapshot.builder().id("v").mimeType("video/mp4")
        .duration(Duration.ofSeconds(94)).build();
    MediaSnapshot v2 = v1.newBuilder().duration(Duration.ofMillis(94_500))
        .createdAt(Instant.parse("2021-10-20T18:43:54.000001Z")).build();
    MediaEvent event = MediaEvent.updated(v1, v2).newBuilder().source(SOURCE).build();

    JsonNode data = MAPPER.readTree(render(CloudEventsFormat.binary(), event).bodyBytes());

    assertThat(data.get("before").get("duration").toString()).isEqualTo("94");
    assertThat(data.get("after").get("duration").toString()).isEqualTo("94.5");
    assertThat(data.get("after").get("createdAt").asText())
        .isEqualTo("2021-10-20T18:43:54.000001Z");
    assertThat(data.get("diff").get(0).toString())
        .isEqualTo("{\"field\":\"duration\",\"before\":94,\"after\":94.5}");
    assertThat(data.get("changes").toString()).isEqualTo("[\"content\"]");
  }

  @Test
  void snapshotExtensionsCanBeLeftOut() throws IOException {
    CloudEventsFormat format = CloudEventsFormat.builder().includeExtensions(false).build();

    JsonNode ce = MAPPER.readTree(render(format, updated()).bodyBytes());

    assertThat(ce.get("data").get("after").has("extensions")).isFalse();
    assertThat(ce.get("data").get("after").has("previewUrl")).isTrue();
  }

  @Test
  void subjectIsLeftOutWhenTheAssetHasNoId() throws IOException {
    MediaEvent event = MediaEvent.created(MediaSnapshot.builder().fileName("a.jpg").build())
        .newBuilder().source(SOURCE).build();

    assertThat(MAPPER.readTree(render(CloudEventsFormat.structured(), event).bodyBytes())
        .has("subject")).isFalse();
    assertThat(render(CloudEventsFormat.binary(), event).headers()).doesNotContainKey("ce-subject");
  }

  @Test
  void sourceIsConfiguredThenSiteUrlThenServiceUrnThenDefault() throws IOException {
    MediaEvent site = updated();
    MediaEvent service = site.newBuilder().source(EventSource.of("acme media:prod")).build();
    MediaEvent none = site.newBuilder().source(EventSource.unspecified()).build();
    CloudEventsFormat fixed = CloudEventsFormat.builder().source("/tenants/acme")
        .defaultSource("https://fallback.example.com").build();
    CloudEventsFormat fallback = CloudEventsFormat.builder()
        .defaultSource("https://fallback.example.com").build();

    assertThat(sourceOf(fixed, site)).isEqualTo("/tenants/acme");
    assertThat(sourceOf(fixed, none)).isEqualTo("/tenants/acme");
    assertThat(sourceOf(fallback, site)).isEqualTo("https://dam.example.com");
    assertThat(sourceOf(fallback, service)).isEqualTo("urn:mediahooks:acme%20media%3Aprod");
    assertThat(URI.create(sourceOf(fallback, service)).isAbsolute()).isTrue();
    assertThat(sourceOf(fallback, none)).isEqualTo("https://fallback.example.com");
    assertThatThrownBy(() -> render(CloudEventsFormat.structured(), none))
        .isInstanceOf(FormatException.class)
        .hasMessageStartingWith("cloudevents: source is required but the event's EventSource has"
            + " neither siteUrl nor serviceId");
  }

  private static String sourceOf(CloudEventsFormat format, MediaEvent event) throws IOException {
    return MAPPER.readTree(render(format, event).bodyBytes()).get("source").asText();
  }

  @Test
  void typePrefixDataSchemaAndExtensionAttributesAreConfigurable() throws IOException {
    CloudEventsFormat format = CloudEventsFormat.builder()
        .typePrefix("com.example.dam.asset")
        .dataSchema("https://dam.example.com/schemas/asset-event.json")
        .extensionAttribute("tenant", "acme")
        .extensionAttribute("partitionkey", "a1")
        .build();

    WebhookPayload structured = render(format, updated());
    JsonNode ce = MAPPER.readTree(structured.bodyBytes());
    assertThat(keys(ce)).containsExactly("specversion", "id", "source", "type", "subject", "time",
        "datacontenttype", "dataschema", "tenant", "partitionkey", "data");
    assertThat(ce.get("type").asText()).isEqualTo("com.example.dam.asset.updated");
    assertThat(ce.get("dataschema").asText())
        .isEqualTo("https://dam.example.com/schemas/asset-event.json");
    assertThat(ce.get("tenant").asText()).isEqualTo("acme");
    assertThat(structured.eventName()).isEqualTo("com.example.dam.asset.updated");

    WebhookPayload binary = render(
        CloudEventsFormat.builder().mode(CloudEventsFormat.Mode.BINARY)
            .dataSchema("https://dam.example.com/schemas/asset-event.json")
            .extensionAttribute("tenant", "acme").build(), updated());
    assertThat(binary.headers()).containsEntry("ce-dataschema",
        "https://dam.example.com/schemas/asset-event.json").containsEntry("ce-tenant", "acme");
  }

  @Test
  void invalidConfigurationIsRejectedAtBuildTime() {
    assertThatThrownBy(() -> CloudEventsFormat.builder().extensionAttribute("Tenant", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower-case ASCII letters and digits");
    assertThatThrownBy(() -> CloudEventsFormat.builder().extensionAttribute("subject", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a CloudEvents context attribute");
    assertThatThrownBy(() -> CloudEventsFormat.builder().extensionAttribute("tenant", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value of extension attribute tenant is empty");
    assertThatThrownBy(() -> CloudEventsFormat.builder().dataSchema("/schemas/a.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("dataSchema must be an absolute URI");
    assertThatThrownBy(() -> CloudEventsFormat.builder().source("https://a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("source is not a valid URI-reference");
    assertThatThrownBy(() -> CloudEventsFormat.builder().typePrefix("com.example\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("typePrefix has the control character U+000A at index 11");
  }

  @Test
  void eventValuesThatAreNotCloudEventsStringsAreFormatExceptions() {
    MediaEvent controlId = updated().newBuilder().id("evt\u00071").build();
    MediaEvent farFuture = updated().newBuilder()
        .occurredAt(Instant.parse("+10000-01-01T00:00:00Z")).build();

    assertThatThrownBy(() -> render(CloudEventsFormat.structured(), controlId))
        .isInstanceOf(FormatException.class)
        .hasMessage("cloudevents: id (from MediaEvent.id) has the control character U+0007 at"
            + " index 3, which a CloudEvents String may not contain");
    assertThatThrownBy(() -> render(CloudEventsFormat.binary(), farFuture))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("outside the years 0000-9999");
  }

  @Test
  void everyEventHasAMessageAndTheAttemptDoesNotChangeIt() {
    CloudEventsFormat format = CloudEventsFormat.structured();
    Attempt third = Attempt.of(3, "b1c1f8a4-0000-4000-8000-000000000003",
        Instant.parse("2024-05-06T09:00:00Z"));

    assertThat(format.skipReason(updated())).isEmpty();
    assertThat(format.render(updated(), third)).isEqualTo(format.render(updated(), ATTEMPT));
    assertThat(format.name()).isEqualTo("cloudevents");
  }

  @Test
  void headerPercentEncodingLeavesPrintableAsciiAlone() {
    assertThat(Attributes.headerValue("urn:mediahooks:acme/x?y=1&z=~"))
        .isEqualTo("urn:mediahooks:acme/x?y=1&z=~");
    assertThat(Attributes.headerValue("Euro € 😀")).isEqualTo("Euro%20%E2%82%AC%20%F0%9F%98%80");
    assertThat(Attributes.headerValue("tab\there\u007f")).isEqualTo("tab%09here%7F");
  }

  @Test
  void cloudEventsStringRulesRejectControlsLoneSurrogatesAndNoncharacters() {
    assertThat(Attributes.stringProblem("Euro € 😀")).isNull();
    assertThat(Attributes.stringProblem("a\u0085")).isEqualTo(
        "has the control character U+0085 at index 1");
    assertThat(Attributes.stringProblem("a\uD83D")).isEqualTo(
        "has the lone surrogate U+D83D at index 1");
    assertThat(Attributes.stringProblem("\uFFFE")).isEqualTo(
        "has the noncharacter U+FFFE at index 0");
    assertThat(Attributes.stringProblem("\uD800\uDC00")).isNull();
  }

  static byte[] resource(String path) throws IOException {
    try (InputStream in = CloudEventsFormatTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return in.readAllBytes();
    }
  }
}
