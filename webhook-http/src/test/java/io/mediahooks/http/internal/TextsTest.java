package io.mediahooks.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class TextsTest {
  private static final String URL = "https://user:pw@hooks.example.com/media?auth=s3cr3t";

  @Test
  void errorTextsMaskTheUrlsQueryAndUserInfoWhereverTheyAppear() {
    String text = Texts.error(new IOException("failed: " + URL + " (auth=s3cr3t; user:pw)"), URL);
    assertThat(text).isEqualTo(
        "IOException: failed: https://***@hooks.example.com/media?*** (***; ***)");
  }

  @Test
  void answerSnippetsBecomeOneBoundedLine() {
    assertThat(Texts.oneLine("<h1>\r\n  Bad\tGateway </h1>\n", 200))
        .isEqualTo("<h1> Bad Gateway </h1>");
    assertThat(Texts.oneLine("abcdef", 3)).isEqualTo("abc…");
    assertThat(Texts.oneLine("abc   ", 3)).isEqualTo("abc");
  }
}
