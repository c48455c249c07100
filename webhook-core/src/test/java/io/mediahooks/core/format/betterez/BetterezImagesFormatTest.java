package io.mediahooks.core.format.betterez;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class BetterezImagesFormatTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String EVENT_ID = "2e32d603-a379-46f9-9393-ba4d1859e2fe";
  private static final String ATTEMPT_ID = "20ebdb3d-85e1-47a4-a81d-7b6c7dd1a481";
  private static final String IMAGE_ID = "5f243d100617680712e78dd7";
  private static final String ACCOUNT_ID = "52a377ec430c7d4e220001fc";
  private static final String USER_ID = "5f243d100617680712e78dd7";
  /** 1634755434 seconds: the docs' {@code created}. */
  private static final Attempt ATTEMPT =
      Attempt.of(1, ATTEMPT_ID, Instant.parse("2021-10-20T18:43:54Z"));
  private static final Instant DOC_DATE = Instant.parse("2021-10-20T18:42:50.342Z");

  private final BetterezImagesFormat format = BetterezImagesFormat.create();

  /** The image of the vendor's example. */
  private static MediaSnapshot docImage() {
    return MediaSnapshot.builder()
        .id(IMAGE_ID)
        .url("https://example.com/image.png")
        .mimeType("image/png")
        .createdBy(USER_ID)
        .modifiedBy(USER_ID)
        .createdAt(DOC_DATE)
        .modifiedAt(DOC_DATE)
        .build();
  }

  private static EventSource docSource() {
    return EventSource.builder().accountId(ACCOUNT_ID).build();
  }

  private static MediaEvent created(MediaSnapshot after) {
    return MediaEvent.builder(MediaEventType.CREATED).id(EVENT_ID)
        .occurredAt(Instant.parse("2021-10-20T18:43:00Z")).source(docSource()).after(after)
        .build();
  }

  private static MediaEvent deleted(MediaSnapshot before) {
    return MediaEvent.builder(MediaEventType.DELETED).id(EVENT_ID).source(docSource())
        .before(before).build();
  }

  private WebhookPayload render(MediaEvent event) {
    return format.render(event, ATTEMPT).orElseThrow();
  }

  private static JsonNode tree(WebhookPayload payload) throws IOException {
    return MAPPER.readTree(payload.bodyBytes());
  }

  // Golden files.

  @Test
  void imagesCreatedMatchesTheVendorExample() throws IOException {
    assertGolden("images-created.docs.json", render(created(docImage())), "images.created");
  }

  @Test
  void imagesDeletedMatchesTheVendorExample() throws IOException {
    assertGolden("images-deleted.docs.json", render(deleted(docImage())), "images.deleted");
  }

  private static void assertGolden(String fixture, WebhookPayload payload, String eventName)
      throws IOException {
    JsonNode expected = MAPPER.readTree(fixture(fixture));
    assertThat(tree(payload)).isEqualTo(expected);
    // Tree equality ignores key order; the compact re-serialisation keeps the fixture's order.
    String compact = MAPPER.writeValueAsString(expected);
    assertThat(payload.bodyString()).isEqualTo(compact);
    assertThat(payload.bodyBytes()).isEqualTo(compact.getBytes(StandardCharsets.UTF_8));
    assertThat(payload.eventName()).isEqualTo(eventName);
    assertThat(payload.contentType()).isEqualTo("application/json");
    assertThat(payload.headers()).isEmpty();
  }

  @Test
  void envelopeHasExactlyTheDocumentedKeysWithTheDocumentedTypes() throws IOException {
    // The structure fixture is a schema illustration (values are type names), not a payload.
    JsonNode schema = MAPPER.readTree(fixture("envelope-structure.docs.json"));
    for (WebhookPayload payload :
        List.of(render(created(docImage())), render(deleted(docImage())))) {
      JsonNode body = tree(payload);
      assertThat(fieldNames(body)).containsExactlyInAnyOrderElementsOf(fieldNames(schema));
      for (String key : fieldNames(schema)) {
        String type = schema.get(key).isObject() ? "object" : schema.get(key).asText();
        JsonNode value = body.get(key);
        switch (type) {
          case "string":
            assertThat(value.isTextual()).as(key).isTrue();
            break;
          case "boolean":
            assertThat(value.isBoolean()).as(key).isTrue();
            break;
          case "int":
            assertThat(value.isIntegralNumber()).as(key).isTrue();
            break;
          default:
            assertThat(value.isObject()).as(key).isTrue();
        }
      }
    }
  }

  @Test
  void envelopeKeysAreInTheDocsAlphabeticalOrder() throws IOException {
    assertThat(fieldNames(tree(render(created(docImage())))))
        .containsExactly("attemptId", "created", "data", "event", "id", "livemode");
    assertThat(fieldNames(tree(render(deleted(docImage())))))
        .containsExactly("attemptId", "created", "data", "event", "id", "livemode");
  }

  @Test
  void createdDataKeysAreInTheDocumentedOrder() throws IOException {
    assertThat(fieldNames(tree(render(created(docImage()))).get("data"))).containsExactly(
        "_id", "accountId", "url", "createdBy", "updatedBy", "createdAt", "updatedAt");
  }

  // Envelope values.

  @Test
  void attemptIdChangesPerAttemptWhileIdStays() throws IOException {
    MediaEvent event = created(docImage());
    JsonNode first = tree(format.render(event, ATTEMPT).orElseThrow());
    JsonNode retry = tree(format.render(event,
        Attempt.of(2, "7c1e2a4b-0d7f-4a52-9f3e-2b1d8c6a5e90",
            Instant.parse("2021-10-20T18:48:54Z"))).orElseThrow());
    assertThat(first.get("id").asText()).isEqualTo(EVENT_ID);
    assertThat(retry.get("id").asText()).isEqualTo(EVENT_ID);
    assertThat(first.get("attemptId").asText()).isEqualTo(ATTEMPT_ID);
    assertThat(retry.get("attemptId").asText()).isEqualTo("7c1e2a4b-0d7f-4a52-9f3e-2b1d8c6a5e90");
    assertThat(retry.get("created").asLong()).isEqualTo(first.get("created").asLong() + 300);
    assertThat(retry.get("data")).isEqualTo(first.get("data"));
  }

  @Test
  void createdIsTheAttemptTimeInWholeUnixSeconds() throws IOException {
    Attempt late = Attempt.of(1, "a", Instant.parse("2021-10-20T18:43:54.999Z"));
    JsonNode body = tree(format.render(created(docImage()), late).orElseThrow());
    assertThat(body.get("created").isIntegralNumber()).isTrue();
    assertThat(body.get("created").asLong()).isEqualTo(1_634_755_434L);
    assertThat(format.render(created(docImage()), late).orElseThrow().bodyString())
        .contains("\"created\":1634755434,");
  }

  @Test
  void livemodeComesFromTheEventSource() throws IOException {
    MediaEvent test = created(docImage()).newBuilder()
        .source(docSource().newBuilder().liveMode(false).build()).build();
    assertThat(tree(render(test)).get("livemode").asBoolean()).isFalse();
    assertThat(tree(render(created(docImage()))).get("livemode").asBoolean()).isTrue();
  }

  // images.deleted and updates.

  @Test
  void deletedDataIsExactlyTheImageId() throws IOException {
    JsonNode data = tree(render(deleted(docImage()))).get("data");
    assertThat(fieldNames(data)).containsExactly("imageId");
    assertThat(data.get("imageId").asText()).isEqualTo(IMAGE_ID);
  }

  @Test
  void deletedNeedsNoAccountUrlUsersOrDates() {
    MediaSnapshot bare = MediaSnapshot.builder().id(IMAGE_ID).build();
    MediaEvent event = MediaEvent.builder(MediaEventType.DELETED).id(EVENT_ID).before(bare)
        .build();
    assertThat(format.render(event, ATTEMPT).orElseThrow().bodyString()).isEqualTo(
        "{\"attemptId\":\"" + ATTEMPT_ID + "\",\"created\":1634755434,\"data\":{\"imageId\":\""
            + IMAGE_ID + "\"},\"event\":\"images.deleted\",\"id\":\"" + EVENT_ID
            + "\",\"livemode\":true}");
  }

  @Test
  void updatesRenderEmptyWithAReason() {
    MediaEvent update = MediaEvent.updated(docImage(),
        docImage().newBuilder().url("https://example.com/image2.png").build());
    assertThat(format.skipReason(update)).contains("betterez: has no image update event (only"
        + " images.created and images.deleted); this update is [CONTENT]");
    assertThat(format.render(update, ATTEMPT)).isEmpty();
    assertThat(format.skipReason(created(docImage()))).isEmpty();
    assertThat(format.skipReason(deleted(docImage()))).isEmpty();
  }

  // Image ids.

  @Test
  void imageIdMustBeAnObjectIdNamingTheIdAndTheOption() {
    for (String bad : new String[] {"5F243D100617680712E78DD7", "5f243d100617680712e78dd",
        "5f243d100617680712e78dd7a", "5f243d100617680712e78ddz", "img-42"}) {
      MediaSnapshot image = docImage().newBuilder().id(bad).build();
      assertThatThrownBy(() -> format.render(created(image), ATTEMPT))
          .as(bad)
          .isInstanceOf(FormatException.class)
          .hasMessageContaining("\"" + bad + "\"")
          .hasMessageContaining("data._id")
          .hasMessageContaining("ObjectId")
          .hasMessageContaining("passThroughIds(true)");
      assertThatThrownBy(() -> format.render(deleted(image), ATTEMPT))
          .isInstanceOf(FormatException.class)
          .hasMessageContaining("data.imageId");
    }
  }

  @Test
  void passThroughIdsSendsOtherIdsUnchanged() throws IOException {
    BetterezImagesFormat passThrough = BetterezImagesFormat.builder().passThroughIds(true).build();
    MediaSnapshot image = docImage().newBuilder().id("img-42").build();
    assertThat(tree(passThrough.render(created(image), ATTEMPT).orElseThrow())
        .get("data").get("_id").asText()).isEqualTo("img-42");
    assertThat(tree(passThrough.render(deleted(image), ATTEMPT).orElseThrow())
        .get("data").get("imageId").asText()).isEqualTo("img-42");
    assertThat(passThrough.passesThroughIds()).isTrue();
    assertThat(format.passesThroughIds()).isFalse();
  }

  @Test
  void missingImageIdIsAFormatExceptionEvenWhenPassingIdsThrough() {
    MediaSnapshot noId = docImage().newBuilder().id(null).build();
    BetterezImagesFormat passThrough = BetterezImagesFormat.builder().passThroughIds(true).build();
    assertThatThrownBy(() -> passThrough.render(deleted(noId), ATTEMPT))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("image id missing for data.imageId")
        .hasMessageContaining("MediaSnapshot.id");
  }

  // Account, URL and users.

  @Test
  void accountIdComesFromTheFormatBeforeTheEventSource() throws IOException {
    BetterezImagesFormat fixed = BetterezImagesFormat.builder()
        .accountId("000000000000000000000001").build();
    assertThat(tree(fixed.render(created(docImage()), ATTEMPT).orElseThrow())
        .get("data").get("accountId").asText()).isEqualTo("000000000000000000000001");
    assertThat(fixed.accountId()).isEqualTo("000000000000000000000001");
  }

  @Test
  void missingAccountIdIsAFormatExceptionSayingWhereToSetIt() {
    MediaEvent event = created(docImage()).newBuilder().source(EventSource.unspecified()).build();
    assertThatThrownBy(() -> format.render(event, ATTEMPT))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("accountId missing")
        .hasMessageContaining("EventSource.accountId")
        .hasMessageContaining("BetterezImagesFormat.builder().accountId");
  }

  @Test
  void missingUrlIsAFormatExceptionNamingIt() {
    MediaSnapshot noUrl = docImage().newBuilder().url(null).build();
    assertThatThrownBy(() -> format.render(created(noUrl), ATTEMPT))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("url missing for data.url");
  }

  @Test
  void createdByAndUpdatedByFallBackToTheActor() throws IOException {
    MediaSnapshot noUsers = docImage().newBuilder().createdBy(null).modifiedBy(null).build();
    MediaEvent event = created(noUsers).newBuilder().actor("user-7").build();
    JsonNode data = tree(render(event)).get("data");
    assertThat(data.get("createdBy").asText()).isEqualTo("user-7");
    assertThat(data.get("updatedBy").asText()).isEqualTo("user-7");
  }

  @Test
  void snapshotUsersWinOverTheActor() throws IOException {
    MediaSnapshot image = docImage().newBuilder().createdBy("creator").modifiedBy("editor")
        .build();
    JsonNode data = tree(render(created(image).newBuilder().actor("actor").build())).get("data");
    assertThat(data.get("createdBy").asText()).isEqualTo("creator");
    assertThat(data.get("updatedBy").asText()).isEqualTo("editor");
  }

  @Test
  void eachUserFieldFallsBackToTheOtherWithoutAnActor() throws IOException {
    JsonNode onlyCreator = tree(render(created(
        docImage().newBuilder().createdBy("creator").modifiedBy(null).build()))).get("data");
    assertThat(onlyCreator.get("updatedBy").asText()).isEqualTo("creator");
    JsonNode onlyEditor = tree(render(created(
        docImage().newBuilder().createdBy(null).modifiedBy("editor").build()))).get("data");
    assertThat(onlyEditor.get("createdBy").asText()).isEqualTo("editor");
  }

  @Test
  void missingUsersAreAFormatExceptionSayingWhereToSetThem() {
    MediaSnapshot noUsers = docImage().newBuilder().createdBy(null).modifiedBy(null).build();
    assertThatThrownBy(() -> format.render(created(noUsers), ATTEMPT))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("data.createdBy")
        .hasMessageContaining("MediaSnapshot.createdBy/modifiedBy")
        .hasMessageContaining("actor");
  }

  // Dates.

  @Test
  void datesAreValueAndOffsetObjectsWithExactlyThreeFractionDigits() throws IOException {
    MediaSnapshot image = docImage().newBuilder()
        .createdAt(Instant.parse("2021-10-20T18:42:50Z"))
        .modifiedAt(Instant.parse("2021-10-21T07:00:00.123456789Z"))
        .build();
    WebhookPayload payload = render(created(image));
    assertThat(payload.bodyString()).contains(
        "\"createdAt\":{\"value\":\"2021-10-20T18:42:50.000Z\",\"offset\":0},"
            + "\"updatedAt\":{\"value\":\"2021-10-21T07:00:00.123Z\",\"offset\":0}}");
  }

  @Test
  void createdAtFallsBackToOccurredAtAndUpdatedAtToCreatedAt() throws IOException {
    MediaSnapshot undated = docImage().newBuilder().createdAt(null).modifiedAt(null).build();
    JsonNode data = tree(render(created(undated))).get("data");
    assertThat(data.get("createdAt").get("value").asText()).isEqualTo("2021-10-20T18:43:00.000Z");
    assertThat(data.get("updatedAt")).isEqualTo(data.get("createdAt"));

    MediaSnapshot onlyCreated = docImage().newBuilder().modifiedAt(null).build();
    JsonNode data2 = tree(render(created(onlyCreated))).get("data");
    assertThat(data2.get("updatedAt").get("value").asText())
        .isEqualTo("2021-10-20T18:42:50.342Z");
  }

  @Test
  void dateValuesEqualJavaScriptToIsoString() throws IOException {
    JsonNode iso = nodeExpectations().get("toISOString");
    int checked = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = iso.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Instant t = Instant.ofEpochMilli(Long.parseLong(e.getKey()));
      assertThat(BetterezBody.isoMillis(t, "data.createdAt")).as(e.getKey())
          .isEqualTo(e.getValue().asText());
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(10);
  }

  @Test
  void datesOutsideTheJavaScriptRangeAreAFormatException() {
    Instant tooLate = Instant.ofEpochMilli(8_640_000_000_000_001L);
    MediaSnapshot image = docImage().newBuilder().modifiedAt(tooLate).build();
    assertThatThrownBy(() -> format.render(created(image), ATTEMPT))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("data.updatedAt")
        .hasMessageContaining("JavaScript Date");
    assertThatThrownBy(() -> BetterezBody.isoMillis(Instant.MIN, "data.createdAt"))
        .isInstanceOf(FormatException.class);
  }

  // Bytes.

  @Test
  void createdBodyEqualsNodeJsonStringifyWithNonAsciiAndSlashes() throws IOException {
    MediaSnapshot image = docImage().newBuilder()
        .url("https://example.com/bilder/Gr\u00f6\u00dfe/\u65e5\u672c\u306e\u6e2f/\ud83d\ude00"
            + " dusk.png?w=1&h=2")
        .createdBy("usuario/Jos\u00e9")
        .modifiedBy("\u7528\u6237 \"42\" \\ \u2028 \t")
        .modifiedAt(Instant.parse("2021-10-21T07:00:00.005Z"))
        .build();
    MediaEvent event = created(image).newBuilder()
        .source(docSource().newBuilder().liveMode(false).build()).build();
    String expected = nodeExpectations().get("betterez.images.created.unicode").textValue();
    WebhookPayload payload = render(event);
    assertThat(payload.bodyBytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    // What a receiver re-stringifying the parsed body gets: the same bytes, so s2 verifies.
    assertThat(MAPPER.writeValueAsString(MAPPER.readTree(payload.bodyBytes())))
        .isEqualTo(payload.bodyString());
  }

  @Test
  void deletedBodyEqualsNodeJsonStringifyForAPassedThroughId() throws IOException {
    BetterezImagesFormat passThrough = BetterezImagesFormat.builder().passThroughIds(true).build();
    MediaSnapshot image = MediaSnapshot.builder().id("bilder/\u00e9t\u00e9-1").build();
    WebhookPayload payload = passThrough.render(deleted(image),
        Attempt.of(1, "a/2", Instant.parse("2021-10-20T18:44:00.500Z"))).orElseThrow();
    String expected = nodeExpectations().get("betterez.images.deleted.passThroughId").textValue();
    assertThat(payload.bodyBytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
  }

  // Configuration.

  @Test
  void builderChecksArgumentsAndNewBuilderKeepsSettings() {
    assertThatThrownBy(() -> BetterezImagesFormat.builder().accountId(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("accountId ");
    BetterezImagesFormat f = BetterezImagesFormat.builder().accountId("acc").passThroughIds(true)
        .build();
    BetterezImagesFormat copy = f.newBuilder().build();
    assertThat(copy.accountId()).isEqualTo("acc");
    assertThat(copy.passesThroughIds()).isTrue();
    assertThat(f.name()).isEqualTo("betterez");
    assertThat(BetterezImagesFormat.create().accountId()).isNull();
  }

  @Test
  void explicitChangesDoNotTurnAnUpdateIntoACreation() {
    MediaEvent restore = MediaEvent.builder(MediaEventType.UPDATED).before(docImage())
        .after(docImage()).changes(MediaChange.RESTORE).build();
    assertThat(format.render(restore, ATTEMPT)).isEmpty();
  }

  private static JsonNode nodeExpectations() throws IOException {
    try (InputStream in = Objects.requireNonNull(
        BetterezImagesFormatTest.class.getResourceAsStream("/format-js/expected.json"))) {
      return MAPPER.readTree(in);
    }
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = Objects.requireNonNull(
        BetterezImagesFormatTest.class.getResourceAsStream("/fixtures/betterez/" + name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
