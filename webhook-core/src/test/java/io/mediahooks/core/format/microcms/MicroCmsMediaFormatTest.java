package io.mediahooks.core.format.microcms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahooks.core.Attempt;
import io.mediahooks.core.EventSource;
import io.mediahooks.core.FormatException;
import io.mediahooks.core.MediaChange;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.WebhookPayload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MicroCmsMediaFormatTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Attempt ATTEMPT =
      Attempt.of(1, "20ebdb3d-85e1-47a4-a81d-7b6c7dd1a481", Instant.parse("2021-10-20T18:43:54Z"));
  private static final String IMAGE_URL =
      "https://images.microcms-assets.io/assets/xxxx/yyyy/zzzz.jpg";

  private final MicroCmsMediaFormat format = MicroCmsMediaFormat.create("someId");

  /** The image of the vendor's example: 100 x 100 with alt text. */
  private static MediaSnapshot docImage() {
    return MediaSnapshot.builder()
        .id("media-1")
        .url(IMAGE_URL)
        .fileName("zzzz.jpg")
        .mimeType("image/jpeg")
        .dimensions(100, 100)
        .alt("Some sample alt text.")
        .build();
  }

  private static WebhookPayload render(MicroCmsMediaFormat format, MediaEvent event) {
    return format.render(event, ATTEMPT).orElseThrow();
  }

  private static JsonNode tree(WebhookPayload payload) throws IOException {
    return MAPPER.readTree(payload.bodyBytes());
  }

  // Golden files.

  @Test
  void mediaEditMatchesTheVendorExample() throws IOException {
    // The example's old and new look alike: what changed is the file name, which the payload
    // does not carry (edit = re-upload or file-name change).
    MediaSnapshot before = docImage();
    MediaSnapshot after = before.newBuilder().fileName("harbour.jpg").build();
    assertGolden("media-edit.docs.json", MediaEvent.updated(before, after), "edit");
  }

  @Test
  void mediaNewMatchesTheFixture() throws IOException {
    MediaSnapshot created = docImage().newBuilder().alt(null).build();
    assertGolden("media-new.inferred.json", MediaEvent.created(created), "new");
  }

  @Test
  void mediaDeleteMatchesTheFixture() throws IOException {
    assertGolden("media-delete.inferred.json", MediaEvent.deleted(docImage()), "delete");
  }

  @Test
  void mediaNewNonImageMatchesTheFixture() throws IOException {
    MediaSnapshot pdf = MediaSnapshot.builder()
        .url("https://files.microcms-assets.io/assets/xxxx/yyyy/sample.pdf")
        .fileName("sample.pdf")
        .mimeType("application/pdf")
        .alt("ignored for files")
        .build();
    assertGolden("media-new-nonimage.inferred.json", MediaEvent.created(pdf), "new");
  }

  private void assertGolden(String fixture, MediaEvent event, String eventName)
      throws IOException {
    String text = fixture(fixture);
    JsonNode expected = MAPPER.readTree(text);
    WebhookPayload payload = render(format, event);
    assertThat(tree(payload)).isEqualTo(expected);
    // Tree equality ignores key order; the compact re-serialisation keeps the fixture's order.
    assertThat(payload.bodyString()).isEqualTo(MAPPER.writeValueAsString(expected));
    assertThat(payload.bodyBytes())
        .isEqualTo(MAPPER.writeValueAsString(expected).getBytes(StandardCharsets.UTF_8));
    assertThat(payload.eventName()).isEqualTo(eventName);
    assertThat(payload.contentType()).isEqualTo("application/json");
    assertThat(payload.headers()).isEmpty();
  }

  /** What node's JSON.stringify printed for the same body (format-js/generate.js). */
  private static String nodeExpectation(String name) throws IOException {
    try (InputStream in = Objects.requireNonNull(
        MicroCmsMediaFormatTest.class.getResourceAsStream("/format-js/expected.json"))) {
      return MAPPER.readTree(in).get(name).textValue();
    }
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = Objects.requireNonNull(
        MicroCmsMediaFormatTest.class.getResourceAsStream("/fixtures/microcms/" + name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  // Null versus absent, and key order.

  @Test
  void oldIsPresentAndNullOnNew() throws IOException {
    JsonNode body = tree(render(format, MediaEvent.created(docImage())));
    assertThat(body.has("old")).isTrue();
    assertThat(body.get("old").isNull()).isTrue();
    assertThat(body.get("new").isObject()).isTrue();
  }

  @Test
  void newIsPresentAndNullOnDelete() throws IOException {
    JsonNode body = tree(render(format, MediaEvent.deleted(docImage())));
    assertThat(body.has("new")).isTrue();
    assertThat(body.get("new").isNull()).isTrue();
    assertThat(body.get("old").isObject()).isTrue();
  }

  @Test
  void topLevelKeysAreServiceTypeOldNewInThatOrder() throws IOException {
    JsonNode body = tree(render(format, MediaEvent.deleted(docImage())));
    assertThat(fieldNames(body)).containsExactly("service", "type", "old", "new");
    assertThat(fieldNames(body.get("old"))).containsExactly("url", "width", "height", "alt");
  }

  @Test
  void widthAndHeightArePresentAndNullForNonImagesEvenWithDimensions() {
    MediaSnapshot video = MediaSnapshot.builder()
        .url("https://files.microcms-assets.io/assets/a/b/launch.mp4")
        .mimeType("video/mp4")
        .dimensions(1920, 1080)
        .duration(Duration.ofSeconds(94))
        .build();
    assertThat(render(format, MediaEvent.created(video)).bodyString()).isEqualTo(
        "{\"service\":\"someId\",\"type\":\"new\",\"old\":null,\"new\":{\"url\":"
            + "\"https://files.microcms-assets.io/assets/a/b/launch.mp4\",\"width\":null,"
            + "\"height\":null}}");
  }

  @Test
  void imageWithUnknownDimensionsGetsNullWidthAndHeight() throws IOException {
    MediaSnapshot image = MediaSnapshot.builder().url(IMAGE_URL).mimeType("image/png").build();
    JsonNode created = tree(render(format, MediaEvent.created(image))).get("new");
    assertThat(created.get("width").isNull()).isTrue();
    assertThat(created.get("height").isNull()).isTrue();
  }

  @Test
  void altKeyIsOmittedForNonImages() throws IOException {
    MediaSnapshot pdf = MediaSnapshot.builder().url("https://files.example.com/a.pdf")
        .mimeType("application/pdf").alt("A report").build();
    JsonNode created = tree(render(format, MediaEvent.created(pdf))).get("new");
    assertThat(created.has("alt")).isFalse();
  }

  @Test
  void altKeyIsOmittedWhenAltIsEmpty() throws IOException {
    MediaSnapshot image = docImage().newBuilder().alt("").build();
    JsonNode created = tree(render(format, MediaEvent.created(image))).get("new");
    assertThat(fieldNames(created)).containsExactly("url", "width", "height");
  }

  @Test
  void altKeyIsOmittedWhenNoAltIsSet() throws IOException {
    MediaSnapshot image = docImage().newBuilder().alt(null).build();
    JsonNode created = tree(render(format, MediaEvent.created(image))).get("new");
    assertThat(fieldNames(created)).containsExactly("url", "width", "height");
  }

  @Test
  void altIsSentForImagesWithAltText() throws IOException {
    JsonNode created = tree(render(format, MediaEvent.created(docImage()))).get("new");
    assertThat(created.get("alt").asText()).isEqualTo("Some sample alt text.");
  }

  @Test
  void imageWithoutMimeTypeIsRecognisedByItsDimensions() throws IOException {
    MediaSnapshot image = MediaSnapshot.builder().url(IMAGE_URL).dimensions(10, 20).alt("x")
        .build();
    JsonNode created = tree(render(format, MediaEvent.created(image))).get("new");
    assertThat(created.get("width").asInt()).isEqualTo(10);
    assertThat(created.get("height").asInt()).isEqualTo(20);
    assertThat(created.get("alt").asText()).isEqualTo("x");
  }

  @Test
  void bytesEqualNodeJsonStringifyForNonAsciiAndSlashes() throws IOException {
    String alt = "Caf\u00e9 \u00ab\u6e2f\u00bb \ud83c\udf05 a/b \"q\"\n";
    MediaSnapshot before = MediaSnapshot.builder()
        .url("https://images.microcms-assets.io/assets/a/b/caf\u00e9.jpg")
        .fileName("caf\u00e9.jpg").mimeType("image/jpeg").dimensions(1920, 1080).alt(alt)
        .build();
    MediaSnapshot after = before.newBuilder()
        .url("https://images.microcms-assets.io/assets/a/b/caf\u00e9-2.jpg").build();
    WebhookPayload payload =
        render(MicroCmsMediaFormat.create("my-service"), MediaEvent.updated(before, after));
    String expected = nodeExpectation("microcms.edit.unicode");
    assertThat(payload.bodyString()).isEqualTo(expected);
    assertThat(payload.bodyBytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
  }

  // Which updates are sent as edit.

  @Test
  void contentChangeIsSentAsEdit() throws IOException {
    MediaSnapshot before = docImage();
    MediaSnapshot after = before.newBuilder()
        .url("https://images.microcms-assets.io/assets/xxxx/yyyy/new.jpg").build();
    MediaEvent event = MediaEvent.updated(before, after);
    assertThat(event.changes()).containsExactly(MediaChange.CONTENT);
    assertThat(format.skipReason(event)).isEmpty();
    JsonNode body = tree(render(format, event));
    assertThat(body.get("type").asText()).isEqualTo("edit");
    assertThat(body.get("old").get("url").asText()).isEqualTo(IMAGE_URL);
    assertThat(body.get("new").get("url").asText()).endsWith("/new.jpg");
  }

  @Test
  void renameIsSentAsEdit() {
    MediaEvent event = MediaEvent.updated(docImage(), docImage().newBuilder().fileName("b.jpg")
        .build());
    assertThat(format.skipReason(event)).isEmpty();
    assertThat(render(format, event).eventName()).isEqualTo("edit");
  }

  @Test
  void metadataOnlyUpdateIsFilteredWithTheReason() {
    MediaEvent event = MediaEvent.builder(MediaEventType.UPDATED)
        .before(docImage()).after(docImage()).changes(MediaChange.METADATA).build();
    assertThat(format.skipReason(event)).contains(
        "microcms: sends edit only for CONTENT or RENAME changes; this update is [METADATA]");
    assertThat(format.render(event, ATTEMPT)).isEmpty();
  }

  @Test
  void altTextChangeIsFilteredByDefault() {
    // microCMS documents edit only for re-uploads and renames; an alt edit is INFO.
    MediaEvent event = MediaEvent.updated(docImage(), docImage().newBuilder().alt("New").build());
    assertThat(format.skipReason(event)).contains(
        "microcms: sends edit only for CONTENT or RENAME changes; this update is [INFO]");
    assertThat(format.render(event, ATTEMPT)).isEmpty();
  }

  @Test
  void updateWithNoChangeKindIsFiltered() {
    MediaEvent event = MediaEvent.updated(docImage(),
        docImage().newBuilder().modifiedAt(Instant.EPOCH).build());
    assertThat(format.skipReason(event)).contains(
        "microcms: sends edit only for CONTENT or RENAME changes; this update is []");
    assertThat(format.render(event, ATTEMPT)).isEmpty();
  }

  @Test
  void editOnReplacesTheDefaultChanges() {
    MicroCmsMediaFormat infoOnly = MicroCmsMediaFormat.builder().serviceId("s")
        .editOn(Set.of(MediaChange.INFO)).build();
    MediaEvent altEdit =
        MediaEvent.updated(docImage(), docImage().newBuilder().alt("New").build());
    MediaEvent rename =
        MediaEvent.updated(docImage(), docImage().newBuilder().fileName("b.jpg").build());
    assertThat(infoOnly.render(altEdit, ATTEMPT)).isPresent();
    assertThat(infoOnly.skipReason(rename))
        .contains("microcms: sends edit only for INFO changes; this update is [RENAME]");
    assertThat(infoOnly.editOn()).containsExactly(MediaChange.INFO);
  }

  @Test
  void editOnAnyChangeSendsEveryUpdate() {
    MicroCmsMediaFormat any = MicroCmsMediaFormat.builder().serviceId("s").editOnAnyChange()
        .build();
    MediaEvent nothing = MediaEvent.updated(docImage(), docImage());
    assertThat(any.editsOnAnyChange()).isTrue();
    assertThat(any.skipReason(nothing)).isEmpty();
    assertThat(any.render(nothing, ATTEMPT)).isPresent();
  }

  @Test
  void editOnAfterEditOnAnyChangeRestrictsAgain() {
    MicroCmsMediaFormat f = MicroCmsMediaFormat.builder().editOnAnyChange()
        .editOn(MediaChange.TAGS).build();
    assertThat(f.editsOnAnyChange()).isFalse();
    assertThat(f.editOn()).containsExactly(MediaChange.TAGS);
  }

  @Test
  void emptyEditOnSendsNoEditButStillNewAndDelete() {
    MicroCmsMediaFormat noEdits = MicroCmsMediaFormat.builder().serviceId("s")
        .editOn(List.of()).build();
    MediaEvent rename =
        MediaEvent.updated(docImage(), docImage().newBuilder().fileName("b.jpg").build());
    assertThat(noEdits.skipReason(rename))
        .contains("microcms: configured to send no edit events; this update is [RENAME]");
    assertThat(noEdits.render(MediaEvent.created(docImage()), ATTEMPT)).isPresent();
    assertThat(noEdits.render(MediaEvent.deleted(docImage()), ATTEMPT)).isPresent();
  }

  @Test
  void createdAndDeletedAreNeverFiltered() {
    assertThat(format.skipReason(MediaEvent.created(docImage()))).isEmpty();
    assertThat(format.skipReason(MediaEvent.deleted(docImage()))).isEmpty();
  }

  @Test
  void defaultEditOnIsContentAndRename() {
    assertThat(MicroCmsMediaFormat.create().editOn())
        .containsExactly(MediaChange.CONTENT, MediaChange.RENAME);
    assertThat(MicroCmsMediaFormat.create().editsOnAnyChange()).isFalse();
  }

  // Service id.

  @Test
  void configuredServiceIdIsSent() throws IOException {
    MediaEvent event = MediaEvent.builder(MediaEventType.CREATED).after(docImage())
        .source(EventSource.of("from-event")).build();
    assertThat(tree(render(MicroCmsMediaFormat.create("configured"), event)).get("service")
        .asText()).isEqualTo("configured");
  }

  @Test
  void serviceIdComesFromTheEventSourceWhenNotConfigured() throws IOException {
    MediaEvent event = MediaEvent.builder(MediaEventType.CREATED).after(docImage())
        .source(EventSource.of("from-event")).build();
    assertThat(tree(render(MicroCmsMediaFormat.create(), event)).get("service").asText())
        .isEqualTo("from-event");
  }

  @Test
  void missingServiceIdIsAFormatExceptionSayingWhereToSetIt() {
    assertThatThrownBy(
            () -> MicroCmsMediaFormat.create().render(MediaEvent.created(docImage()), ATTEMPT))
        .isInstanceOf(FormatException.class)
        .hasMessageStartingWith("microcms: service id missing")
        .hasMessageContaining("MicroCmsMediaFormat.create(serviceId)")
        .hasMessageContaining("EventSource.serviceId");
  }

  @Test
  void serviceIdArgumentsAreChecked() {
    assertThatThrownBy(() -> MicroCmsMediaFormat.create(null))
        .isInstanceOf(NullPointerException.class).hasMessageStartingWith("serviceId ");
    assertThatThrownBy(() -> MicroCmsMediaFormat.create(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("serviceId ");
    assertThatThrownBy(() -> MicroCmsMediaFormat.builder().editOn(MediaChange.TAGS, null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("changes");
  }

  // Other rules.

  @Test
  void missingUrlIsAFormatExceptionNamingUrlAndTheSnapshot() {
    MediaSnapshot noUrl = MediaSnapshot.builder().id("m1").mimeType("image/png").build();
    assertThatThrownBy(() -> format.render(MediaEvent.deleted(noUrl), ATTEMPT))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("url")
        .hasMessageContaining("'before'");
    MediaEvent renamed = MediaEvent.updated(docImage(), noUrl.newBuilder().fileName("x").build());
    assertThatThrownBy(() -> format.render(renamed, ATTEMPT))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("'after'");
  }

  @Test
  void eventNameIsTheTypeValue() {
    MediaEvent rename =
        MediaEvent.updated(docImage(), docImage().newBuilder().fileName("b.jpg").build());
    assertThat(render(format, MediaEvent.created(docImage())).eventName()).isEqualTo("new");
    assertThat(render(format, rename).eventName()).isEqualTo("edit");
    assertThat(render(format, MediaEvent.deleted(docImage())).eventName()).isEqualTo("delete");
  }

  @Test
  void bodyDoesNotDependOnTheAttempt() {
    MediaEvent event = MediaEvent.created(docImage());
    WebhookPayload first = format.render(event, ATTEMPT).orElseThrow();
    WebhookPayload retry =
        format.render(event, Attempt.of(2, "other", Instant.parse("2030-01-01T00:00:00Z")))
            .orElseThrow();
    assertThat(retry).isEqualTo(first);
  }

  @Test
  void nameIsMicrocmsAndNewBuilderKeepsSettings() {
    MicroCmsMediaFormat f = MicroCmsMediaFormat.builder().serviceId("s")
        .editOn(MediaChange.INFO).build();
    assertThat(f.name()).isEqualTo("microcms");
    MicroCmsMediaFormat copy = f.newBuilder().build();
    assertThat(copy.serviceId()).isEqualTo("s");
    assertThat(copy.editOn()).containsExactly(MediaChange.INFO);
    MicroCmsMediaFormat none = MicroCmsMediaFormat.builder().editOn(List.of()).build();
    assertThat(none.newBuilder().build().editOn()).isEmpty();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
