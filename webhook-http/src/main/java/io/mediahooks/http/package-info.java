/**
 * Delivery of media webhooks over HTTP.
 *
 * <p>A host builds one {@code MediaWebhooks} at start-up with its
 * {@code WebhookEndpoint}s and calls {@code publish(event)} inline from its media
 * code. Each endpoint renders the event in its format, authenticates ({@link
 * io.mediahooks.http.EndpointAuth}), signs ({@link io.mediahooks.http.RequestSigner}) and sends it
 * through a {@link io.mediahooks.http.WebhookTransport}, retrying per its {@code RetryPolicy} and dead-lettering what cannot be delivered. A {@link
 * io.mediahooks.http.DestinationGuard} keeps deliveries away from internal networks.
 */
@NullMarked
package io.mediahooks.http;

import org.jspecify.annotations.NullMarked;
