package io.mediahooks.core;

/**
 * What happened to an asset, as a whole.
 *
 * <p>The type fixes which snapshots an event carries: {@link #CREATED} has only an {@code after}
 * snapshot, {@link #DELETED} only a {@code before} snapshot, and {@link #UPDATED} both.
 * {@link MediaEvent.Builder#build()} enforces this.
 *
 * <pre>{@code
 * MediaEvent event = MediaEvent.created(snapshot);
 * assert event.type() == MediaEventType.CREATED;
 * }</pre>
 */
public enum MediaEventType {
  /** A new asset was stored (uploaded, ingested). */
  CREATED,
  /** An existing asset changed; {@link MediaEvent#changes()} says how. */
  UPDATED,
  /** An asset was removed. */
  DELETED
}
