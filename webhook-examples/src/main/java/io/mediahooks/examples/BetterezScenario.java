package io.mediahooks.examples;

import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.format.betterez.BetterezImagesFormat;
import io.mediahooks.http.MediaWebhooks;
import io.mediahooks.http.RequestSigner;
import io.mediahooks.http.WebhookEndpoint;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Scenario: Betterez image webhooks, signed. Every request carries {@code x-btrz-signature:
 * t=..,s=..,s2=..}; the receiver recomputes {@code s2}, the HMAC-SHA256 of {@code t + "." +
 * body} keyed with the application's private key, and refuses the request (401) when it does
 * not match or {@code t} is more than five minutes off ({@link ReceiverSignatures#betterez}).
 * After the deliveries the scenario verifies the last request again, then with one byte of the
 * body changed, to show that the signature covers the exact bytes. Betterez has no update event:
 * the rename is filtered with the format's reason.
 *
 * <pre>{@code
 * java -cp mediahooks.jar io.mediahooks.examples.BetterezScenario [RECEIVER_BASE_URL]
 * }</pre>
 */
public final class BetterezScenario {
  static final String KEY = "private-key-of-the-betterez-webhooks-application";
  private static final Duration TOLERANCE = Duration.ofMinutes(5);

  private BetterezScenario() {}

  /**
   * Runs the scenario against its own receiver, or the receiver base URL given.
   *
   * @param args nothing, or a receiver base URL
   */
  public static void main(String... args) {
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    try (ScenarioTarget target = ScenarioTarget.open(args, out)) {
      // The receiver's side: verify before parsing, on the raw body.
      target.ifLocal(receiver -> receiver.check("/betterez/images",
          "x-btrz-signature s2 (HMAC-SHA256 of t.body)",
          request -> ReceiverSignatures.betterez(KEY, request.body(),
              request.header("x-btrz-signature"), Instant.now(), TOLERANCE)));

      WebhookEndpoint betterez = WebhookEndpoint.builder(target.url("/betterez/images"))
          .name("betterez")
          .format(BetterezImagesFormat.create()) // account id from the event's source
          .signer(RequestSigner.betterez(KEY))
          .allowPrivateNetworks() // the receiver is on 127.0.0.1
          .build();

      int status;
      try (MediaWebhooks webhooks = MediaWebhooks.builder().endpoint(betterez).build()) {
        status = Scenarios.report(out, Scenarios.publish(webhooks, List.of(
            SampleEvents.event(MediaEventType.CREATED, 1),
            SampleEvents.event(MediaEventType.UPDATED, 1),
            SampleEvents.event(MediaEventType.DELETED, 1))));
      }

      LoopbackReceiver receiver = target.receiver();
      if (receiver != null && !receiver.requests().isEmpty()) {
        ReceivedRequest last = receiver.requests().get(receiver.requests().size() - 1);
        byte[] body = last.body();
        String header = last.header("x-btrz-signature");
        byte[] tampered = new String(body, StandardCharsets.UTF_8)
            .replace("images.deleted", "images.created").getBytes(StandardCharsets.UTF_8);
        out.println();
        out.println("Verifying request #" + last.number() + " again on the receiver's side:");
        out.println("  as received:         " + ReceiverSignatures.betterez(KEY, body, header,
            Instant.now(), TOLERANCE));
        out.println("  with the event name changed in the body: " + ReceiverSignatures
            .betterez(KEY, tampered, header, Instant.now(), TOLERANCE));
        out.println("  with another key:    " + ReceiverSignatures.betterez("another-key", body,
            header, Instant.now(), TOLERANCE));
      }
      return status;
    } catch (UsageException e) {
      return Scenarios.usage("betterez", e, err);
    }
  }
}
