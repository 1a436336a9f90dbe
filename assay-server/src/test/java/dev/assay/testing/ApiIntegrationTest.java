package dev.assay.testing;

import dev.assay.api.OrganizationResponse;
import dev.assay.app.AssayApplication;
import dev.assay.client.AssayClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the HTTP integration tests: one real server on a random port over the embedded
 * PostgreSQL, shared by every test class (Spring caches the context). Each test gets a fresh
 * organization of its own, so tests never see each other's rows and need no cleanup.
 */
@SpringBootTest(classes = AssayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "assay.data-dir=target/it-data",
        "assay.bootstrap-api-key=" + ApiIntegrationTest.BOOTSTRAP_KEY,
        // Evaluations wait this long for late spans (9 s in production): short, so skips come quickly.
        "assay.traces.span-grace=" + ApiIntegrationTest.SPAN_GRACE_SECONDS + "s",
        // No judge, whatever the environment says: tests call nothing beyond loopback.
        "assay.judge.base-url=",
        // Two exports at a time, so ExportAbortIT can reach the limit with two slow readers.
        "assay.export.max-concurrent=2"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiIntegrationTest {
    public static final String BOOTSTRAP_KEY = "gsk_integration-test-operator-key-0001";
    /** {@code assay.traces.span-grace} of the test server. */
    public static final int SPAN_GRACE_SECONDS = 3;

    private static final HttpClient RAW = HttpClient.newHttpClient();
    private final List<AssayClient> clients = new ArrayList<>();

    @LocalServerPort
    protected int port;

    /** A new organization of this test's own, with its admin key for raw requests. */
    protected Tenant tenant;

    /** The client of {@link #tenant}. */
    protected AssayClient client;

    @BeforeEach
    void newOrganization() {
        tenant = newTenant();
        client = tenant.client();
    }

    @AfterAll
    void closeClients() {
        clients.forEach(AssayClient::close);
    }

    /** A new organization with its admin key and a client using that key. */
    protected Tenant newTenant() {
        OrganizationResponse organization = operator().organizations().create("org-" + UUID.randomUUID());
        return new Tenant(organization.id(), organization.apiKey(), clientFor(organization.apiKey()));
    }

    /** The client of the default organization's bootstrap admin key. */
    protected AssayClient operator() {
        return clientFor(BOOTSTRAP_KEY);
    }

    protected AssayClient clientFor(String apiKey) {
        AssayClient created = AssayClient.builder().baseUrl(baseUrl()).apiKey(apiKey).build();
        clients.add(created);
        return created;
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Sends a request as written, for inputs the SDK would never produce. */
    protected HttpResponse<String> raw(String method, String pathAndQuery, @Nullable String jsonBody, @Nullable String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        try {
            return RAW.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An organization created for one test. */
    public record Tenant(String organizationId, String apiKey, AssayClient client) {}
}
