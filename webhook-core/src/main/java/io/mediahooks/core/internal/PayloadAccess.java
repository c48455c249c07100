package io.mediahooks.core.internal;

import io.mediahooks.core.WebhookPayload;
import org.jspecify.annotations.Nullable;

/**
 * Lets our own formats hand a body they have just rendered to {@link WebhookPayload} without the
 * defensive copy its public builder makes.
 *
 * <p>Why: the public builder must copy, since a caller may keep and change its array; a format's
 * freshly rendered array is referenced by nobody else, and copying it again cost every delivery
 * attempt a second allocation of the whole body (9.5 KB for a Fotoware asset). {@link
 * WebhookPayload} installs the only {@link Adopter} from its static initialiser; this package is
 * not exported (except to our delivery module), so hosts cannot reach it through the module
 * system. Thread-safe.
 */
public final class PayloadAccess {
  private static volatile @Nullable Adopter adopter;

  private PayloadAccess() {}

  /** Builds payload builders that take ownership of the body array. */
  @FunctionalInterface
  public interface Adopter {
    /**
     * Returns a builder that keeps {@code body} itself.
     *
     * @param eventName the event name
     * @param contentType the content type
     * @param body the body; the caller must not change it afterwards
     * @return a new builder
     */
    WebhookPayload.Builder adopt(String eventName, String contentType, byte[] body);
  }

  /**
   * Called once, by {@link WebhookPayload}'s static initialiser.
   *
   * @param a the adopter
   * @throws IllegalStateException if one is installed already
   */
  public static synchronized void install(Adopter a) {
    if (adopter != null) {
      throw new IllegalStateException("PayloadAccess is installed by WebhookPayload only");
    }
    adopter = a;
  }

  /**
   * Like {@link WebhookPayload#builder(String, String, byte[])}, with the same checks, but keeps
   * {@code body} instead of copying it.
   *
   * @param eventName the event's name as the vendor calls it
   * @param contentType the {@code Content-Type} value
   * @param body a freshly rendered array that nothing else references or will change
   * @return a new builder
   */
  public static WebhookPayload.Builder builder(String eventName, String contentType, byte[] body) {
    Adopter a = adopter;
    if (a == null) {
      try {
        // Naming the class does not initialise it; its initialiser installs the adopter.
        Class.forName(WebhookPayload.class.getName(), true, WebhookPayload.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new AssertionError(e);
      }
      a = adopter;
      if (a == null) {
        throw new IllegalStateException("WebhookPayload did not install its adopter");
      }
    }
    return a.adopt(eventName, contentType, body);
  }
}
