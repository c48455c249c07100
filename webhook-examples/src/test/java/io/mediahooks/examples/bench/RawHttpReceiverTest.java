package io.mediahooks.examples.bench;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The benchmarks' receiver answers every HTTP/1.1 request and counts it exactly. */
class RawHttpReceiverTest {
  private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";

  private RawHttpReceiver receiver;

  @BeforeEach
  void start() throws IOException {
    receiver = RawHttpReceiver.start();
  }

  @AfterEach
  void stop() throws IOException {
    receiver.close();
  }

  @Test
  void answersEveryRequestOfAKeepAliveConnectionAndCountsBodies() throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), receiver.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      // Two requests in one write (pipelined), then a third: each gets its own answer, in order.
      out.write(("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
          + "POST /b?q=1 HTTP/1.1\r\nHost: x\r\ncontent-length: 3\r\n\r\nabc").getBytes(US_ASCII));
      out.flush();
      assertThat(read(s.getInputStream(), 2 * OK.length())).isEqualTo(OK + OK);
      out.write("GET /c HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(US_ASCII));
      out.flush();
      assertThat(read(s.getInputStream(), OK.length())).isEqualTo(OK);
    }
    assertThat(receiver.requests()).isEqualTo(3);
    assertThat(receiver.bodyBytes()).isEqualTo(8);
    assertThat(receiver.connectionsOpened()).isEqualTo(1);
    assertThat(receiver.malformed()).isZero();
  }

  @Test
  void readsChunkedBodiesToTheEnd() throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), receiver.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "4;ext=1\r\nWiki\r\n6\r\npedia \r\n0\r\nTrailer: t\r\n\r\n"
          + "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok").getBytes(US_ASCII));
      out.flush();
      assertThat(read(s.getInputStream(), 2 * OK.length())).isEqualTo(OK + OK);
    }
    assertThat(receiver.requests()).isEqualTo(2);
    assertThat(receiver.bodyBytes()).isEqualTo(4 + 6 + 2);
  }

  @Test
  void aMalformedRequestClosesItsConnectionAndIsCounted() throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), receiver.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write("POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n".getBytes(US_ASCII));
      s.getOutputStream().flush();
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
    assertThat(receiver.requests()).isZero();
    assertThat(receiver.malformed()).isEqualTo(1);
  }

  @Test
  void okHttpRequestsAreAnsweredAndCountedOnReusedConnections() throws IOException {
    OkHttpClient client = new OkHttpClient();
    byte[] body = new byte[9534];
    for (int i = 0; i < 20; i++) {
      Request request = new Request.Builder()
          .url(receiver.url("/hook?auth=s3cr3t"))
          .post(RequestBody.create(body, MediaType.get("application/json")))
          .build();
      try (Response response = client.newCall(request).execute()) {
        assertThat(response.code()).isEqualTo(200);
      }
    }
    client.connectionPool().evictAll();
    assertThat(receiver.requests()).isEqualTo(20);
    assertThat(receiver.bodyBytes()).isEqualTo(20L * body.length);
    assertThat(receiver.connectionsOpened()).isEqualTo(1);
  }

  @Test
  void urlsArePathsOnTheLoopbackAddress() {
    assertThat(receiver.url("/a?b=c")).isEqualTo("http://127.0.0.1:" + receiver.port() + "/a?b=c");
    assertThatThrownBy(() -> receiver.url("a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must start with '/'");
  }

  private static String read(InputStream in, int n) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    while (got.size() < n) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      got.write(b);
    }
    return got.toString(US_ASCII);
  }
}
