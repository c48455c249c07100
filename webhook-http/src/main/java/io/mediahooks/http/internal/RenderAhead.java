package io.mediahooks.http.internal;

/**
 * Lets a transport of this module lend the engine the time a worker would spend waiting for a
 * response: once a request has been written and flushed, {@link #run()} renders the body of the
 * delivery the worker will most likely send next (see {@code Engine.markAhead}). Called on any
 * other thread, or when the worker has nothing to render, both methods do nothing.
 *
 * <p>A transport calls it as {@code if (RenderAhead.pending()) { flush(); RenderAhead.run(); }}:
 * the flush must come first, so the receiver is already working while the worker renders.
 * Transports from outside this module cannot call it; their workers render each body when its
 * attempt starts, as before.
 */
public final class RenderAhead {
  private RenderAhead() {}

  /**
   * Whether the calling thread is a delivery worker with a body to render ahead.
   *
   * @return true if {@link #run()} would render something
   */
  public static boolean pending() {
    Thread t = Thread.currentThread();
    return t instanceof Engine.Worker && ((Engine.Worker) t).ahead != null;
  }

  /**
   * Renders the calling worker's next body, if it has one; never throws for a format's failure
   * (the attempt meets it again and reports it).
   */
  public static void run() {
    Thread t = Thread.currentThread();
    if (t instanceof Engine.Worker) {
      ((Engine.Worker) t).renderAhead();
    }
  }
}
