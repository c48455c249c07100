/**
 * CloudEvents 1.0 over HTTP, structured and binary: see {@link io.mediahooks.core.format.cloudevents.CloudEventsFormat}.
 */
@NullMarked
package io.mediahooks.core.format.cloudevents;

import org.jspecify.annotations.NullMarked;
