package io.mediahooks.core.format.fotoware;

/** What the helpers need from a format's configuration. */
record Settings(FotowareFields fields, String archiveHref, boolean strictMetadata) {}
