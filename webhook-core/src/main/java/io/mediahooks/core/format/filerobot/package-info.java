/**
 * The Scaleflex Filerobot DAM webhook format: see {@link io.mediahooks.core.format.filerobot.FilerobotFormat}.
 */
@NullMarked
package io.mediahooks.core.format.filerobot;

import org.jspecify.annotations.NullMarked;
