package io.mediahooks.core.format.fotoware;

import static io.mediahooks.core.format.fotoware.SampleEvents.created;
import static io.mediahooks.core.format.fotoware.SampleEvents.deleted;
import static io.mediahooks.core.format.fotoware.SampleEvents.photo;
import static io.mediahooks.core.format.fotoware.SampleEvents.updated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.core.FormatException;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.MetadataValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events Fotoware cannot carry fail clearly; misconfiguration fails at build time. */
class FotowareErrorsTest {
  private final FotowareAssetFormat format = FotowareAssetFormat.json();

  @Test
  void missingSiteUrlNamesBothPlacesToSetIt() {
    MediaEvent noSite = MediaEvent.builder(MediaEventType.CREATED).after(photo()).build();

    assertThatThrownBy(() -> format.render(noSite, Fixtures.ATTEMPT))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("site URL missing")
        .hasMessageContaining("FotowareAssetFormat.json(siteUrl)")
        .hasMessageContaining("EventSource.Builder.siteUrl");
  }

  @Test
  void missingFileNameNamesTheSnapshotAndWhereToSetIt() {
    MediaSnapshot nameless = MediaSnapshot.builder().url("https://cdn.example.com/x.jpg").build();

    assertThatThrownBy(() -> format.render(created(nameless), Fixtures.ATTEMPT))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("file name of the after snapshot is missing")
        .hasMessageContaining("MediaSnapshot.Builder.fileName")
        .hasMessageContaining("\"fotoware.asset\"");
    assertThatThrownBy(() -> format.render(deleted(nameless), Fixtures.ATTEMPT))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("before snapshot");
    assertThatThrownBy(() -> format.render(updated(nameless, photo()), Fixtures.ATTEMPT))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("before snapshot");
  }

  @Test
  void representationThatIsNotAnObjectIsRejected() {
    MediaSnapshot s = photo().newBuilder()
        .extension(FotowareAssetFormat.ASSET_EXTENSION, List.of("not", "an", "asset"))
        .build();

    assertThatThrownBy(() -> format.render(created(s), Fixtures.ATTEMPT))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("\"fotoware.asset\" of the after snapshot must be a JSON object");
  }

  @Test
  void representationHrefThatIsNotAStringIsRejected() {
    MediaSnapshot s = photo().newBuilder()
        .extension(FotowareAssetFormat.ASSET_EXTENSION, Map.of("href", 5))
        .build();

    assertThatThrownBy(() -> format.render(created(s), Fixtures.ATTEMPT))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("\"href\"")
        .hasMessageContaining("must be a string");
  }

  @Test
  void strictMetadataRejectsAnUnmappedNameNamingIt() {
    FotowareAssetFormat strict = format.newBuilder().strictMetadata(true).build();
    MediaSnapshot s = photo().newBuilder().metadata("sku", MetadataValue.of("A-1")).build();

    assertThat(strict.strictMetadata()).isTrue();
    assertThatThrownBy(() -> strict.render(created(s), Fixtures.ATTEMPT))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("metadata field \"sku\" of the after snapshot")
        .hasMessageContaining("Builder.metadataField");
    // Mapped, numeric and builtin names pass.
    MediaSnapshot fine = photo().newBuilder()
        .metadata("116", MetadataValue.of("x"))
        .metadata("status", MetadataValue.of("ok"))
        .build();
    assertThat(strict.render(created(fine), Fixtures.ATTEMPT)).isPresent();
  }

  @Test
  void builderRejectsBadSettingsNamingThem() {
    FotowareAssetFormat.Builder b = FotowareAssetFormat.builder();

    assertThatThrownBy(() -> b.siteUrl("acme.fotoware.cloud"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("siteUrl");
    assertThatThrownBy(() -> b.siteUrl("ftp://acme.fotoware.cloud"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("siteUrl");
    assertThatThrownBy(() -> b.userAgent("FotoWeb/8.1\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("User-Agent");
    assertThatThrownBy(() -> b.userAgent(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userAgent");
    assertThatThrownBy(() -> b.archiveHref("fotoweb/archives/1-A/"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("archiveHref");
    assertThatThrownBy(() -> b.metadataField("x", -1, "X"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
    assertThatThrownBy(() -> b.metadataField(" ", 1, "X"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> FotowareAssetFormat.json(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("siteUrl");
    assertThatThrownBy(() -> b.encoding(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("encoding");
  }

  @Test
  void renderChecksItsArguments() {
    assertThatThrownBy(() -> format.render(null, Fixtures.ATTEMPT))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("event");
    assertThatThrownBy(() -> format.render(created(photo()), null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("attempt");
  }

  @Test
  void defaultsAreJsonFotowebUserAgentAllFilesArchiveLenientAndMovesSent() {
    FotowareAssetFormat d = FotowareAssetFormat.builder().build();

    assertThat(d.name()).isEqualTo("fotoware");
    assertThat(d.encoding()).isEqualTo(FotowareAssetFormat.Encoding.JSON);
    assertThat(d.siteUrl()).isNull();
    assertThat(d.userAgent()).isEqualTo("FotoWeb/8.1");
    assertThat(d.archiveHref()).isEqualTo("/fotoweb/archives/5000-All-files/");
    assertThat(d.strictMetadata()).isFalse();
    assertThat(d.skipMoves()).isFalse();
    assertThat(FotowareAssetFormat.form("https://a.fotoware.cloud").toString())
        .isEqualTo("FotowareAssetFormat{form, siteUrl=https://a.fotoware.cloud,"
            + " userAgent=FotoWeb/8.1}");
  }
}
