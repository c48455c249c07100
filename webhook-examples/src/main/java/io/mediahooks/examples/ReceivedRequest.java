package io.mediahooks.examples;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One request a {@link LoopbackReceiver} received, with the answer it gave: what scenarios print
 * and tests assert on.
 *
 * <p>Header names are lower-cased (HTTP header names are case-insensitive, and the JDK server
 * that records them does not keep the sender's spelling or order) and sorted. The body is kept
 * byte for byte. Get them from {@link LoopbackReceiver#requests()}. Immutable and thread-safe.
 *
 * <pre>{@code
 * ReceivedRequest r = receiver.await(1, Duration.ofSeconds(10)).get(0);
 * assert r.header("content-type").equals("application/json");
 * assert r.bodyString().contains("\"type\":\"new\"");
 * }</pre>
 */
public final class ReceivedRequest {
  private final int number;
  private final Duration elapsed;
  private final String method;
  private final String target;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final int status;
  private final @Nullable String check;
  private final boolean checkPassed;

  ReceivedRequest(int number, Duration elapsed, String method, String target,
      Map<String, List<String>> headers, byte[] body, int status, @Nullable String check,
      boolean checkPassed) {
    this.number = number;
    this.elapsed = elapsed;
    this.method = method;
    this.target = target;
    Map<String, List<String>> sorted = new TreeMap<>();
    headers.forEach((k, v) -> sorted.computeIfAbsent(k.toLowerCase(Locale.ROOT),
        x -> new ArrayList<>()).addAll(v));
    sorted.replaceAll((k, v) -> List.copyOf(v));
    this.headers = Collections.unmodifiableMap(sorted);
    this.body = body.clone();
    this.status = status;
    this.check = check;
    this.checkPassed = checkPassed;
  }

  /**
   * The request's position in arrival order, 1 for the first the receiver got.
   *
   * @return the sequence number
   */
  public int number() {
    return number;
  }

  /**
   * When the request arrived, counted from the receiver's start.
   *
   * @return the time since start
   */
  public Duration elapsed() {
    return elapsed;
  }

  /**
   * The HTTP method.
   *
   * @return the method
   */
  public String method() {
    return method;
  }

  /**
   * The request target as sent: the raw path and query, percent-encoding untouched.
   *
   * @return the path and query
   */
  public String target() {
    return target;
  }

  /**
   * The raw path, without the query.
   *
   * @return the path
   */
  public String path() {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  /**
   * The raw query (after {@code ?}), or null when there is none.
   *
   * @return the query, or null
   */
  public @Nullable String query() {
    int q = target.indexOf('?');
    return q < 0 ? null : target.substring(q + 1);
  }

  /**
   * Every header, lower-case names in alphabetical order. Unmodifiable.
   *
   * @return the headers
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * The first value of a header, or null.
   *
   * @param name the header name, in any case
   * @return the value, or null
   */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * A copy of the body bytes.
   *
   * @return the body
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * The body decoded as UTF-8.
   *
   * @return the body text
   */
  public String bodyString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The status code the receiver answered with.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * The name of the check the receiver ran on this request (a signature or credential check set
   * with {@link LoopbackReceiver#check}), or null when none applied.
   *
   * @return the check's name, or null
   */
  public @Nullable String check() {
    return check;
  }

  /**
   * Whether the receiver's check passed; true when no check applied. A failed check is answered
   * with 401.
   *
   * @return whether the check passed
   */
  public boolean checkPassed() {
    return checkPassed;
  }

  @Override
  public String toString() {
    return "ReceivedRequest{#" + number + ' ' + method + ' ' + Masking.target(target) + " -> "
        + status + ", " + body.length + " bytes}";
  }
}
