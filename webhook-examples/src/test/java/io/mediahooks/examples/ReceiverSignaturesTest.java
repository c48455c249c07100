package io.mediahooks.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahooks.http.RequestSigner;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The receiver-side checks, against vectors computed with Python's hmac module
 * ({@code signatures/generate_receiver_vectors.py}), the Standard Webhooks specification's own
 * example, and what the library's signers send.
 */
class ReceiverSignaturesTest {
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
  private static JsonNode vectors;
  private static byte[] body;
  private static Instant signedAt;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = ReceiverSignaturesTest.class
        .getResourceAsStream("/signatures/receiver-vectors.json")) {
      vectors = new ObjectMapper().readTree(in);
    }
    body = Base64.getDecoder().decode(vectors.get("bodyBase64").asText());
    signedAt = Instant.ofEpochSecond(vectors.get("timestamp").asLong());
  }

  private static byte[] tampered() {
    byte[] copy = body.clone();
    copy[copy.length - 3] ^= 1;
    return copy;
  }

  @Test
  void microCmsAcceptsTheHexHmacOfTheBodyAndNothingElse() {
    String secret = vectors.at("/microCms/secret").asText();
    String signature = vectors.at("/microCms/signature").asText();

    assertThat(ReceiverSignatures.microCms(secret, body, signature)).isTrue();
    assertThat(ReceiverSignatures.microCms(secret, tampered(), signature)).isFalse();
    assertThat(ReceiverSignatures.microCms("other", body, signature)).isFalse();
    assertThat(ReceiverSignatures.microCms(secret, body, signature.toUpperCase())).isFalse();
    assertThat(ReceiverSignatures.microCms(secret, body, null)).isFalse();
  }

  @Test
  void betterezVerifiesS2OverTimestampDotBody() {
    String key = vectors.at("/betterez/key").asText();
    String header = vectors.at("/betterez/header").asText();

    assertThat(ReceiverSignatures.betterez(key, body, header, signedAt, FIVE_MINUTES)).isTrue();
    assertThat(ReceiverSignatures.betterez(key, tampered(), header, signedAt, FIVE_MINUTES))
        .isFalse();
    assertThat(ReceiverSignatures.betterez("other", body, header, signedAt, FIVE_MINUTES))
        .isFalse();
  }

  @Test
  void betterezRejectsAnOtherTimestampThanTheSignedOne() {
    String key = vectors.at("/betterez/key").asText();
    String header = vectors.at("/betterez/header").asText();
    String shifted = header.replace("t=" + signedAt.getEpochSecond(),
        "t=" + (signedAt.getEpochSecond() + 1));

    assertThat(ReceiverSignatures.betterez(key, body, shifted, signedAt, FIVE_MINUTES)).isFalse();
  }

  @Test
  void betterezRejectsAStaleTimestampAndMalformedHeaders() {
    String key = vectors.at("/betterez/key").asText();
    String header = vectors.at("/betterez/header").asText();

    assertThat(ReceiverSignatures.betterez(key, body, header,
        signedAt.plus(Duration.ofMinutes(6)), FIVE_MINUTES)).isFalse();
    assertThat(ReceiverSignatures.betterez(key, body, "s2=abc", signedAt, FIVE_MINUTES))
        .isFalse();
    assertThat(ReceiverSignatures.betterez(key, body, "t=soon,s2=abc", signedAt, FIVE_MINUTES))
        .isFalse();
    assertThat(ReceiverSignatures.betterez(key, body, null, signedAt, FIVE_MINUTES)).isFalse();
  }

  @Test
  void standardWebhooksVerifiesTheVector() {
    String secret = vectors.at("/standardWebhooks/secret").asText();
    String id = vectors.at("/standardWebhooks/id").asText();
    String signature = vectors.at("/standardWebhooks/signature").asText();
    String ts = Long.toString(signedAt.getEpochSecond());

    assertThat(ReceiverSignatures.standardWebhooks(secret, body, id, ts, signature, signedAt,
        FIVE_MINUTES)).isTrue();
    assertThat(ReceiverSignatures.standardWebhooks(secret, tampered(), id, ts, signature,
        signedAt, FIVE_MINUTES)).isFalse();
    assertThat(ReceiverSignatures.standardWebhooks(secret, body, id + "x", ts, signature,
        signedAt, FIVE_MINUTES)).isFalse();
    assertThat(ReceiverSignatures.standardWebhooks(secret, body, id, ts, signature,
        signedAt.minus(Duration.ofMinutes(6)), FIVE_MINUTES)).isFalse();
  }

  @Test
  void standardWebhooksVerifiesTheSpecificationsExample() {
    // The example in the Standard Webhooks specification's repository.
    assertThat(ReceiverSignatures.standardWebhooks("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "{\"test\": 2432232314}".getBytes(UTF_8), "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330",
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        Instant.ofEpochSecond(1614265330), FIVE_MINUTES)).isTrue();
  }

  @Test
  void standardWebhooksAcceptsAnyOneOfSeveralSignatures() {
    String secret = vectors.at("/standardWebhooks/secret").asText();
    String id = vectors.at("/standardWebhooks/id").asText();
    String signature = vectors.at("/standardWebhooks/signature").asText();
    String ts = Long.toString(signedAt.getEpochSecond());

    assertThat(ReceiverSignatures.standardWebhooks(secret, body, id, ts,
        "v1,bm90IGl0 v2,xyz " + signature, signedAt, FIVE_MINUTES)).isTrue();
    assertThat(ReceiverSignatures.standardWebhooks(secret, body, id, ts, "v1,bm90IGl0",
        signedAt, FIVE_MINUTES)).isFalse();
  }

  @Test
  void standardWebhooksRefusesASecretWithoutItsPrefix() {
    assertThatThrownBy(() -> ReceiverSignatures.standardWebhooks("MfKQ9r8GKYqrTwjUPD8ILPZIo2La",
        body, "id", "1", "v1,x", signedAt, FIVE_MINUTES))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whsec_");
  }

  @Test
  void whatTheLibrarysSignersSendVerifiesHere() {
    RequestSigner.Input input = new RequestSigner.Input("evt-42", signedAt, ByteBuffer.wrap(body));

    Map<String, String> microCms = RequestSigner.microCms("s3cr3t").sign(input);
    Map<String, String> betterez = RequestSigner.betterez("k3y").sign(input);
    Map<String, String> standard = RequestSigner.standardWebhooks(
        "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        .sign(input);

    assertThat(ReceiverSignatures.microCms("s3cr3t", body, microCms.get("x-microcms-signature")))
        .isTrue();
    assertThat(ReceiverSignatures.betterez("k3y", body, betterez.get("x-btrz-signature"),
        signedAt, FIVE_MINUTES)).isTrue();
    // The receiver knows only the older of the two secrets the sender rotates between.
    assertThat(ReceiverSignatures.standardWebhooks("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        body, standard.get("webhook-id"), standard.get("webhook-timestamp"),
        standard.get("webhook-signature"), signedAt, FIVE_MINUTES)).isTrue();
  }
}
