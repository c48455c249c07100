package io.mediahooks.http;

import io.mediahooks.http.internal.Signers;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Computes signature headers over the exact bytes a request sends.
 *
 * <p>The engine calls the signer once per attempt, after rendering and authentication, with the
 * final body; the headers it returns are set on the request (replacing any of the same name).
 * The built-in signers come from the static factories: {@link #microCms(String)} ({@code
 * x-microcms-signature}), {@link #betterez(String)} ({@code x-btrz-signature}) and {@link
 * #standardWebhooks(String...)} ({@code webhook-id}, {@code webhook-timestamp}, {@code
 * webhook-signature}). Each signs exactly the bytes of {@link Input#body()}, checks its secret
 * when created, is immutable and thread-safe, and never shows its secret in {@code toString()}.
 * Custom implementations must be thread-safe and must not keep the body buffer.
 *
 * <pre>{@code
 * RequestSigner betterez = RequestSigner.betterez(betterezKey);
 * RequestSigner rotating = RequestSigner.standardWebhooks(newSecret, oldSecret);
 * RequestSigner custom = input -> Map.of("x-sig", hmacHex(secret, input.body()));
 * }</pre>
 */
@FunctionalInterface
public interface RequestSigner {

  /**
   * The microCMS signature: header {@code x-microcms-signature} = lowercase hex
   * HMAC-SHA256(key = the secret's UTF-8 bytes, message = the body). This is the scheme of
   * microCMS content webhooks (wire-formats.md section 1, [C] S2, S3: the docs' Node sample is
   * {@code createHmac('sha256', secret).update(body).digest('hex')}); microCMS media webhooks
   * are unsigned today ([C] S1), so use it only for receivers that verify it.
   *
   * @param secret the shared secret; not blank
   * @return the signer
   * @throws IllegalArgumentException if the secret is blank
   */
  static RequestSigner microCms(String secret) {
    return Signers.microCms(secret);
  }

  /**
   * The Betterez signature (wire-formats.md section 4, B3): header {@code x-btrz-signature:
   * t=<t>,s=<s>,s2=<s2>} where
   * <ul>
   *   <li>{@code t} is {@link Input#timestamp()} in whole unix seconds ([I]: the unit is not
   *       documented; seconds match the envelope's {@code created});
   *   <li>{@code s2} = lowercase hex HMAC-SHA256(key = the key's UTF-8 bytes, message = {@code
   *       t + "." + body}) ([C] B3 for the message; hex is [I]);
   *   <li>{@code s}, the deprecated signature, = lowercase hex HMAC-SHA256(key, body). Its
   *       algorithm is not documented ([?]); this is the most plausible reading (the older
   *       scheme without the timestamp) and is <b>inferred</b>. Receivers should verify {@code
   *       s2}.
   * </ul>
   * The parts are in the documented order t, s, s2.
   *
   * @param key the private key of the "betterez-webhooks" application; not blank
   * @return the signer
   * @throws IllegalArgumentException if the key is blank
   */
  static RequestSigner betterez(String key) {
    return Signers.betterez(key);
  }

  /**
   * The Standard Webhooks signature (standardwebhooks.com, specification 1.0.0, symmetric
   * scheme): headers {@code webhook-id} = {@link Input#messageId()}, {@code webhook-timestamp} =
   * {@link Input#timestamp()} in whole unix seconds, and {@code webhook-signature} = {@code
   * v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>}. With several secrets (for
   * zero-downtime rotation) the header carries one {@code v1,...} signature per secret,
   * space-separated, in the given order; receivers accept the request when any one matches.
   *
   * <p>Secrets are in the specification's form {@code whsec_<base64>}: the Base64 part decodes
   * to the key, which must be 24 to 64 bytes.
   *
   * <p>{@link #sign(Input)} throws {@link IllegalArgumentException} for a message id it cannot
   * sign: one that is empty or contains {@code '.'}, a space or a non-ASCII character (the
   * specification forbids {@code '.'} in ids because the signed content is dot-separated).
   *
   * @param secrets one or more {@code whsec_} secrets
   * @return the signer
   * @throws IllegalArgumentException if no secret is given, or one is not {@code whsec_}
   *     followed by standard Base64 of a 24 to 64 byte key (the message names which one, never
   *     its value)
   */
  static RequestSigner standardWebhooks(String... secrets) {
    return Signers.standardWebhooks(secrets);
  }

  /**
   * Returns the headers that sign this request.
   *
   * @param input the message id, timestamp and body to sign
   * @return header name to value, in the order to send them
   */
  Map<String, String> sign(Input input);

  /**
   * What a signer signs: a message id that stays the same across retries (the event id), the
   * attempt's timestamp, and the body. Immutable.
   *
   * <pre>{@code
   * RequestSigner.Input input = new RequestSigner.Input(event.id(), attempt.time(), body);
   * }</pre>
   */
  final class Input {
    private final String messageId;
    private final Instant timestamp;
    private final ByteBuffer body;

    /**
     * Creates an input.
     *
     * @param messageId the id receivers deduplicate on; the event id
     * @param timestamp the attempt's time
     * @param body the exact body bytes; read-only, not copied
     */
    public Input(String messageId, Instant timestamp, ByteBuffer body) {
      this.messageId = Objects.requireNonNull(messageId, "messageId must not be null");
      this.timestamp = Objects.requireNonNull(timestamp, "timestamp must not be null");
      this.body = Objects.requireNonNull(body, "body must not be null").asReadOnlyBuffer();
    }

    /**
     * The message id.
     *
     * @return the id
     */
    public String messageId() {
      return messageId;
    }

    /**
     * The attempt's time.
     *
     * @return the timestamp
     */
    public Instant timestamp() {
      return timestamp;
    }

    /**
     * A fresh read-only view of the body, positioned at its start.
     *
     * @return the body
     */
    public ByteBuffer body() {
      return body.duplicate();
    }
  }
}
