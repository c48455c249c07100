package io.mediahooks.http;

import java.io.IOException;
import java.net.InetAddress;

/**
 * A delivery was stopped because its destination resolved to an address the {@link
 * DestinationGuard} refuses (loopback, private, link-local, ...). This protects a host from
 * being used to reach its own internal network through a subscriber-supplied URL (SSRF).
 *
 * <p>It is an {@link IOException} so that HTTP clients propagate it from their DNS and connect
 * hooks unchanged. The delivery engine does not retry it (the address will not become public by
 * waiting) and dead-letters the event with this message, which says how to allow the address.
 *
 * <pre>{@code
 * // message: "destination 127.0.0.1 (localhost) is a loopback address; refused by the
 * // DestinationGuard. Allow it with DestinationGuard.builder().allowPrivateNetworks() ..."
 * }</pre>
 */
public final class DestinationRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The host name from the URL. */
  private final String host;

  /** The refused address as text. */
  private final String address;

  /**
   * Creates the exception.
   *
   * @param host the host name as given in the URL
   * @param address the refused address
   * @param reason what kind of address it is, for example {@code "a loopback address"}
   */
  public DestinationRefusedException(String host, InetAddress address, String reason) {
    super("destination " + address.getHostAddress() + " (" + host + ") is " + reason
        + "; refused by the DestinationGuard. Allow it with"
        + " DestinationGuard.builder().allowPrivateNetworks() or .allow(\"" + host + "\")"
        + " on the endpoint or MediaWebhooks builder, or --allow-private on the command line");
    this.host = host;
    this.address = address.getHostAddress();
  }

  /**
   * Creates the exception for a destination the guard cannot judge, such as one reached through a
   * proxy (the proxy, not this JVM, would resolve and connect to the host).
   *
   * @param host the host name as given in the URL
   * @param address what would have been connected to instead, for example the proxy's
   *     {@code host:port}
   * @param message the whole message: what was refused, why, and how to allow it
   */
  public DestinationRefusedException(String host, String address, String message) {
    super(message);
    this.host = host;
    this.address = address;
  }

  /**
   * The host name from the URL.
   *
   * @return the host
   */
  public String host() {
    return host;
  }

  /**
   * The refused address, as text (for a proxied destination, the proxy's address).
   *
   * @return the address
   */
  public String address() {
    return address;
  }
}
