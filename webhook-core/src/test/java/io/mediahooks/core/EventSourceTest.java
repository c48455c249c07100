package io.mediahooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventSourceTest {

  @Test
  void unspecifiedHasNoFieldsAndIsLive() {
    EventSource s = EventSource.unspecified();
    assertThat(s.serviceId()).isNull();
    assertThat(s.accountId()).isNull();
    assertThat(s.siteUrl()).isNull();
    assertThat(s.liveMode()).isTrue();
    assertThat(EventSource.builder().build()).isEqualTo(s);
  }

  @Test
  void ofSetsOnlyTheServiceId() {
    EventSource s = EventSource.of("acme");
    assertThat(s.serviceId()).isEqualTo("acme");
    assertThat(s.accountId()).isNull();
    assertThat(s.liveMode()).isTrue();
  }

  @Test
  void ofRejectsNullAndBlankNamingServiceId() {
    assertThatThrownBy(() -> EventSource.of(null))
        .isInstanceOf(NullPointerException.class).hasMessageStartingWith("serviceId ");
    assertThatThrownBy(() -> EventSource.of(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("serviceId ");
  }

  @Test
  void blankAccountIdIsRejectedNamingIt() {
    assertThatThrownBy(() -> EventSource.builder().accountId(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("accountId ");
  }

  @Test
  void siteUrlTrailingSlashIsRemoved() {
    assertThat(EventSource.builder().siteUrl("https://acme.fotoware.cloud/").build().siteUrl())
        .isEqualTo("https://acme.fotoware.cloud");
    assertThat(EventSource.builder().siteUrl("https://acme.example/dam//").build().siteUrl())
        .isEqualTo("https://acme.example/dam");
    assertThat(EventSource.builder().siteUrl("http://acme.example:8080").build().siteUrl())
        .isEqualTo("http://acme.example:8080");
  }

  @Test
  void siteUrlMustBeAnAbsoluteHttpUrl() {
    for (String bad : new String[] {"acme.fotoware.cloud", "/fotoweb", "ftp://acme.example",
        "https://", "https://exa mple.com"}) {
      assertThatThrownBy(() -> EventSource.builder().siteUrl(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("siteUrl ");
    }
  }

  @Test
  void siteUrlWithQueryOrFragmentIsRejected() {
    assertThatThrownBy(() -> EventSource.builder().siteUrl("https://acme.example/?x=1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
    assertThatThrownBy(() -> EventSource.builder().siteUrl("https://acme.example/#top"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fragment");
  }

  @Test
  void siteUrlNullClearsIt() {
    EventSource s = EventSource.builder().siteUrl("https://a.example").siteUrl(null).build();
    assertThat(s.siteUrl()).isNull();
  }

  @Test
  void newBuilderRoundTripsAndLiveModeCanBeTurnedOff() {
    EventSource s = EventSource.builder().serviceId("svc").accountId("acc")
        .siteUrl("https://a.example").liveMode(false).build();
    assertThat(s.liveMode()).isFalse();
    assertThat(s.newBuilder().build()).isEqualTo(s).hasSameHashCodeAs(s);
    assertThat(s.newBuilder().liveMode(true).build()).isNotEqualTo(s);
  }
}
