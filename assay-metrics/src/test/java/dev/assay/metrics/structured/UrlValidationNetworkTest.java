package dev.assay.metrics.structured;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks 8 and 9 end to end against a real HTTP server on an ephemeral loopback port, through the
 * production {@link SocketHttpProber} over plain TCP. The test hosts resolve to the loopback
 * address, which the production SSRF policy would block, so the policy here is the production one
 * plus an exception for loopback; every other address still goes through the real rule.
 */
class UrlValidationNetworkTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(500);
    private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    private static final CountDownLatch RELEASE_SLOW_RESPONSES = new CountDownLatch(1);

    private static HttpServer server;
    private static ExecutorService serverThreads;
    private static UrlValidation metric;

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.createContext("/", UrlValidationNetworkTest::handle);
        server.start();
        metric = metricConnectingTo(server.getAddress().getPort());
    }

    @AfterAll
    static void stopServer() {
        RELEASE_SLOW_RESPONSES.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private static UrlValidation metricConnectingTo(int port) {
        HostResolver resolver = host -> switch (host) {
            case "shop.example.com", "docs.example.org" -> List.of(InetAddress.getLoopbackAddress());
            case "intranet.example.com" -> List.of(InetAddress.getByName("10.0.0.5"));
            case "metadata.example.com" -> List.of(InetAddress.getByName("169.254.169.254"));
            default -> throw new UnknownHostException(host);
        };
        AddressPolicy productionPolicyPlusTestServer = address -> address.isLoopbackAddress()
                || AddressPolicy.publicAddressesOnly().isAllowed(address);
        HttpProber prober = new SocketHttpProber(Duration.ofSeconds(2), READ_TIMEOUT, SocketHttpProber.plaintext(port));
        return new UrlValidation(resolver, productionPolicyPlusTestServer, prober);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        REQUESTS.add(method + " " + exchange.getRequestURI() + " host=" + exchange.getRequestHeaders().getFirst("Host"));
        try (exchange) {
            if (path.startsWith("/chain/")) {
                int remaining = Integer.parseInt(path.substring("/chain/".length()));
                respond(exchange, remaining == 0 ? 200 : 302, remaining == 0 ? null : "/chain/" + (remaining - 1));
                return;
            }
            switch (path) {
                case "/ok" -> respond(exchange, 200, null);
                case "/head-405" -> respond(exchange, method.equals("HEAD") ? 405 : 200, null);
                case "/head-501" -> respond(exchange, method.equals("HEAD") ? 501 : 200, null);
                case "/head-403" -> respond(exchange, method.equals("HEAD") ? 403 : 200, null);
                case "/head-reset" -> {
                    if (method.equals("HEAD")) {
                        throw new IOException("drop the connection without a response");
                    }
                    respond(exchange, 200, null);
                }
                case "/missing" -> respond(exchange, 404, null);
                case "/error" -> respond(exchange, 500, null);
                case "/redirect-ok" -> respond(exchange, 302, "https://docs.example.org/ok");
                case "/redirect-relative" -> respond(exchange, 301, "ok?from=relative");
                case "/redirect-http" -> respond(exchange, 302, "http://shop.example.com/ok");
                case "/redirect-private" -> respond(exchange, 302, "https://intranet.example.com/admin");
                case "/redirect-metadata" -> respond(exchange, 307, "https://metadata.example.com/latest");
                case "/redirect-ip" -> respond(exchange, 308, "https://127.0.0.1/ok");
                case "/redirect-port" -> respond(exchange, 303, "https://docs.example.org:8443/ok");
                case "/redirect-unknown-host" -> respond(exchange, 302, "https://nowhere.example.com/");
                case "/redirect-garbage" -> respond(exchange, 302, "https://exa mple.com/");
                case "/loop" -> respond(exchange, 302, "/loop");
                case "/no-location" -> respond(exchange, 302, null);
                case "/not-modified" -> respond(exchange, 304, null);
                case "/slow" -> {
                    awaitRelease();
                    respond(exchange, 200, null);
                }
                default -> respond(exchange, 404, null);
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String location) throws IOException {
        if (location != null) {
            exchange.getResponseHeaders().add("Location", location);
        }
        exchange.sendResponseHeaders(status, -1);
    }

    private static void awaitRelease() {
        try {
            RELEASE_SLOW_RESPONSES.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static MetricResult.Scored score(UrlValidation validation, String text) {
        MetricResult result = validation.score(new MetricInput(null, text, null, null, null, null));
        assertThat(result).isInstanceOf(MetricResult.Scored.class);
        return (MetricResult.Scored) result;
    }

    private static List<String> requestsFor(String pathPrefix) {
        return REQUESTS.stream().filter(request -> request.split(" ")[1].startsWith(pathPrefix)).toList();
    }

    @Test
    void score_reachableUrl_sendsHeadWithHostHeaderAndScoresOne() {
        assertThat(score(metric, "Buy it at https://shop.example.com/ok?item=1.").score()).isEqualTo(1.0);
        assertThat(requestsFor("/ok?item=1")).containsExactly("HEAD /ok?item=1 host=shop.example.com");
    }

    @Test
    void score_headNotAllowed_retriesWithGet() {
        assertThat(score(metric, "https://shop.example.com/head-405").score()).isEqualTo(1.0);
        assertThat(requestsFor("/head-405")).containsExactly(
                "HEAD /head-405 host=shop.example.com", "GET /head-405 host=shop.example.com");
    }

    @Test
    void score_headNotImplemented_retriesWithGet() {
        assertThat(score(metric, "https://shop.example.com/head-501").score()).isEqualTo(1.0);
    }

    @Test
    void score_headForbiddenButGetAllowed_isValid() {
        assertThat(score(metric, "https://shop.example.com/head-403").score()).isEqualTo(1.0);
    }

    @Test
    void score_headConnectionDropped_retriesWithGet() {
        assertThat(score(metric, "https://shop.example.com/head-reset").score()).isEqualTo(1.0);
        assertThat(requestsFor("/head-reset")).hasSize(2);
    }

    @Test
    void score_notFound_isInvalidWithStatus() {
        MetricResult.Scored result = score(metric, "See https://shop.example.com/missing");

        assertThat(result.score()).isEqualTo(0.0);
        assertThat(result.reason()).isEqualTo(
                "The model provided some invalid url(s): https://shop.example.com/missing: HTTP error (Status: 404)");
        assertThat(requestsFor("/missing")).hasSize(2);
    }

    @Test
    void score_serverError_isInvalid() {
        assertThat(score(metric, "https://shop.example.com/error").reason()).contains("(Status: 500)");
    }

    @Test
    void score_redirectToOtherValidHost_followsAndScoresOne() {
        assertThat(score(metric, "https://shop.example.com/redirect-ok").score()).isEqualTo(1.0);
        assertThat(REQUESTS).contains("HEAD /ok host=docs.example.org");
    }

    @Test
    void score_relativeRedirect_isResolvedAgainstCurrentUrl() {
        assertThat(score(metric, "https://shop.example.com/redirect-relative").score()).isEqualTo(1.0);
        assertThat(REQUESTS).contains("HEAD /ok?from=relative host=shop.example.com");
    }

    @Test
    void score_redirectToHttp_isInvalid() {
        MetricResult.Scored result = score(metric, "https://shop.example.com/redirect-http");

        assertThat(result.score()).isEqualTo(0.0);
        assertThat(result.reason()).contains(
                "redirect to http://shop.example.com/ok rejected: scheme http is not https (Status: 302)");
    }

    @Test
    void score_redirectToPrivateAddress_isBlockedWithoutContactingIt() {
        MetricResult.Scored result = score(metric, "https://shop.example.com/redirect-private");

        assertThat(result.score()).isEqualTo(0.0);
        assertThat(result.reason()).contains("SSRF protection blocked request to intranet.example.com");
        assertThat(requestsFor("/admin")).isEmpty();
    }

    @Test
    void score_redirectToCloudMetadataAddress_isBlocked() {
        assertThat(score(metric, "https://shop.example.com/redirect-metadata").reason())
                .contains("SSRF protection blocked request to metadata.example.com");
    }

    @Test
    void score_redirectToIpLiteral_isInvalid() {
        assertThat(score(metric, "https://shop.example.com/redirect-ip").reason()).contains("IP address");
    }

    @Test
    void score_redirectWithPort_isInvalid() {
        assertThat(score(metric, "https://shop.example.com/redirect-port").reason()).contains("port");
    }

    @Test
    void score_redirectToUnknownHost_isInvalid() {
        assertThat(score(metric, "https://shop.example.com/redirect-unknown-host").reason())
                .contains("DNS resolution failed for nowhere.example.com");
    }

    @Test
    void score_malformedLocation_isInvalid() {
        assertThat(score(metric, "https://shop.example.com/redirect-garbage").reason())
                .contains("malformed Location header");
    }

    @Test
    void score_fiveRedirects_areFollowed() {
        assertThat(score(metric, "https://shop.example.com/chain/5").score()).isEqualTo(1.0);
    }

    @Test
    void score_sixRedirects_areTooMany() {
        MetricResult.Scored result = score(metric, "https://shop.example.com/chain/6");

        assertThat(result.score()).isEqualTo(0.0);
        assertThat(result.reason()).contains("more than 5 redirects");
    }

    @Test
    void score_redirectLoop_stops() {
        assertThat(score(metric, "https://shop.example.com/loop").score()).isEqualTo(0.0);
        assertThat(requestsFor("/loop")).hasSize(6);
    }

    @Test
    void score_redirectWithoutLocation_isAFinalStatus() {
        assertThat(score(metric, "https://shop.example.com/no-location").score()).isEqualTo(1.0);
    }

    @Test
    void score_notModified_isWithinValidRange() {
        assertThat(score(metric, "https://shop.example.com/not-modified").score()).isEqualTo(1.0);
    }

    @Test
    void score_serverTooSlow_timesOut() {
        long start = System.nanoTime();

        MetricResult.Scored result = score(metric, "https://shop.example.com/slow");

        assertThat(result.score()).isEqualTo(0.0);
        assertThat(result.reason()).contains("SocketTimeoutException").contains("(Status: N/A)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void score_connectionRefused_isInvalid() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        MetricResult.Scored result = score(metricConnectingTo(closedPort), "https://shop.example.com/ok");

        assertThat(result.score()).isEqualTo(0.0);
        assertThat(result.reason()).contains("request failed (ConnectException");
    }

    @Test
    void score_mixOfValidAndInvalid_listsOnlyInvalid() {
        MetricResult.Scored result = score(metric,
                "Try https://shop.example.com/ok, https://docs.example.org/missing and www.shop.example.com.");

        assertThat(result.score()).isEqualTo(0.0);
        assertThat(result.reason()).isEqualTo("The model provided some invalid url(s): "
                + "https://docs.example.org/missing: HTTP error (Status: 404); "
                + "www.shop.example.com: DNS resolution failed for www.shop.example.com (Status: N/A)");
    }
}
