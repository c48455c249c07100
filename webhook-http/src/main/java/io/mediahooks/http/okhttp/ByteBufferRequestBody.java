package io.mediahooks.http.okhttp;

import io.mediahooks.http.internal.RenderAhead;
import java.io.IOException;
import java.nio.ByteBuffer;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * A request body written straight from the request's read-only buffer: no byte[] copy. The
 * Content-Type is sent as a request header instead of through {@link #contentType()}, so it goes
 * out exactly as given (OkHttp would neither parse nor re-render it, but a string body would get
 * {@code ; charset=utf-8} appended, and unparseable values would be dropped). Once written, the
 * body is flushed and a delivery worker renders its next body while it waits ({@link
 * RenderAhead}).
 */
final class ByteBufferRequestBody extends RequestBody {
  private final ByteBuffer body;

  ByteBufferRequestBody(ByteBuffer body) {
    this.body = body;
  }

  @Override
  public @Nullable MediaType contentType() {
    return null;
  }

  @Override
  public long contentLength() {
    return body.remaining();
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    // A fresh view per write: OkHttp may write the body again when it retries a stale pooled
    // connection.
    ByteBuffer view = body.duplicate();
    while (view.hasRemaining()) {
      sink.write(view);
    }
    if (RenderAhead.pending()) {
      // The request goes out now rather than when OkHttp flushes after this method, and the
      // worker renders its next body while the receiver reads this one.
      sink.flush();
      RenderAhead.run();
    }
  }
}
