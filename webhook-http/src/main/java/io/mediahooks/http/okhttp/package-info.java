/**
 * The default {@link io.mediahooks.http.WebhookTransport}: {@link
 * io.mediahooks.http.okhttp.OkHttpTransport}, on OkHttp. The only package whose public API names
 * OkHttp types.
 */
@NullMarked
package io.mediahooks.http.okhttp;

import org.jspecify.annotations.NullMarked;
