package dev.assay.metrics.structured;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;

/**
 * Resolves a host name to the addresses URL Validation checks and connects to (spec §8.2, check
 * 8).
 *
 * <p>Implementations must be thread-safe. {@link #system()} uses the JDK resolver; tests and
 * benchmarks supply an in-memory map instead.
 */
@FunctionalInterface
public interface HostResolver {

    /**
     * Resolves a host name.
     *
     * @param host a lower-case ASCII (IDNA) domain name, never an IP literal
     * @return the host's addresses, possibly empty (treated as a DNS failure)
     * @throws IOException if the name cannot be resolved, for example {@link
     *     java.net.UnknownHostException}
     */
    List<InetAddress> resolve(String host) throws IOException;

    /** The JDK's resolver, {@link InetAddress#getAllByName}, subject to the JVM's DNS cache. */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
