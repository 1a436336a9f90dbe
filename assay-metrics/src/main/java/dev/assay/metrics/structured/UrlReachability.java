package dev.assay.metrics.structured;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * URL Validation checks 8 and 9 (spec §8.2): resolve the host and refuse non-public addresses
 * (SSRF protection), then send {@code HEAD}, falling back once to {@code GET}, following at most
 * five redirects, each target going through checks 1 to 8 again. Thread-safe.
 */
final class UrlReachability {

    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);

    private final HostResolver resolver;
    private final AddressPolicy addressPolicy;
    private final HttpProber prober;

    UrlReachability(HostResolver resolver, AddressPolicy addressPolicy, HttpProber prober) {
        this.resolver = resolver;
        this.addressPolicy = addressPolicy;
        this.prober = prober;
    }

    /**
     * The outcome of checks 8 and 9.
     *
     * @param reachable whether the final status is 200 to 399
     * @param why the failed rule, for a person; empty when reachable
     * @param status the last HTTP status received, or {@code null} if none
     */
    record Outcome(boolean reachable, String why, @Nullable Integer status) {

        static Outcome unreachable(String why, @Nullable Integer status) {
            return new Outcome(false, why, status);
        }
    }

    /** Checks a URL that passed checks 1 to 7. */
    Outcome check(UrlSyntax.Valid url) {
        UrlSyntax.Valid current = url;
        for (int redirects = 0;; redirects++) {
            InetAddress address;
            try {
                address = allowedAddress(current.host());
            } catch (BlockedException e) {
                String why = redirects == 0 ? e.getMessage() : "redirect to " + current.uri() + ": " + e.getMessage();
                return Outcome.unreachable(why, null);
            }
            HttpProber.Response response;
            try {
                response = headFallingBackToGet(current.uri(), address);
            } catch (IOException e) {
                return Outcome.unreachable("request failed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", null);
            }
            int status = response.status();
            String location = response.location();
            if (!REDIRECT_STATUSES.contains(status) || location == null) {
                return status >= 200 && status <= 399
                        ? new Outcome(true, "", status)
                        : Outcome.unreachable("HTTP error", status);
            }
            if (redirects == MAX_REDIRECTS) {
                return Outcome.unreachable("more than " + MAX_REDIRECTS + " redirects", status);
            }
            UrlSyntax.Result target = redirectTarget(current.uri(), location);
            if (target instanceof UrlSyntax.Invalid invalid) {
                return Outcome.unreachable("redirect to " + location + " rejected: " + invalid.why(), status);
            }
            current = (UrlSyntax.Valid) target;
        }
    }

    private InetAddress allowedAddress(String host) throws BlockedException {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (IOException | RuntimeException e) {
            throw new BlockedException("DNS resolution failed for " + host);
        }
        if (addresses.isEmpty()) {
            throw new BlockedException("DNS resolution failed for " + host);
        }
        for (InetAddress address : addresses) {
            if (!addressPolicy.isAllowed(address)) {
                throw new BlockedException("SSRF protection blocked request to " + host);
            }
        }
        return addresses.get(0);
    }

    private HttpProber.Response headFallingBackToGet(URI url, InetAddress address) throws IOException {
        HttpProber.Response head = null;
        try {
            head = prober.send("HEAD", url, address);
            if (head.status() < 400) {
                return head;
            }
        } catch (IOException e) {
            // Some servers reset HEAD requests; GET decides.
        }
        try {
            return prober.send("GET", url, address);
        } catch (IOException e) {
            if (head != null) {
                return head;
            }
            throw e;
        }
    }

    private static UrlSyntax.Result redirectTarget(URI base, String location) {
        try {
            URI baseWithPath = base.getRawPath() == null || base.getRawPath().isEmpty()
                    ? new URI(base.getScheme(), base.getRawAuthority(), "/", null, null)
                    : base;
            return UrlSyntax.check(baseWithPath.resolve(new URI(location)).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return UrlSyntax.Invalid.because("malformed Location header");
        }
    }

    private static final class BlockedException extends Exception {
        private static final long serialVersionUID = 1L;

        private final String reason;

        BlockedException(String message) {
            super(message);
            this.reason = message;
        }

        /** The message, never null, unlike {@link Throwable#getMessage()} in general. */
        @Override
        public String getMessage() {
            return reason;
        }
    }
}
