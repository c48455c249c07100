package io.mediahooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class MediaSnapshotTest {

  private static MediaSnapshot everyField() {
    return MediaSnapshot.builder()
        .id("5f243d100617680712e78dd7")
        .url("https://cdn.example.com/v/launch.mp4")
        .fileName("launch.mp4")
        .folder("/marketing/2026")
        .mimeType("video/mp4")
        .size(104_448L)
        .dimensions(1920, 1080)
        .duration(Duration.ofSeconds(94))
        .bitrate(4_500_000L)
        .streamingUrl("https://cdn.example.com/v/launch.m3u8")
        .alt("Launch")
        .title("Launch film")
        .description("The launch, in 94 seconds")
        .creators("Ann", "Bo")
        .tags("launch", "film")
        .labels("approved")
        .metadata("copyright", MetadataValue.of("ACME"))
        .createdAt(Instant.parse("2021-10-20T18:42:50.342Z"))
        .modifiedAt(Instant.parse("2021-10-21T08:00:00Z"))
        .createdBy("u1")
        .modifiedBy("u2")
        .sha1("da39a3ee5e6b4b0d3255bfef95601890afd80709")
        .revision("r7")
        .thumbnailUrl("https://cdn.example.com/t.jpg")
        .previewUrl("https://cdn.example.com/p.jpg")
        .extension("x.flag", true)
        .build();
  }

  @Test
  void everyFieldIsReadBack() {
    MediaSnapshot s = everyField();
    assertThat(s.id()).isEqualTo("5f243d100617680712e78dd7");
    assertThat(s.url()).isEqualTo("https://cdn.example.com/v/launch.mp4");
    assertThat(s.fileName()).isEqualTo("launch.mp4");
    assertThat(s.folder()).isEqualTo("/marketing/2026");
    assertThat(s.mimeType()).isEqualTo("video/mp4");
    assertThat(s.size()).isEqualTo(104_448L);
    assertThat(s.width()).isEqualTo(1920);
    assertThat(s.height()).isEqualTo(1080);
    assertThat(s.duration()).isEqualTo(Duration.ofSeconds(94));
    assertThat(s.bitrate()).isEqualTo(4_500_000L);
    assertThat(s.streamingUrl()).isEqualTo("https://cdn.example.com/v/launch.m3u8");
    assertThat(s.alt()).isEqualTo("Launch");
    assertThat(s.title()).isEqualTo("Launch film");
    assertThat(s.description()).isEqualTo("The launch, in 94 seconds");
    assertThat(s.creators()).containsExactly("Ann", "Bo");
    assertThat(s.tags()).containsExactly("launch", "film");
    assertThat(s.labels()).containsExactly("approved");
    assertThat(s.metadata()).containsExactly(Map.entry("copyright", MetadataValue.of("ACME")));
    assertThat(s.createdAt()).isEqualTo(Instant.parse("2021-10-20T18:42:50.342Z"));
    assertThat(s.modifiedAt()).isEqualTo(Instant.parse("2021-10-21T08:00:00Z"));
    assertThat(s.createdBy()).isEqualTo("u1");
    assertThat(s.modifiedBy()).isEqualTo("u2");
    assertThat(s.sha1()).isEqualTo("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    assertThat(s.revision()).isEqualTo("r7");
    assertThat(s.thumbnailUrl()).isEqualTo("https://cdn.example.com/t.jpg");
    assertThat(s.previewUrl()).isEqualTo("https://cdn.example.com/p.jpg");
    assertThat(s.extensions()).containsExactly(Map.entry("x.flag", true));
  }

  @Test
  void newBuilderRoundTripsEveryField() {
    MediaSnapshot s = everyField();
    MediaSnapshot copy = s.newBuilder().build();
    assertThat(copy).isEqualTo(s).hasSameHashCodeAs(s);
    assertThat(MediaChanges.between(s, copy).isEmpty()).isTrue();
  }

  @Test
  void newBuilderChangesOnlyWhatIsSet() {
    MediaSnapshot s = everyField();
    MediaSnapshot renamed = s.newBuilder().fileName("launch-v2.mp4").build();
    assertThat(renamed.fileName()).isEqualTo("launch-v2.mp4");
    assertThat(renamed.newBuilder().fileName("launch.mp4").build()).isEqualTo(s);
    // The original is untouched by building a variant.
    assertThat(s.fileName()).isEqualTo("launch.mp4");
  }

  @Test
  void listsPassedInAreCopied() {
    List<String> tags = new ArrayList<>(List.of("a"));
    List<String> creators = new ArrayList<>(List.of("c"));
    List<String> labels = new ArrayList<>(List.of("l"));
    MediaSnapshot s = MediaSnapshot.builder().tags(tags).creators(creators).labels(labels).build();
    tags.add("b");
    creators.clear();
    labels.set(0, "changed");
    assertThat(s.tags()).containsExactly("a");
    assertThat(s.creators()).containsExactly("c");
    assertThat(s.labels()).containsExactly("l");
  }

  @Test
  void metadataMapPassedInIsCopiedInOrder() {
    Map<String, MetadataValue> meta = new LinkedHashMap<>();
    meta.put("z", MetadataValue.of("1"));
    meta.put("a", MetadataValue.of("2"));
    MediaSnapshot s = MediaSnapshot.builder().metadata(meta).build();
    meta.put("m", MetadataValue.of("3"));
    assertThat(s.metadata()).containsExactly(
        Map.entry("z", MetadataValue.of("1")), Map.entry("a", MetadataValue.of("2")));
  }

  @Test
  void builderReuseDoesNotChangeBuiltSnapshots() {
    MediaSnapshot.Builder b = MediaSnapshot.builder().metadata("a", MetadataValue.of("1"))
        .extension("e", 1);
    MediaSnapshot first = b.build();
    b.metadata("b", MetadataValue.of("2")).extension("f", 2).tags("t");
    assertThat(first.metadata()).containsOnlyKeys("a");
    assertThat(first.extensions()).containsOnlyKeys("e");
    assertThat(first.tags()).isEmpty();
  }

  @Test
  void returnedCollectionsAreUnmodifiable() {
    MediaSnapshot s = everyField();
    assertThatThrownBy(() -> s.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> s.creators().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> s.labels().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> s.metadata().put("x", MetadataValue.of("y")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> s.extensions().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nullCollectionElementsAreRejectedNamingTheirIndex() {
    assertThatThrownBy(() -> MediaSnapshot.builder().tags("a", null))
        .isInstanceOf(NullPointerException.class).hasMessageStartingWith("tags[1] ");
    assertThatThrownBy(() -> MediaSnapshot.builder().creators(Arrays.asList(null, "b")))
        .isInstanceOf(NullPointerException.class).hasMessageStartingWith("creators[0] ");
    assertThatThrownBy(() -> MediaSnapshot.builder().labels((String[]) null))
        .isInstanceOf(NullPointerException.class).hasMessageStartingWith("labels ");
    Map<String, MetadataValue> meta = new HashMap<>();
    meta.put("k", null);
    assertThatThrownBy(() -> MediaSnapshot.builder().metadata(meta))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("metadata value of k");
  }

  @Test
  void metadataWithNullValueRemovesTheField() {
    MediaSnapshot s = MediaSnapshot.builder().metadata("a", MetadataValue.of("1"))
        .metadata("a", null).build();
    assertThat(s.metadata()).isEmpty();
  }

  @Test
  void invalidFieldValuesAreRejectedNamingTheField() {
    assertThatThrownBy(() -> MediaSnapshot.builder().id(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("id ");
    assertThatThrownBy(() -> MediaSnapshot.builder().url(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("url ");
    assertThatThrownBy(() -> MediaSnapshot.builder().mimeType("jpeg"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("mimeType ");
    assertThatThrownBy(() -> MediaSnapshot.builder().size(-1L))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("size ");
    assertThatThrownBy(() -> MediaSnapshot.builder().dimensions(-1, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("width ");
    assertThatThrownBy(() -> MediaSnapshot.builder().height(-5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("height ");
    assertThatThrownBy(() -> MediaSnapshot.builder().duration(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("duration ");
    assertThatThrownBy(() -> MediaSnapshot.builder().sha1("abc"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sha1 ");
    assertThatThrownBy(() -> MediaSnapshot.builder().metadata(" ", MetadataValue.of("x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("metadata name ");
  }

  @Test
  void isImageFollowsMimeTypeAndElseDimensions() {
    assertThat(MediaSnapshot.builder().mimeType("image/png").build().isImage()).isTrue();
    assertThat(MediaSnapshot.builder().mimeType("IMAGE/SVG+XML").build().isImage()).isTrue();
    assertThat(MediaSnapshot.builder().mimeType("application/pdf").dimensions(10, 10).build()
        .isImage()).isFalse();
    assertThat(MediaSnapshot.builder().dimensions(10, 10).build().isImage()).isTrue();
    assertThat(MediaSnapshot.builder().dimensions(10, 10).duration(Duration.ofSeconds(1)).build()
        .isImage()).isFalse();
    assertThat(MediaSnapshot.builder().build().isImage()).isFalse();
    assertThat(MediaSnapshot.builder().width(10).build().hasDimensions()).isFalse();
  }

  // Extensions.

  @Test
  void extensionsAcceptEveryJsonCompatibleValue() {
    List<Object> list = Arrays.asList("s", 1, 2L, (short) 3, (byte) 4, BigInteger.TEN,
        new BigDecimal("1.5"), 2.5d, 0.5f, true, null, List.of(), Map.of());
    MediaSnapshot s = MediaSnapshot.builder().extension("all", list).extension("nil", null)
        .build();
    assertThat(s.extension("all")).isEqualTo(list);
    assertThat(s.extensions()).containsKey("nil");
    assertThat(s.extension("nil")).isNull();
    assertThat(s.extension("absent")).isNull();
  }

  @Test
  void extensionRejectsNonJsonValueNamingThePath() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("when", List.of("ok", Instant.EPOCH));
    assertThatThrownBy(() -> MediaSnapshot.builder().extension("x.asset", nested))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("extension x.asset.when[1] is a java.time.Instant")
        .hasMessageContaining("not JSON-compatible");
  }

  @Test
  void extensionRejectsMapWithNonStringKeysNamingThePath() {
    Map<Object, Object> bad = new LinkedHashMap<>();
    bad.put(1, "one");
    assertThatThrownBy(() -> MediaSnapshot.builder().extension("x", Map.of("inner", bad)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("extension x.inner has a key that is not a String")
        .hasMessageContaining("java.lang.Integer");
  }

  @Test
  void extensionRejectsNanAndInfinities() {
    assertThatThrownBy(() -> MediaSnapshot.builder().extension("x", List.of(1.0, Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("extension x[1] is NaN");
    assertThatThrownBy(
            () -> MediaSnapshot.builder().extension("x", Map.of("f", Float.POSITIVE_INFINITY)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("extension x.f is Infinity");
  }

  @Test
  void extensionRejectsCyclicValues() {
    List<Object> cyclic = new ArrayList<>();
    cyclic.add("a");
    cyclic.add(cyclic);
    assertThatThrownBy(() -> MediaSnapshot.builder().extension("x", cyclic))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("extension x[1] contains itself");
  }

  @Test
  void extensionAcceptsTheSameListTwiceWhenNotCyclic() {
    List<String> shared = List.of("s");
    MediaSnapshot s = MediaSnapshot.builder().extension("x", List.of(shared, shared)).build();
    assertThat(s.extension("x")).isEqualTo(List.of(List.of("s"), List.of("s")));
  }

  @Test
  void extensionRejectsBlankKey() {
    assertThatThrownBy(() -> MediaSnapshot.builder().extension(" ", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("extension key ");
  }

  @Test
  void extensionValuesAreDeepCopiedAndUnmodifiable() {
    List<Object> inner = new ArrayList<>(List.of("a"));
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("list", inner);
    MediaSnapshot s = MediaSnapshot.builder().extension("x", outer).build();
    inner.add("b");
    outer.put("added", 1);
    Map<String, Object> stored = cast(s.extension("x"));
    assertThat(stored).containsOnlyKeys("list");
    List<Object> storedList = cast(stored.get("list"));
    assertThat(storedList).containsExactly("a");
    assertThatThrownBy(() -> stored.put("y", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> storedList.add("c"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(@Nullable Object o) {
    return (T) o;
  }

  @Test
  void extensionMapsKeepTheirKeyOrder() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("zebra", 1);
    m.put("apple", 2);
    m.put("mango", 3);
    MediaSnapshot s = MediaSnapshot.builder().extension("x", m).build();
    Map<String, Object> stored = cast(s.extension("x"));
    assertThat(stored.keySet()).containsExactly("zebra", "apple", "mango");
  }

  @Test
  void extensionJsonKeepsKeyOrderAndFloatsStayDouble() {
    MediaSnapshot s = MediaSnapshot.builder()
        .extensionJson("fotoware.asset",
            "{\"z\":1,\"a\":{\"resolution\":300.0,\"rotation\":0.0},\"big\":12345678901234567890,"
                + "\"list\":[true,null,\"s\"],\"m\":2}")
        .build();
    Map<String, Object> asset = cast(s.extension("fotoware.asset"));
    assertThat(asset.keySet()).containsExactly("z", "a", "big", "list", "m");
    Map<String, Object> attrs = cast(asset.get("a"));
    assertThat(attrs.get("resolution")).isInstanceOf(Double.class).isEqualTo(300.0);
    assertThat(attrs.get("rotation")).isInstanceOf(Double.class).isEqualTo(0.0);
    assertThat(asset.get("z")).isInstanceOf(Integer.class);
    assertThat(asset.get("big")).isEqualTo(new BigInteger("12345678901234567890"));
    assertThat(asset.get("list")).isEqualTo(Arrays.asList(true, null, "s"));
    assertThatThrownBy(() -> asset.put("y", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void extensionJsonRejectsInvalidJsonNamingTheKey() {
    assertThatThrownBy(() -> MediaSnapshot.builder().extensionJson("x.asset", "{\"a\":"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("extension x.asset is not valid JSON");
  }

  @Test
  void extensionJsonRejectsTrailingContentInsteadOfDroppingIt() {
    assertThatThrownBy(() -> MediaSnapshot.builder().extensionJson("x", "{\"a\":1} {\"b\":2}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("extension x is not valid JSON");
  }

  @Test
  void extensionJsonRejectsDuplicateKeysInsteadOfKeepingOne() {
    assertThatThrownBy(() -> MediaSnapshot.builder().extensionJson("x", "{\"a\":1,\"a\":2}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("extension x is not valid JSON")
        .hasMessageContaining("Duplicate field 'a'");
  }

  @Test
  void removeExtensionRemovesIt() {
    MediaSnapshot s = everyField().newBuilder().removeExtension("x.flag").build();
    assertThat(s.extensions()).isEmpty();
  }
}
