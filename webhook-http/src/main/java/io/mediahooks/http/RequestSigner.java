package io.mediahooks.http;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Computes signature headers over the exact bytes a request sends.
 *
 * <p>The engine calls the signer once per attempt, after rendering and authentication, with the
 * final body; the headers it returns are set on the request (replacing any of the same name).
 * Built-in signers (added by the delivery module) cover microCMS ({@code x-microcms-signature}),
 * Betterez ({@code x-btrz-signature}) and Standard Webhooks ({@code webhook-signature}).
 * Implementations must be thread-safe and must not keep the body buffer.
 *
 * <pre>{@code
 * RequestSigner custom = input -> Map.of("x-sig", hmacHex(secret, input.body()));
 * }</pre>
 */
@FunctionalInterface
public interface RequestSigner {

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
