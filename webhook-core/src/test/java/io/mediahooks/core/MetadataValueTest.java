package io.mediahooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataValueTest {

  @Test
  void textValueHasKindTextAndOneText() {
    MetadataValue v = MetadataValue.of("ACME");
    assertThat(v.kind()).isEqualTo(MetadataValue.Kind.TEXT);
    assertThat(v.text()).isEqualTo("ACME");
    assertThat(v.texts()).containsExactly("ACME");
    assertThat(v.toJsonValue()).isEqualTo("ACME");
    assertThatThrownBy(v::values).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TEXT");
    assertThatThrownBy(v::localizedValues).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void emptyTextIsAllowed() {
    assertThat(MetadataValue.of("").text()).isEmpty();
  }

  @Test
  void listValueKeepsOrderAndIsCopied() {
    List<String> given = new ArrayList<>(List.of("b", "a"));
    MetadataValue v = MetadataValue.of(given);
    given.add("c");
    assertThat(v.kind()).isEqualTo(MetadataValue.Kind.LIST);
    assertThat(v.values()).containsExactly("b", "a");
    assertThat(v.texts()).containsExactly("b", "a");
    assertThat(v.toJsonValue()).isEqualTo(List.of("b", "a"));
    assertThatThrownBy(() -> v.values().add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(v::text).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("LIST");
  }

  @Test
  void varargsGiveAListEvenForOneElementArray() {
    assertThat(MetadataValue.of("a", "b").values()).containsExactly("a", "b");
    assertThat(MetadataValue.of(new String[] {"a"}).kind()).isEqualTo(MetadataValue.Kind.LIST);
    assertThat(MetadataValue.of("a").kind()).isEqualTo(MetadataValue.Kind.TEXT);
  }

  @Test
  void nullElementsAreRejectedNamingTheIndex() {
    assertThatThrownBy(() -> MetadataValue.of("a", null))
        .isInstanceOf(NullPointerException.class).hasMessageStartingWith("values[1] ");
    assertThatThrownBy(() -> MetadataValue.of(Arrays.asList("a", null)))
        .isInstanceOf(NullPointerException.class).hasMessageStartingWith("values[1] ");
    assertThatThrownBy(() -> MetadataValue.of((String) null))
        .isInstanceOf(NullPointerException.class).hasMessageStartingWith("text ");
  }

  @Test
  void localizedValueKeepsLocaleOrderAndIsCopied() {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("en_US", "Harbour");
    given.put("de_DE", "Hafen");
    MetadataValue v = MetadataValue.localized(given);
    given.put("fr_FR", "Port");
    assertThat(v.kind()).isEqualTo(MetadataValue.Kind.LOCALIZED);
    assertThat(v.localizedValues().keySet()).containsExactly("en_US", "de_DE");
    assertThat(v.texts()).containsExactly("Harbour", "Hafen");
    assertThat(v.toJsonValue()).isEqualTo(Map.of("en_US", "Harbour", "de_DE", "Hafen"));
    assertThatThrownBy(() -> v.localizedValues().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(v::text).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("LOCALIZED");
  }

  @Test
  void localizedRejectsBlankLocaleAndNullText() {
    assertThatThrownBy(() -> MetadataValue.localized(Map.of(" ", "x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("locale key ");
    Map<String, String> nullText = new LinkedHashMap<>();
    nullText.put("en_US", null);
    assertThatThrownBy(() -> MetadataValue.localized(nullText))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("en_US");
  }

  @Test
  void equalityIsByKindAndContentNotLocaleOrder() {
    Map<String, String> ab = new LinkedHashMap<>();
    ab.put("a", "1");
    ab.put("b", "2");
    Map<String, String> ba = new LinkedHashMap<>();
    ba.put("b", "2");
    ba.put("a", "1");
    assertThat(MetadataValue.localized(ab)).isEqualTo(MetadataValue.localized(ba))
        .hasSameHashCodeAs(MetadataValue.localized(ba));
    assertThat(MetadataValue.of("x")).isNotEqualTo(MetadataValue.of(List.of("x")));
    assertThat(MetadataValue.of("x", "y")).isNotEqualTo(MetadataValue.of("y", "x"));
  }
}
