package io.mediahooks.http.internal;

import io.mediahooks.http.Redaction;
import io.mediahooks.http.RequestSigner;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;

/** The built-in {@link RequestSigner}s. Each signs exactly {@link RequestSigner.Input#body()}. */
public final class Signers {
  /** The Standard Webhooks symmetric secret prefix. */
  static final String WHSEC = "whsec_";
  /** Standard Webhooks: symmetric secrets are at least 24 bytes. */
  static final int MIN_STANDARD_KEY_BYTES = 24;
  /** Standard Webhooks: and at most 512 bits. */
  static final int MAX_STANDARD_KEY_BYTES = 64;

  private Signers() {}

  /**
   * The microCMS signer.
   *
   * @param secret the shared secret
   * @return the signer
   */
  public static RequestSigner microCms(String secret) {
    return new MicroCms(new HmacSha256(secretBytes(secret, "secret")));
  }

  /**
   * The Betterez signer.
   *
   * @param key the private key of the "betterez-webhooks" application
   * @return the signer
   */
  public static RequestSigner betterez(String key) {
    return new Betterez(new HmacSha256(secretBytes(key, "key")));
  }

  /**
   * The Standard Webhooks signer.
   *
   * @param secrets {@code whsec_<base64>} secrets, signing in this order
   * @return the signer
   */
  public static RequestSigner standardWebhooks(String... secrets) {
    Objects.requireNonNull(secrets, "secrets must not be null");
    if (secrets.length == 0) {
      throw new IllegalArgumentException("secrets must contain at least one whsec_ secret");
    }
    List<HmacSha256> keys = new ArrayList<>(secrets.length);
    for (int i = 0; i < secrets.length; i++) {
      keys.add(new HmacSha256(standardWebhooksKey(secrets[i], "secrets[" + i + "]")));
    }
    return new StandardWebhooks(List.copyOf(keys));
  }

  /** Decodes a {@code whsec_} secret; the message never includes the secret itself. */
  static byte[] standardWebhooksKey(String secret, String name) {
    Objects.requireNonNull(secret, () -> name + " must not be null");
    if (!secret.startsWith(WHSEC)) {
      throw new IllegalArgumentException(name + " must be a Standard Webhooks secret of the form"
          + " whsec_<base64 key>; it does not start with \"whsec_\"");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(secret.substring(WHSEC.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " must be whsec_ followed by standard Base64"
          + " (A-Z, a-z, 0-9, +, /, optional = padding): " + e.getMessage(), e);
    }
    if (key.length < MIN_STANDARD_KEY_BYTES || key.length > MAX_STANDARD_KEY_BYTES) {
      throw new IllegalArgumentException(name + " decodes to a " + key.length + "-byte key; the"
          + " Standard Webhooks specification requires " + MIN_STANDARD_KEY_BYTES + " to "
          + MAX_STANDARD_KEY_BYTES + " bytes (for example whsec_ followed by 32 random bytes in"
          + " Base64)");
    }
    return key;
  }

  private static byte[] secretBytes(String secret, String name) {
    Objects.requireNonNull(secret, () -> name + " must not be null");
    if (secret.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return secret.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code x-microcms-signature}: lowercase hex HMAC-SHA256 of the body. */
  static final class MicroCms implements RequestSigner {
    private final HmacSha256 hmac;

    MicroCms(HmacSha256 hmac) {
      this.hmac = hmac;
    }

    @Override
    public Map<String, String> sign(Input input) {
      return Map.of("x-microcms-signature", HmacSha256.hex(hmac.digest(input.body())));
    }

    @Override
    public String toString() {
      return "RequestSigner.microCms(" + Redaction.MASK + ")";
    }
  }

  /** {@code x-btrz-signature: t=<unix seconds>,s=<hex HMAC(body)>,s2=<hex HMAC(t.body)>}. */
  static final class Betterez implements RequestSigner {
    private final HmacSha256 hmac;

    Betterez(HmacSha256 hmac) {
      this.hmac = hmac;
    }

    @Override
    public Map<String, String> sign(Input input) {
      long t = input.timestamp().getEpochSecond();
      String s = HmacSha256.hex(hmac.digest(input.body()));
      Mac mac = hmac.mac();
      mac.update(utf8(t + "."));
      mac.update(input.body());
      String s2 = HmacSha256.hex(mac.doFinal());
      return Map.of("x-btrz-signature", "t=" + t + ",s=" + s + ",s2=" + s2);
    }

    @Override
    public String toString() {
      return "RequestSigner.betterez(" + Redaction.MASK + ")";
    }
  }

  /** Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}. */
  static final class StandardWebhooks implements RequestSigner {
    private final List<HmacSha256> keys;

    StandardWebhooks(List<HmacSha256> keys) {
      this.keys = keys;
    }

    @Override
    public Map<String, String> sign(Input input) {
      String id = input.messageId();
      checkMessageId(id);
      String timestamp = Long.toString(input.timestamp().getEpochSecond());
      byte[] prefix = utf8(id + "." + timestamp + ".");
      StringBuilder signatures = new StringBuilder(keys.size() * 48);
      for (HmacSha256 key : keys) {
        Mac mac = key.mac();
        mac.update(prefix);
        ByteBuffer body = input.body();
        mac.update(body);
        if (signatures.length() > 0) {
          signatures.append(' ');
        }
        signatures.append("v1,").append(Base64.getEncoder().encodeToString(mac.doFinal()));
      }
      Map<String, String> headers = new LinkedHashMap<>(4);
      headers.put("webhook-id", id);
      headers.put("webhook-timestamp", timestamp);
      headers.put("webhook-signature", signatures.toString());
      return Collections.unmodifiableMap(headers);
    }

    private static void checkMessageId(String id) {
      // The spec: the id must not contain '.', or id.timestamp.body would be ambiguous; and it
      // travels in a header, so printable ASCII only.
      if (id.isEmpty()) {
        throw new IllegalArgumentException("Standard Webhooks cannot sign an empty message id");
      }
      for (int i = 0; i < id.length(); i++) {
        char c = id.charAt(i);
        if (c == '.' || c < 0x21 || c > 0x7e) {
          throw new IllegalArgumentException("Standard Webhooks cannot sign message id \"" + id
              + "\": it must be printable ASCII without spaces or '.' (the signed content is"
              + " id.timestamp.body); character " + String.format("U+%04X", (int) c)
              + " at index " + i);
        }
      }
    }

    @Override
    public String toString() {
      return "RequestSigner.standardWebhooks(" + keys.size() + " secret"
          + (keys.size() == 1 ? "" : "s") + ", " + Redaction.MASK + ")";
    }
  }
}
