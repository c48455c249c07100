/**
 * The microCMS media webhook format: see {@link io.mediahooks.core.format.microcms.MicroCmsMediaFormat}.
 */
@NullMarked
package io.mediahooks.core.format.microcms;

import org.jspecify.annotations.NullMarked;
