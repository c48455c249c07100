package io.mediahooks.http;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test-local transport: answers from a script (status codes, responses or exceptions, then
 * 200 when the script is empty) and records every request. {@link #hold()} makes calls block
 * until {@link #release()}, to simulate a receiver that hangs.
 */
final class ScriptedTransport implements WebhookTransport {
  private final Deque<Object> script = new ArrayDeque<>();
  private final List<WebhookRequest> requests = new ArrayList<>();
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private final CountDownLatch[] entered = {new CountDownLatch(1)};
  private volatile boolean closed;

  synchronized ScriptedTransport then(int status) {
    script.add(WebhookResponse.of(status, Map.of(), ""));
    return this;
  }

  synchronized ScriptedTransport then(WebhookResponse response) {
    script.add(response);
    return this;
  }

  synchronized ScriptedTransport then(IOException error) {
    script.add(error);
    return this;
  }

  synchronized ScriptedTransport then(RuntimeException error) {
    script.add(error);
    return this;
  }

  /** Calls block until {@link #release()}. */
  ScriptedTransport hold() {
    gate = new CountDownLatch(1);
    synchronized (entered) {
      entered[0] = new CountDownLatch(1);
    }
    return this;
  }

  void release() {
    gate.countDown();
  }

  /** Waits (bounded) until a call is blocked in {@link #hold()}. */
  void awaitHeldCall() throws InterruptedException {
    CountDownLatch e;
    synchronized (entered) {
      e = entered[0];
    }
    if (!e.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("no call reached the transport");
    }
  }

  synchronized List<WebhookRequest> requests() {
    return new ArrayList<>(requests);
  }

  boolean closed() {
    return closed;
  }

  @Override
  public WebhookResponse send(WebhookRequest request) throws IOException {
    Object next;
    synchronized (this) {
      requests.add(request);
      next = script.poll();
    }
    synchronized (entered) {
      entered[0].countDown();
    }
    try {
      gate.await();
    } catch (InterruptedException e) {
      throw new java.io.InterruptedIOException("interrupted");
    }
    if (next == null) {
      return WebhookResponse.of(200, Map.of(), "");
    }
    if (next instanceof IOException) {
      throw (IOException) next;
    }
    if (next instanceof RuntimeException) {
      throw (RuntimeException) next;
    }
    return (WebhookResponse) next;
  }

  @Override
  public void close() {
    closed = true;
  }
}
