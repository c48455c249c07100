/**
 * The Betterez image webhook format: see {@link io.mediahooks.core.format.betterez.BetterezImagesFormat}.
 */
@NullMarked
package io.mediahooks.core.format.betterez;

import org.jspecify.annotations.NullMarked;
