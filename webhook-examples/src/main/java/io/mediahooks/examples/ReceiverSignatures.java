package io.mediahooks.examples;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * How a receiver verifies the signatures mediahooks sends: the code to put in front of a webhook
 * handler, written from the schemes' specifications rather than with the library, so it shows
 * exactly what a receiver in any language computes.
 *
 * <p>Every method takes the raw body bytes as received (verify before parsing: a parsed and
 * re-serialised body may differ by a byte), compares in constant time, and returns false for a
 * missing or malformed header instead of throwing. The time-based schemes also reject a
 * timestamp farther than {@code tolerance} from {@code now}, so a captured request cannot be
 * replayed later. Stateless and thread-safe.
 *
 * <pre>{@code
 * boolean ok = ReceiverSignatures.betterez(key, body, request.header("x-btrz-signature"),
 *     Instant.now(), Duration.ofMinutes(5));
 * if (!ok) {
 *   return 401;
 * }
 * }</pre>
 */
public final class ReceiverSignatures {
  private ReceiverSignatures() {}

  /**
   * Verifies {@code x-microcms-signature}: the lowercase hex HMAC-SHA256 of the body, keyed with
   * the shared secret (microCMS's content-webhook scheme).
   *
   * @param secret the shared secret
   * @param body the raw body
   * @param signature the header's value, or null when absent
   * @return true when the signature matches
   */
  public static boolean microCms(String secret, byte[] body, @Nullable String signature) {
    if (signature == null) {
      return false;
    }
    byte[] expected = hex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Verifies {@code x-btrz-signature: t=<unix seconds>,s=<deprecated>,s2=<hex>}: {@code s2} is
   * the lowercase hex HMAC-SHA256 of {@code t + "." + body}, keyed with the Betterez application's
   * private key. The deprecated {@code s} is ignored, as Betterez advises.
   *
   * @param key the private key of the "betterez-webhooks" application
   * @param body the raw body
   * @param header the header's value, or null when absent
   * @param now the receiver's clock
   * @param tolerance how far {@code t} may be from {@code now}
   * @return true when {@code s2} matches and {@code t} is within the tolerance
   */
  public static boolean betterez(String key, byte[] body, @Nullable String header, Instant now,
      Duration tolerance) {
    if (header == null) {
      return false;
    }
    String t = null;
    String s2 = null;
    for (String part : header.split(",")) {
      String p = part.trim();
      if (p.startsWith("t=")) {
        t = p.substring(2);
      } else if (p.startsWith("s2=")) {
        s2 = p.substring(3);
      }
    }
    if (t == null || s2 == null || !fresh(t, now, tolerance)) {
      return false;
    }
    byte[] message = concat((t + ".").getBytes(StandardCharsets.US_ASCII), body);
    byte[] expected = hex(hmac(key.getBytes(StandardCharsets.UTF_8), message));
    return MessageDigest.isEqual(expected, s2.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Verifies a Standard Webhooks signature (standardwebhooks.com, symmetric {@code v1}): {@code
   * webhook-signature} holds one or more space-separated {@code v1,<base64>} entries, each the
   * base64 HMAC-SHA256 of {@code webhook-id + "." + webhook-timestamp + "." + body} keyed with
   * the base64-decoded part of the {@code whsec_} secret. One matching entry is enough, which is
   * how senders rotate secrets without downtime.
   *
   * @param secret the {@code whsec_...} secret
   * @param body the raw body
   * @param id the {@code webhook-id} header, or null
   * @param timestamp the {@code webhook-timestamp} header (unix seconds), or null
   * @param signature the {@code webhook-signature} header, or null
   * @param now the receiver's clock
   * @param tolerance how far the timestamp may be from {@code now}
   * @return true when an entry matches and the timestamp is within the tolerance
   * @throws IllegalArgumentException if {@code secret} is not {@code whsec_} and base64
   */
  public static boolean standardWebhooks(String secret, byte[] body, @Nullable String id,
      @Nullable String timestamp, @Nullable String signature, Instant now, Duration tolerance) {
    if (!secret.startsWith("whsec_")) {
      throw new IllegalArgumentException("secret must start with whsec_");
    }
    byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    if (id == null || timestamp == null || signature == null || !fresh(timestamp, now,
        tolerance)) {
      return false;
    }
    byte[] message = concat((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
    byte[] expected = Base64.getEncoder().encode(hmac(key, message));
    for (String entry : signature.trim().split(" +")) {
      if (entry.startsWith("v1,") && MessageDigest.isEqual(expected,
          entry.substring(3).getBytes(StandardCharsets.US_ASCII))) {
        return true;
      }
    }
    return false;
  }

  private static boolean fresh(String unixSeconds, Instant now, Duration tolerance) {
    long t;
    try {
      t = Long.parseLong(unixSeconds);
    } catch (NumberFormatException e) {
      return false;
    }
    return Math.abs(now.getEpochSecond() - t) <= tolerance.getSeconds();
  }

  private static byte[] hmac(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
    }
  }

  private static byte[] hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes).getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
