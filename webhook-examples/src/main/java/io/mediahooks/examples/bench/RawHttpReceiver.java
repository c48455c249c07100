package io.mediahooks.examples.bench;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A minimal, fast HTTP/1.1 receiver on 127.0.0.1 for the benchmarks: one thread per connection
 * (threads are pooled and reused), keep-alive, reads the request line, the headers and the body
 * ({@code Content-Length} or chunked) and answers every request with {@code HTTP/1.1 200 OK} and
 * an empty body in a single write. Every contender of a comparison talks to the same receiver, so
 * it costs them all the same.
 *
 * <p>It counts requests, body bytes and connections opened, so a harness can check that every
 * request it counted as sent was received. A request the receiver cannot parse closes its
 * connection and is counted in {@link #malformed()}. Not a general HTTP server: no pipelining
 * guarantees beyond in-order answers, no {@code Expect: 100-continue}, no TLS.
 *
 * <pre>{@code
 * try (RawHttpReceiver receiver = RawHttpReceiver.start()) {
 *   String url = receiver.url("/hook");
 *   // ... send requests ...
 *   long received = receiver.requests();
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class RawHttpReceiver implements Closeable {
  private static final byte[] OK =
      "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_LINE = 16 * 1024;

  private final ServerSocket server;
  private final ExecutorService connections;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private final LongAdder requests = new LongAdder();
  private final LongAdder bodyBytes = new LongAdder();
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger malformed = new AtomicInteger();
  private volatile boolean closed;

  private RawHttpReceiver(ServerSocket server) {
    this.server = server;
    AtomicInteger threadIds = new AtomicInteger();
    this.connections = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "raw-receiver-" + threadIds.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.acceptor = new Thread(this::accept, "raw-receiver-accept");
    acceptor.setDaemon(true);
  }

  /**
   * Starts a receiver on 127.0.0.1 and an ephemeral port.
   *
   * @return the running receiver; close it when done
   * @throws IOException if the port cannot be bound
   */
  public static RawHttpReceiver start() throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    RawHttpReceiver receiver = new RawHttpReceiver(server);
    receiver.acceptor.start();
    return receiver;
  }

  /**
   * The port the receiver listens on.
   *
   * @return the port
   */
  public int port() {
    return server.getLocalPort();
  }

  /**
   * The receiver's origin, {@code http://127.0.0.1:<port>}, without a trailing slash.
   *
   * @return the base URL
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /**
   * An {@code http://127.0.0.1:<port>} URL with the given path (and query).
   *
   * @param pathAndQuery starts with {@code /}
   * @return the URL
   */
  public String url(String pathAndQuery) {
    if (!pathAndQuery.startsWith("/")) {
      throw new IllegalArgumentException("pathAndQuery must start with '/', was " + pathAndQuery);
    }
    return baseUrl() + pathAndQuery;
  }

  /**
   * Requests answered so far.
   *
   * @return the count
   */
  public long requests() {
    return requests.sum();
  }

  /**
   * Body bytes received so far.
   *
   * @return the count
   */
  public long bodyBytes() {
    return bodyBytes.sum();
  }

  /**
   * Connections accepted so far.
   *
   * @return the count
   */
  public int connectionsOpened() {
    return opened.get();
  }

  /**
   * Requests that could not be parsed (each closed its connection).
   *
   * @return the count
   */
  public int malformed() {
    return malformed.get();
  }

  /** Stops accepting, closes every connection and waits briefly for their threads. */
  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    connections.shutdownNow();
    try {
      acceptor.join(5_000);
      connections.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void accept() {
    while (!closed) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      opened.incrementAndGet();
      open.add(s);
      try {
        connections.execute(() -> serve(s));
      } catch (RuntimeException e) {
        open.remove(s);
        closeQuietly(s);
      }
    }
  }

  private void serve(Socket s) {
    try {
      s.setTcpNoDelay(true);
      Connection c = new Connection(s.getInputStream(), s.getOutputStream());
      while (c.serveOne()) {
        // next request on the same connection
      }
    } catch (Malformed e) {
      malformed.incrementAndGet(); // before closing: a client seeing the close sees the count
    } catch (IOException e) {
      // the client went away
    } finally {
      open.remove(s);
      closeQuietly(s);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // nothing to do
    }
  }

  /** A request the receiver cannot read. */
  private static final class Malformed extends IOException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  /** One keep-alive connection with its own read buffer (no per-byte locking). */
  private final class Connection {
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buf = new byte[32 * 1024];
    private int pos;
    private int limit;
    private final StringBuilder line = new StringBuilder(128);

    Connection(InputStream in, OutputStream out) {
      this.in = in;
      this.out = out;
    }

    /** Reads one request and answers it; false at a clean end of stream. */
    boolean serveOne() throws IOException {
      String requestLine = readLine(true);
      if (requestLine == null) {
        return false;
      }
      if (requestLine.isEmpty()) {
        return serveOne(); // a stray CRLF between requests is allowed (RFC 9112 2.2)
      }
      if (requestLine.indexOf(' ') < 0) {
        throw new Malformed("bad request line: " + requestLine);
      }
      long contentLength = 0;
      boolean chunked = false;
      boolean close = requestLine.endsWith("HTTP/1.0");
      for (;;) {
        String header = readLine(false);
        if (header == null) {
          throw new Malformed("end of stream inside the headers");
        }
        if (header.isEmpty()) {
          break;
        }
        int colon = header.indexOf(':');
        if (colon <= 0) {
          throw new Malformed("bad header: " + header);
        }
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim();
        switch (name) {
          case "content-length":
            try {
              contentLength = Long.parseLong(value);
            } catch (NumberFormatException e) {
              throw new Malformed("bad Content-Length: " + value);
            }
            break;
          case "transfer-encoding":
            chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            break;
          case "connection":
            close = value.toLowerCase(Locale.ROOT).contains("close");
            break;
          default:
            break;
        }
      }
      if (chunked) {
        readChunked();
      } else {
        skip(contentLength);
      }
      // Counted before answering, so a client that has its answer sees it counted.
      requests.increment();
      out.write(OK);
      out.flush();
      return !close;
    }

    private void readChunked() throws IOException {
      for (;;) {
        String size = readLine(false);
        if (size == null) {
          throw new Malformed("end of stream inside a chunked body");
        }
        int semicolon = size.indexOf(';');
        long n;
        try {
          n = Long.parseLong((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
        } catch (NumberFormatException e) {
          throw new Malformed("bad chunk size: " + size);
        }
        if (n == 0) {
          // trailers, then the empty line
          for (;;) {
            String trailer = readLine(false);
            if (trailer == null || trailer.isEmpty()) {
              return;
            }
          }
        }
        skip(n);
        String crlf = readLine(false);
        if (crlf == null || !crlf.isEmpty()) {
          throw new Malformed("chunk not followed by CRLF");
        }
      }
    }

    private void skip(long n) throws IOException {
      long left = n;
      while (left > 0) {
        if (pos == limit && !fill()) {
          throw new EOFException("end of stream inside a body");
        }
        int take = (int) Math.min(left, limit - pos);
        pos += take;
        left -= take;
      }
      bodyBytes.add(n);
    }

    /** A line without its CRLF (or LF); null at end of stream before any byte of it. */
    private String readLine(boolean endAllowed) throws IOException {
      line.setLength(0);
      for (;;) {
        if (pos == limit && !fill()) {
          if (endAllowed && line.length() == 0) {
            return null;
          }
          throw new EOFException("end of stream inside a line");
        }
        byte b = buf[pos++];
        if (b == '\n') {
          int len = line.length();
          if (len > 0 && line.charAt(len - 1) == '\r') {
            line.setLength(len - 1);
          }
          return line.toString();
        }
        if (line.length() >= MAX_LINE) {
          throw new Malformed("line longer than " + MAX_LINE + " bytes");
        }
        line.append((char) (b & 0xff));
      }
    }

    private boolean fill() throws IOException {
      int n;
      try {
        n = in.read(buf, 0, buf.length);
      } catch (SocketException e) {
        if (closed) {
          return false;
        }
        throw e;
      }
      if (n <= 0) {
        return false;
      }
      pos = 0;
      limit = n;
      return true;
    }
  }
}
