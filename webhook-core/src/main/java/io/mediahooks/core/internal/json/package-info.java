/**
 * Byte-exact JSON serialisation in vendors' dialects. Not API.
 */
@NullMarked
package io.mediahooks.core.internal.json;

import org.jspecify.annotations.NullMarked;
