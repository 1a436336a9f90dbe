package dev.assay.metrics.structured;

import java.net.InetAddress;

/**
 * Decides which resolved addresses URL Validation may connect to: its SSRF protection (spec §8.2,
 * check 8). A URL whose host resolves to any disallowed address is invalid and never contacted.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface AddressPolicy {

    /**
     * Whether a connection to this address is allowed.
     *
     * @param address a resolved address (IPv4 or IPv6)
     * @return {@code true} to allow the connection
     */
    boolean isAllowed(InetAddress address);

    /**
     * The production policy: allows only public unicast addresses. Blocks loopback, private
     * (10/8, 172.16/12, 192.168/16), carrier-grade NAT (100.64/10), link-local (169.254/16,
     * fe80::/10), unique-local (fc00::/7), site-local (fec0::/10), multicast, unspecified, "this
     * network" (0/8), broadcast and reserved (240/4) addresses, and IPv6 forms embedding such an
     * IPv4 address (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96).
     */
    static AddressPolicy publicAddressesOnly() {
        return PublicAddressPolicy::isPublic;
    }
}
