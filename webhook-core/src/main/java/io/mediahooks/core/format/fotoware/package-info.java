/**
 * The Fotoware (FotoWeb) asset webhook formats: see {@link io.mediahooks.core.format.fotoware.FotowareAssetFormat}.
 */
@NullMarked
package io.mediahooks.core.format.fotoware;

import org.jspecify.annotations.NullMarked;
