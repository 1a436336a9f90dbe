package dev.assay.metrics.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** URL Validation without a network: DNS answers from a map and HTTP from a table. */
class UrlValidationTest {

    private static final HostResolver NO_DNS = host -> {
        throw new UnknownHostException(host + " (no DNS in tests)");
    };
    private static final HttpProber NO_HTTP = (method, url, address) -> {
        throw new IOException("no HTTP in tests");
    };

    private final UrlValidation offline = new UrlValidation(NO_DNS, AddressPolicy.publicAddressesOnly(), NO_HTTP);

    private static double scoreOf(UrlValidation metric, String text) {
        MetricResult result = metric.score(new MetricInput(null, text, null, null, null, null));
        assertThat(result).isInstanceOf(MetricResult.Scored.class);
        return ((MetricResult.Scored) result).score();
    }

    /** An in-memory network: every host in {@code addresses} answers 200 to HEAD. */
    private static UrlValidation withNetwork(Map<String, String> addresses, Set<String> contacted) {
        HostResolver resolver = host -> {
            String address = addresses.get(host);
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return List.of(InetAddress.getByName(address));
        };
        HttpProber prober = (method, url, address) -> {
            contacted.add(method + " " + url);
            return new HttpProber.Response(200, null);
        };
        return new UrlValidation(resolver, AddressPolicy.publicAddressesOnly(), prober);
    }

    @Test
    void name_always_isGalteaDisplayName() {
        assertThat(offline.name()).isEqualTo("URL Validation");
    }

    /** docs/reference/metrics.md §14, URL Validation: all decided before any network access. */
    static Stream<Arguments> publicVectors() {
        return Stream.of(
                arguments("I can help you with that. Let me know what you need.", 1.0),
                arguments("See http://example.com for details.", 0.0),
                arguments("Log in at https://192.168.0.1/login", 0.0),
                arguments("Status page: https://example.com:8443/status", 0.0),
                arguments("Docs: https://docs.example.notarealtld/page", 0.0),
                arguments("Try https://[2001:db8::1]/index.html", 0.0),
                arguments("Open https://localhost/admin", 0.0),
                arguments("Download ftp://files.example.com/a.txt", 0.0),
                arguments("Read https://www.python.org/ and http://example.org/", 0.0));
    }

    @ParameterizedTest
    @MethodSource("publicVectors")
    void score_publicVector_matchesSpecificationExactly(String text, double expectedScore) {
        assertThat(scoreOf(offline, text)).isEqualTo(expectedScore);
    }

    @Test
    void score_defaultProductionMetricWithSyntaxFailuresOnly_decidesWithoutNetwork() {
        UrlValidation production = new UrlValidation();

        assertThat(scoreOf(production, "See http://example.com and https://10.0.0.1/")).isEqualTo(0.0);
        assertThat(scoreOf(production, "No links here.")).isEqualTo(1.0);
    }

    @Test
    void score_unsafeScheme_reasonUsesGalteaSentence() {
        MetricResult result = offline.score(new MetricInput(null, "See http://example.com for details.", null, null, null, null));

        assertThat(result.reason()).isEqualTo("Unsafe URL was found in the model response: http://example.com");
    }

    @Test
    void score_severalInvalidUrls_reasonListsEveryOne() {
        MetricResult result = offline.score(new MetricInput(null,
                "A https://example.com:8443/a B https://intranet.corp/ C http://x.example.com", null, null, null, null));

        assertThat(result.reason())
                .contains("Unsafe URL was found in the model response: http://x.example.com")
                .contains("The model provided some invalid url(s): https://example.com:8443/a: an explicit port is not"
                        + " allowed (Status: N/A); https://intranet.corp/: unknown top-level domain .corp (Status: N/A)");
    }

    @Test
    void score_validSyntaxWithoutDns_isInvalidAfterDnsFailure() {
        MetricResult result = offline.score(new MetricInput(null, "Read https://www.python.org/", null, null, null, null));

        assertThat(((MetricResult.Scored) result).score()).isEqualTo(0.0);
        assertThat(result.reason()).contains("https://www.python.org/: DNS resolution failed for www.python.org (Status: N/A)");
    }

    @Test
    void score_allUrlsReachable_scoresOne() {
        Set<String> contacted = ConcurrentHashMap.newKeySet();
        UrlValidation metric = withNetwork(Map.of("www.python.org", "151.101.0.223", "docs.python.org", "151.101.0.223"),
                contacted);

        double score = scoreOf(metric, "Read https://www.python.org/ and www.python.org or (https://docs.python.org/3/).");

        assertThat(score).isEqualTo(1.0);
        assertThat(contacted).containsExactlyInAnyOrder(
                "HEAD https://www.python.org/", "HEAD https://www.python.org", "HEAD https://docs.python.org/3/");
    }

    @Test
    void score_wwwUrl_isValidatedAsHttps() {
        Set<String> contacted = ConcurrentHashMap.newKeySet();
        UrlValidation metric = withNetwork(Map.of("www.example.com", "93.184.216.34"), contacted);

        assertThat(scoreOf(metric, "Go to www.example.com/path?q=1.")).isEqualTo(1.0);
        assertThat(contacted).containsExactly("HEAD https://www.example.com/path?q=1");
    }

