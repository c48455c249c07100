/**
 * Implementation shared between mediahooks modules; exported only to {@code io.mediahooks.http}.
 * Not API: anything here may change in any release.
 */
@NullMarked
package io.mediahooks.core.internal;

import org.jspecify.annotations.NullMarked;
