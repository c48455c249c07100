/**
 * Runnable examples of mediahooks: the {@code demo}, the {@code send} command line, one scenario
 * class per use case, an embedded loopback receiver that prints what arrives, and {@link
 * io.mediahooks.examples.JdkHttpTransport}, a {@code WebhookTransport} on {@code java.net.http}.
 *
 * <p>Everything here uses only the library's public API; read the scenarios as code to copy.
 */
@NullMarked
package io.mediahooks.examples;

import org.jspecify.annotations.NullMarked;
