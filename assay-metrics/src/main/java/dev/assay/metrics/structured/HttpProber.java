package dev.assay.metrics.structured;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Sends one HTTP request for URL Validation's existence check (spec §8.2, check 9), to an address
 * that has already been resolved and allowed, and reports the status without following redirects.
 *
 * <p>Implementations must be thread-safe. {@link #https} is the production implementation; tests
 * and benchmarks may supply their own.
 */
@FunctionalInterface
public interface HttpProber {

    /**
     * Sends one request and reads the response head; the body is not read.
     *
     * @param method {@code HEAD} or {@code GET}
     * @param url the https URL, with an ASCII host and no port; its host names the server
     * @param address the address to connect to, which the caller has checked (no second resolution)
     * @return the status code and the {@code Location} header, if any
     * @throws IOException on connection, TLS, timeout or protocol failure
     */
    Response send(String method, URI url, InetAddress address) throws IOException;

    /**
     * The production prober: HTTP/1.1 over TLS to port 443 of the given address, with the URL's host
     * for SNI, certificate hostname verification and the {@code Host} header.
     *
     * @param connectTimeout the longest wait for the TCP connection; positive
     * @param readTimeout the longest wait for the TLS handshake and the response head together;
     *     positive
     * @throws IllegalArgumentException if a timeout is not positive
     */
    static HttpProber https(Duration connectTimeout, Duration readTimeout) {
        return new SocketHttpProber(connectTimeout, readTimeout, SocketHttpProber.tls());
    }

    /**
     * The head of an HTTP response.
     *
     * @param status the status code, 100 to 999
     * @param location the {@code Location} header value, or {@code null} if absent
     */
    record Response(int status, @Nullable String location) {}
}
