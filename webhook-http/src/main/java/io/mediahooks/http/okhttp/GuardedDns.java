package io.mediahooks.http.okhttp;

import io.mediahooks.http.DestinationGuard;
import io.mediahooks.http.DestinationRefusedException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Dns;

/**
 * Resolves through a delegate and keeps only the addresses the guard allows, so OkHttp never
 * plans a route to a refused address. The sockets check again at connect time.
 */
final class GuardedDns implements Dns {
  private final Dns delegate;
  private final DestinationGuard guard;

  GuardedDns(Dns delegate, DestinationGuard guard) {
    this.delegate = delegate;
    this.guard = guard;
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    List<InetAddress> allowed;
    try {
      allowed = guard.filter(hostname, delegate.lookup(hostname));
    } catch (DestinationRefusedException e) {
      // Dns may only throw UnknownHostException; OkHttpTransport unwraps the refusal again.
      throw new RefusedLookup(e);
    }
    List<InetAddress> named = new ArrayList<>(allowed.size());
    for (InetAddress a : allowed) {
      // Carry the host name to the socket, so the connect-time check can honour a host name on
      // the guard's allow list even when a custom Dns returned bare addresses.
      if (a instanceof Inet6Address && ((Inet6Address) a).getScopeId() != 0) {
        named.add(Inet6Address.getByAddress(hostname, a.getAddress(),
            ((Inet6Address) a).getScopeId()));
      } else {
        named.add(InetAddress.getByAddress(hostname, a.getAddress()));
      }
    }
    return named;
  }

  /** The guard refused every address of a host; carries the refusal through OkHttp. */
  static final class RefusedLookup extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    RefusedLookup(DestinationRefusedException refusal) {
      super(refusal.getMessage());
      initCause(refusal);
    }
  }
}
