/**
 * The media event model and the format SPI.
 *
 * <p>A host describes one change to one asset as a {@link io.mediahooks.core.MediaEvent}: its
 * {@link io.mediahooks.core.MediaEventType type}, the {@link io.mediahooks.core.MediaSnapshot}
 * before and after, where it happened ({@link io.mediahooks.core.EventSource}) and who did it. A
 * {@link io.mediahooks.core.WebhookFormat} turns such an event into the exact bytes one vendor's
 * subscribers expect ({@link io.mediahooks.core.WebhookPayload}).
 *
 * <p>Everything in this package is immutable and thread-safe unless a type says otherwise; nothing
 * here performs I/O.
 */
@NullMarked
package io.mediahooks.core;

import org.jspecify.annotations.NullMarked;