    @Test
    void score_internationalizedDomain_isProbedInAsciiForm() {
        Set<String> contacted = ConcurrentHashMap.newKeySet();
        UrlValidation metric = withNetwork(Map.of("xn--bcher-kva.de", "93.184.216.34"), contacted);

        assertThat(scoreOf(metric, "Mira https://bücher.de/libros")).isEqualTo(1.0);
        assertThat(contacted).containsExactly("HEAD https://xn--bcher-kva.de/libros");
    }

    @Test
    void score_hostResolvingToPrivateAddress_isBlockedBeforeAnyRequest() {
        Set<String> contacted = ConcurrentHashMap.newKeySet();
        UrlValidation metric = withNetwork(Map.of("intranet.example.com", "10.1.2.3"), contacted);

        MetricResult result = metric.score(new MetricInput(null, "See https://intranet.example.com/", null, null, null, null));

        assertThat(((MetricResult.Scored) result).score()).isEqualTo(0.0);
        assertThat(result.reason()).contains("SSRF protection blocked request");
        assertThat(contacted).isEmpty();
    }

    @Test
    void score_oneOfSeveralAddressesPrivate_isBlocked() {
        HostResolver resolver = host -> List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("127.0.0.1"));
        HttpProber prober = (method, url, address) -> new HttpProber.Response(200, null);
        UrlValidation metric = new UrlValidation(resolver, AddressPolicy.publicAddressesOnly(), prober);

        assertThat(scoreOf(metric, "https://rebind.example.com/")).isEqualTo(0.0);
    }

    @Test
    void score_proberReceivesTheCheckedAddress_noSecondResolution() {
        Set<String> contacted = ConcurrentHashMap.newKeySet();
        HostResolver resolver = host -> List.of(InetAddress.getByName("93.184.216.34"));
        HttpProber prober = (method, url, address) -> {
            contacted.add(address.getHostAddress());
            return new HttpProber.Response(204, null);
        };

        assertThat(scoreOf(new UrlValidation(resolver, AddressPolicy.publicAddressesOnly(), prober), "https://a.example.com/"))
                .isEqualTo(1.0);
        assertThat(contacted).containsExactly("93.184.216.34");
    }

    @Test
    void score_manyUrls_probesAllConcurrentlyAndKeepsOrder() {
        Set<String> contacted = ConcurrentHashMap.newKeySet();
        HostResolver resolver = host -> List.of(InetAddress.getByName("93.184.216.34"));
        HttpProber prober = (method, url, address) -> {
            contacted.add(url.getHost());
            return new HttpProber.Response(url.getHost().startsWith("site7.") ? 404 : 200, null);
        };
        StringBuilder text = new StringBuilder();
        for (int index = 0; index < 30; index++) {
            text.append("https://site").append(index).append(".example.com/ ");
        }

        MetricResult result = new UrlValidation(resolver, AddressPolicy.publicAddressesOnly(), prober)
                .score(new MetricInput(null, text.toString(), null, null, null, null));

        assertThat(contacted).hasSize(30);
        assertThat(((MetricResult.Scored) result).score()).isEqualTo(0.0);
        assertThat(result.reason()).isEqualTo(
                "The model provided some invalid url(s): https://site7.example.com/: HTTP error (Status: 404)");
    }

    @Test
    void score_proberThrowsUnexpectedly_neverEscapes() {
        HostResolver resolver = host -> List.of(InetAddress.getByName("93.184.216.34"));
        HttpProber prober = (method, url, address) -> {
            throw new IllegalStateException("bug in prober");
        };

        MetricResult result = new UrlValidation(resolver, AddressPolicy.publicAddressesOnly(), prober)
                .score(new MetricInput(null, "https://a.example.com/", null, null, null, null));

        assertThat(((MetricResult.Scored) result).score()).isEqualTo(0.0);
        assertThat(result.reason()).contains("bug in prober");
    }

    @Test
    void score_longAnswerWithoutUrls_scoresOne() {
        assertThat(scoreOf(offline, "palabra y números 1.2.3 config.py ".repeat(3_000))).isEqualTo(1.0);
    }

    @Test
    void score_whitespaceOnlyAnswer_isScored() {
        assertThat(scoreOf(offline, " \n\t")).isEqualTo(1.0);
    }

    @Test
    void score_actualOutputMissing_skips() {
        MetricResult nullOutput = offline.score(new MetricInput(null, null, "x", null, null, null));
        MetricResult emptyOutput = offline.score(new MetricInput(null, "", null, null, null, null));

        assertThat(((MetricResult.Skipped) nullOutput).missingParameters()).containsExactly("actual_output");
        assertThat(emptyOutput).isInstanceOf(MetricResult.Skipped.class);
    }

    @Test
    void constructor_nonPositiveTimeout_isRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new UrlValidation(Duration.ZERO, Duration.ofSeconds(1)));
    }
}
