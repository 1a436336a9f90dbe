package dev.assay.metrics.structured;

import dev.assay.metrics.Metric;
import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import dev.assay.metrics.internal.RequiredParameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * Galtea's "URL Validation" metric: 1.0 when the model response contains no URL or only valid
 * ones, 0.0 when at least one URL is invalid (spec §8).
 *
 * <p>URLs are extracted from {@code actual_output} (scheme URLs and {@code www.} URLs; bare domains
 * are ignored), then each goes through nine checks, the first failure deciding: https scheme,
 * strict RFC 3986 syntax without user-info, no port, no IP-literal host, domain syntax (after
 * IDNA), a TLD in the IANA root zone, a clean query string, SSRF protection on every resolved
 * address, and existence: {@code HEAD}, once {@code GET} on failure or status ≥ 400, at most five
 * redirects that must pass the same checks, final status 200 to 399. Checks 1 to 7 need no
 * network. The reason lists every invalid URL.
 *
 * <p>Not deterministic when a URL reaches check 9: the answer depends on the network. Stateless and
 * thread-safe; one call may block for the configured timeouts per request. Up to {@value
 * #MAX_CONCURRENT_PROBES} URLs of one response are probed concurrently on virtual threads. Skipped
 * when {@code actual_output} is missing ({@code null} or empty); never fails.
 */
public final class UrlValidation implements Metric {

    /** The exact Galtea display name. */
    public static final String NAME = "URL Validation";

    /** The default connect timeout and the default read timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** How many URLs of one response are probed over the network at the same time. */
    public static final int MAX_CONCURRENT_PROBES = 8;

    private final UrlReachability reachability;

    /** The production metric: system DNS, public addresses only, 5-second timeouts. */
    public UrlValidation() {
        this(DEFAULT_TIMEOUT, DEFAULT_TIMEOUT);
    }

    /**
     * The production metric with other timeouts.
     *
     * @param connectTimeout the longest wait for a TCP connection; positive
     * @param readTimeout the longest wait for the TLS handshake and a response head; positive
     * @throws IllegalArgumentException if a timeout is not positive
     */
    public UrlValidation(Duration connectTimeout, Duration readTimeout) {
        this(HostResolver.system(), AddressPolicy.publicAddressesOnly(), HttpProber.https(connectTimeout, readTimeout));
    }

    /**
     * A metric with its own network: for embedding, tests and benchmarks.
     *
     * @param resolver resolves host names (check 8)
     * @param addressPolicy decides which resolved addresses may be contacted (check 8); use {@link
     *     AddressPolicy#publicAddressesOnly()} in production
     * @param prober sends the existence requests (check 9)
     */
    public UrlValidation(HostResolver resolver, AddressPolicy addressPolicy, HttpProber prober) {
        this.reachability = new UrlReachability(Objects.requireNonNull(resolver, "resolver"),
                Objects.requireNonNull(addressPolicy, "addressPolicy"), Objects.requireNonNull(prober, "prober"));
    }

    /** Returns {@value #NAME}. */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * Validates every URL of the model response.
     *
     * @param input the evaluation parameters; only {@code actualOutput} is read
     * @return 1.0 or 0.0 with the invalid URLs in the reason, or a skip when {@code actual_output}
     *     is missing; never throws
     */
    @Override
    public MetricResult score(MetricInput input) {
        return RequiredParameters.scoreActualOutput(input, NAME, this::validate);
    }

    private MetricResult validate(String actualOutput) {
        List<String> urls = UrlExtractor.extract(actualOutput);
        if (urls.isEmpty()) {
            return new MetricResult.Scored(1.0, "No URL found in the model response.");
        }
        try {
            return summarize(urls, verdicts(urls));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new MetricResult.Failed("URL Validation was interrupted");
        }
    }

    private List<Verdict> verdicts(List<String> urls) throws InterruptedException {
        List<@Nullable Verdict> verdicts = new ArrayList<>(urls.size());
        List<UrlSyntax.@Nullable Valid> toProbe = new ArrayList<>(urls.size());
        for (String url : urls) {
            String absolute = url.regionMatches(true, 0, "www.", 0, 4) ? "https://" + url : url;
            UrlSyntax.Result syntax = UrlSyntax.check(absolute);
            if (syntax instanceof UrlSyntax.Invalid invalid) {
                verdicts.add(new Verdict(url, false, invalid.unsafeScheme(), invalid.why(), null));
                toProbe.add(null);
            } else {
                verdicts.add(null);
                toProbe.add((UrlSyntax.Valid) syntax);
            }
        }
        if (verdicts.stream().allMatch(Objects::nonNull)) {
            return verdicts.stream().map(Objects::requireNonNull).toList();
        }
        Semaphore permits = new Semaphore(MAX_CONCURRENT_PROBES);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<@Nullable Future<UrlReachability.Outcome>> outcomes = new ArrayList<>(urls.size());
            for (UrlSyntax.Valid valid : toProbe) {
                outcomes.add(valid == null ? null : executor.submit(() -> {
                    permits.acquire();
                    try {
                        return reachability.check(valid);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<Verdict> result = new ArrayList<>(urls.size());
            for (int index = 0; index < urls.size(); index++) {
                Future<UrlReachability.Outcome> outcome = outcomes.get(index);
                result.add(outcome == null ? Objects.requireNonNull(verdicts.get(index)) : toVerdict(urls.get(index), outcome));
            }
            return result;
        }
    }

    private static Verdict toVerdict(String url, Future<UrlReachability.Outcome> future) throws InterruptedException {
        try {
            UrlReachability.Outcome outcome = future.get();
            return new Verdict(url, outcome.reachable(), false, outcome.why(), outcome.status());
        } catch (ExecutionException e) {
            return new Verdict(url, false, false, "check failed: " + e.getCause(), null);
        }
    }

    private static MetricResult summarize(List<String> urls, List<Verdict> verdicts) {
        List<String> sentences = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            if (verdict.valid()) {
                continue;
            }
            if (verdict.unsafeScheme()) {
                sentences.add("Unsafe URL was found in the model response: " + verdict.url());
            } else {
                String status = verdict.status() == null ? "N/A" : verdict.status().toString();
                invalid.add(verdict.url() + ": " + verdict.why() + " (Status: " + status + ")");
            }
        }
        if (!invalid.isEmpty()) {
            sentences.add("The model provided some invalid url(s): " + String.join("; ", invalid));
        }
        if (sentences.isEmpty()) {
            return new MetricResult.Scored(1.0, "All " + urls.size() + " URL(s) in the model response are valid: "
                    + String.join(", ", urls));
        }
        return new MetricResult.Scored(0.0, String.join("\n", sentences));
    }

    /** The decision for one URL; {@code why} is empty for a valid URL. */
    private record Verdict(String url, boolean valid, boolean unsafeScheme, String why, @Nullable Integer status) {}
}
