package io.mediahooks.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Keeps webhook deliveries away from addresses a host's own network uses: the guard against
 * server-side request forgery through a subscriber-supplied URL.
 *
 * <p>{@link #strict()}, the default everywhere, refuses loopback ({@code 127.0.0.0/8},
 * {@code ::1}), private ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}), link-local
 * ({@code 169.254/16} with cloud metadata at {@code 169.254.169.254}, {@code fe80::/10}),
 * unique-local ({@code fc00::/7}), carrier-grade NAT ({@code 100.64/10}), multicast, unspecified
 * ({@code 0.0.0.0/8}, {@code ::}), broadcast and reserved addresses. IPv6 forms that embed an
 * IPv4 address (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible, NAT64 {@code 64:ff9b::/96},
 * 6to4 {@code 2002::/16}) are judged by that IPv4 address.
 *
 * <p>The check applies to resolved addresses at connect time (transports call {@link
 * #check(String, InetAddress)} for every address they connect to), so a host name that resolves
 * to an internal address, or is re-bound to one after a first lookup, is refused too.
 *
 * <p>Exceptions are explicit: {@link Builder#allowPrivateNetworks()} for tests and intranet
 * deployments (multicast, unspecified and reserved stay refused), and {@link
 * Builder#allow(String)} for one host name, address or CIDR range. {@link #allowAll()} turns the
 * guard off. Immutable and thread-safe.
 *
 * <pre>{@code
 * DestinationGuard guard = DestinationGuard.builder()
 *     .allow("10.20.0.0/16")            // the intranet's webhook receivers
 *     .allow("hooks.internal.example")  // and one named host
 *     .build();
 * }</pre>
 */
public final class DestinationGuard {
  private static final DestinationGuard STRICT = new Builder().build();
  private static final DestinationGuard ALLOW_ALL = new Builder().allowAllInternal().build();

  private final boolean allowPrivate;
  private final boolean allowAll;
  private final Set<String> allowedHosts;
  private final List<Cidr> allowedRanges;
  /**
   * Computed once: the transport looks its connection pool up by guard on every request, and
   * hashing the sets each time boxed and iterated on the delivery path.
   */
  private final int hash;

  private DestinationGuard(Builder b) {
    this.allowPrivate = b.allowPrivate;
    this.allowAll = b.allowAll;
    this.allowedHosts = Collections.unmodifiableSet(new LinkedHashSet<>(b.allowedHosts));
    this.allowedRanges = List.copyOf(b.allowedRanges);
    this.hash = Objects.hash(allowPrivate, allowAll, allowedHosts, allowedRanges);
  }

  /**
   * The default guard: refuses every non-public destination.
   *
   * @return the strict guard
   */
  public static DestinationGuard strict() {
    return STRICT;
  }

  /**
   * A guard that allows every destination. Only for hosts whose endpoints are all trusted.
   *
   * @return the guard that refuses nothing
   */
  public static DestinationGuard allowAll() {
    return ALLOW_ALL;
  }

  /**
   * A strict guard that allows private networks: the usual choice for tests on loopback.
   *
   * @return a guard allowing private networks
   */
  public static DestinationGuard allowingPrivateNetworks() {
    return builder().allowPrivateNetworks().build();
  }

  /**
   * Returns a builder that starts strict.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this guard's exceptions.
   *
   * @return a new builder
   */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.allowPrivate = allowPrivate;
    b.allowAll = allowAll;
    b.allowedHosts.addAll(allowedHosts);
    b.allowedRanges.addAll(allowedRanges);
    return b;
  }

  /**
   * Whether private networks are allowed.
   *
   * @return true if {@link Builder#allowPrivateNetworks()} was set
   */
  public boolean allowsPrivateNetworks() {
    return allowPrivate || allowAll;
  }

  /**
   * Checks one resolved address of a host.
   *
   * @param host the host name from the URL (used for host allow-list entries and the message)
   * @param address the address about to be connected to
   * @throws DestinationRefusedException if the address is refused; the message says why and how
   *     to allow it
   */
  public void check(String host, InetAddress address) throws DestinationRefusedException {
    String reason = refusalReason(host, address);
    if (reason != null) {
      throw new DestinationRefusedException(host, address, reason);
    }
  }

  /**
   * Returns the addresses of a host that this guard allows, in order.
   *
   * @param host the host name
   * @param addresses its resolved addresses
   * @return the allowed addresses
   * @throws DestinationRefusedException if none is allowed (naming the first)
   */
  public List<InetAddress> filter(String host, List<InetAddress> addresses)
      throws DestinationRefusedException {
    List<InetAddress> allowed = new ArrayList<>(addresses.size());
    DestinationRefusedException first = null;
    for (InetAddress a : addresses) {
      String reason = refusalReason(host, a);
      if (reason == null) {
        allowed.add(a);
      } else if (first == null) {
        first = new DestinationRefusedException(host, a, reason);
      }
    }
    if (allowed.isEmpty() && first != null) {
      throw first;
    }
    return allowed;
  }

  /**
   * Why {@code address} is refused, or null when it is allowed.
   *
   * @param host the host name from the URL
   * @param address the address
   * @return the reason (for example {@code "a loopback address"}), or null
   */
  public @Nullable String refusalReason(String host, InetAddress address) {
    Objects.requireNonNull(address, "address");
    if (allowAll) {
      return null;
    }
    if (host != null && allowedHosts.contains(normalizeHost(host))) {
      return null;
    }
    byte[] raw = address.getAddress();
    for (Cidr c : allowedRanges) {
      if (c.contains(raw)) {
        return null;
      }
    }
    Kind kind = classify(address);
    if (kind == Kind.PUBLIC) {
      return null;
    }
    if (allowPrivate && kind.privateNetwork) {
      return null;
    }
    return kind.description;
  }

  /** Address kinds, each with whether {@code allowPrivateNetworks()} lets it through. */
  enum Kind {
    PUBLIC("a public address", true),
    LOOPBACK("a loopback address", true),
    PRIVATE("a private-network address", true),
    LINK_LOCAL("a link-local address (cloud metadata lives here)", true),
    UNIQUE_LOCAL("an IPv6 unique-local address", true),
    CGNAT("a carrier-grade NAT address", true),
    MULTICAST("a multicast address", false),
    UNSPECIFIED("an unspecified address", false),
    RESERVED("a reserved or broadcast address", false);

    final String description;
    final boolean privateNetwork;

    Kind(String description, boolean privateNetwork) {
      this.description = description;
      this.privateNetwork = privateNetwork;
    }
  }

  static Kind classify(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length == 4) {
      return classifyV4(b);
    }
    byte[] embedded = embeddedIpv4(b);
    if (embedded != null) {
      return classifyV4(embedded);
    }
    int first = b[0] & 0xff;
    if (isZero(b, 0, 16)) {
      return Kind.UNSPECIFIED;
    }
    if (isZero(b, 0, 15) && b[15] == 1) {
      return Kind.LOOPBACK;
    }
    if (first == 0xff) {
      return Kind.MULTICAST;
    }
    if (first == 0xfe && (b[1] & 0xc0) == 0x80) {
      return Kind.LINK_LOCAL;
    }
    if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
      return Kind.UNIQUE_LOCAL; // deprecated site-local fec0::/10: internal all the same
    }
    if ((first & 0xfe) == 0xfc) {
      return Kind.UNIQUE_LOCAL;
    }
    if (first == 0x01 && isZero(b, 1, 8)) {
      return Kind.RESERVED; // 100::/64 discard-only
    }
    if (first == 0x20 && b[1] == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
      return Kind.RESERVED; // 2001:db8::/32 documentation
    }
    return Kind.PUBLIC;
  }

  private static Kind classifyV4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    if (a0 == 0) {
      return Kind.UNSPECIFIED;
    }
    if (a0 == 127) {
      return Kind.LOOPBACK;
    }
    if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
      return Kind.PRIVATE;
    }
    if (a0 == 169 && a1 == 254) {
      return Kind.LINK_LOCAL;
    }
    if (a0 == 100 && (a1 & 0xc0) == 64) {
      return Kind.CGNAT;
    }
    if (a0 >= 224 && a0 <= 239) {
      return Kind.MULTICAST;
    }
    if (a0 >= 240) {
      return Kind.RESERVED; // 240/4 and 255.255.255.255
    }
    if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) {
      return Kind.RESERVED; // 192.0.0.0/24 IETF protocol assignments
    }
    if (a0 == 198 && (a1 & 0xfe) == 18) {
      return Kind.RESERVED; // 198.18.0.0/15 benchmarking
    }
    return Kind.PUBLIC;
  }

  /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 or 6to4 IPv6 address. */
  private static byte @Nullable [] embeddedIpv4(byte[] b) {
    // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated but still routable by some
    // stacks); ::1 and :: are excluded by requiring a non-zero first IPv4 octet.
    if (isZero(b, 0, 10)
        && (((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff)
            || (b[10] == 0 && b[11] == 0 && b[12] != 0))) {
      return new byte[] {b[12], b[13], b[14], b[15]};
    }
    // 64:ff9b::/96 NAT64 well-known prefix.
    if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
        && isZero(b, 4, 12)) {
      return new byte[] {b[12], b[13], b[14], b[15]};
    }
    // 2002:a.b.c.d::/48 6to4.
    if (b[0] == 0x20 && b[1] == 0x02) {
      return new byte[] {b[2], b[3], b[4], b[5]};
    }
    return null;
  }

  private static boolean isZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static String normalizeHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  @Override
  public String toString() {
    if (allowAll) {
      return "DestinationGuard{allowAll}";
    }
    return "DestinationGuard{allowPrivateNetworks=" + allowPrivate + ", hosts=" + allowedHosts
        + ", ranges=" + allowedRanges + '}';
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof DestinationGuard)) {
      return false;
    }
    DestinationGuard g = (DestinationGuard) o;
    return hash == g.hash && allowPrivate == g.allowPrivate && allowAll == g.allowAll
        && allowedHosts.equals(g.allowedHosts) && allowedRanges.equals(g.allowedRanges);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /**
   * Builds a {@link DestinationGuard}, starting strict. Not thread-safe.
   *
   * <pre>{@code
   * DestinationGuard forTests = DestinationGuard.builder().allowPrivateNetworks().build();
   * }</pre>
   */
  public static final class Builder {
    private boolean allowPrivate;
    private boolean allowAll;
    private final Set<String> allowedHosts = new LinkedHashSet<>();
    private final List<Cidr> allowedRanges = new ArrayList<>();

    private Builder() {}

    /**
     * Allows loopback, private, link-local, unique-local and carrier-grade NAT addresses.
     * Multicast, unspecified and reserved addresses stay refused.
     *
     * @return this builder
     */
    public Builder allowPrivateNetworks() {
      this.allowPrivate = true;
      return this;
    }

    /**
     * Allows one host name (any address it resolves to), one IP address, or one CIDR range such
     * as {@code 10.20.0.0/16} or {@code fd00::/8}.
     *
     * @param hostAddressOrCidr the entry
     * @return this builder
     * @throws IllegalArgumentException if the entry is blank or a malformed CIDR range
     */
    public Builder allow(String hostAddressOrCidr) {
      Objects.requireNonNull(hostAddressOrCidr, "hostAddressOrCidr must not be null");
      String entry = hostAddressOrCidr.trim();
      if (entry.isEmpty()) {
        throw new IllegalArgumentException("hostAddressOrCidr must not be blank");
      }
      Cidr cidr = Cidr.parse(entry);
      if (cidr != null) {
        allowedRanges.add(cidr);
      } else {
        allowedHosts.add(normalizeHost(entry));
      }
      return this;
    }

    Builder allowAllInternal() {
      this.allowAll = true;
      return this;
    }

    /**
     * Builds the guard.
     *
     * @return a new immutable guard
     */
    public DestinationGuard build() {
      return new DestinationGuard(this);
    }
  }

  /** An address range; a single IP literal is a range of one. */
  static final class Cidr {
    final byte[] network;
    final int prefix;
    final String text;

    private Cidr(byte[] network, int prefix, String text) {
      this.network = network;
      this.prefix = prefix;
      this.text = text;
    }

    /** Parses an IP literal or CIDR; returns null for something that is not IP syntax. */
    static @Nullable Cidr parse(String s) {
      int slash = s.indexOf('/');
      String ip = slash < 0 ? s : s.substring(0, slash);
      if (ip.startsWith("[") && ip.endsWith("]")) {
        ip = ip.substring(1, ip.length() - 1);
      }
      if (!looksLikeIpLiteral(ip)) {
        if (slash >= 0) {
          throw new IllegalArgumentException("not a CIDR range: \"" + s + '"');
        }
        return null;
      }
      byte[] addr;
      try {
        // Only literals reach here, so this never performs a DNS lookup.
        addr = InetAddress.getByName(ip).getAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("not an IP address: \"" + s + '"', e);
      }
      int bits = addr.length * 8;
      int prefix = bits;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("bad prefix length in \"" + s + '"', e);
        }
        if (prefix < 0 || prefix > bits) {
          throw new IllegalArgumentException(
              "prefix length in \"" + s + "\" must be 0 to " + bits);
        }
      }
      return new Cidr(addr, prefix, s);
    }

    private static boolean looksLikeIpLiteral(String s) {
      if (s.indexOf(':') >= 0) {
        return s.matches("[0-9A-Fa-f:.]+(%.+)?");
      }
      return s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    boolean contains(byte[] addr) {
      byte[] a = addr;
      if (a.length != network.length) {
        // Compare an IPv4-mapped IPv6 address with an IPv4 range and vice versa.
        if (a.length == 16 && network.length == 4) {
          byte[] v4 = embeddedIpv4(a);
          if (v4 == null) {
            return false;
          }
          a = v4;
        } else {
          return false;
        }
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (a[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (a[full] & mask) == (network[full] & mask);
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Cidr && prefix == ((Cidr) o).prefix
          && Arrays.equals(network, ((Cidr) o).network);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(network) * 31 + prefix;
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
