/**
 * Delivery implementation: queue, workers, backoff, Retry-After parsing, token cache, redaction.
 * Not exported; not API.
 */
@NullMarked
package io.mediahooks.http.internal;

import org.jspecify.annotations.NullMarked;
