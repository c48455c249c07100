/**
 * Delivery of media webhooks over HTTP.
 *
 * <p>A host builds one {@link io.mediahooks.http.MediaWebhooks} at start-up with its {@link
 * io.mediahooks.http.WebhookEndpoint}s and calls {@link
 * io.mediahooks.http.MediaWebhooks#publish publish(event)} inline from its media code; it returns
 * at once. Each endpoint's {@link io.mediahooks.http.EventFilter} picks its events; worker threads
 * render each event in the endpoint's format, authenticate ({@link
 * io.mediahooks.http.EndpointAuth}), sign ({@link io.mediahooks.http.RequestSigner}) and send it
 * through a {@link io.mediahooks.http.WebhookTransport}, retrying per the endpoint's {@link
 * io.mediahooks.http.RetryPolicy} and dead-lettering what cannot be delivered into a {@link
 * io.mediahooks.http.DeadLetterStore}. Every event ends, for every endpoint, in one {@link
 * io.mediahooks.http.DeliveryResult}: delivered, filtered or dead-lettered; a {@link
 * io.mediahooks.http.DeliveryListener} sees every step. A {@link
 * io.mediahooks.http.DestinationGuard} keeps deliveries away from internal networks.
 */
@NullMarked
package io.mediahooks.http;

import org.jspecify.annotations.NullMarked;
