package dev.assay.auth;

import static dev.assay.testing.ApiErrors.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.OrganizationResponse;
import dev.assay.api.ProductResponse;
import dev.assay.app.AssayApplication;
import dev.assay.client.AssayClient;
import dev.assay.client.ListOptions;
import dev.assay.common.ErrorCode;
import dev.assay.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ASSAY_BOOTSTRAP_API_KEY} may be a legacy {@code gsk-...} key and then authenticates like any
 * other (docs/reference/galtea-contract.md §9.3). Runs its own server with its own data directory, because the
 * bootstrap key is start-up configuration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyBootstrapKeyIT {
    private static final String LEGACY_KEY = "gsk-legacy0bootstrap0key0for0integration0tests";

    private ConfigurableApplicationContext server;
    private String baseUrl = "";
    private AssayClient operator;

    @BeforeAll
    void startServer() {
        // Command-line arguments outrank application.yml, which binds these names to environment variables.
        server = new SpringApplicationBuilder(AssayApplication.class).run(
                "--server.port=0",
                "--assay.data-dir=target/it-data-legacy-key",
                "--assay.bootstrap-api-key=" + LEGACY_KEY);
        baseUrl = "http://localhost:" + server.getEnvironment().getRequiredProperty("local.server.port");
        operator = AssayClient.builder().baseUrl(baseUrl).apiKey(LEGACY_KEY).build();
    }

    @AfterAll
    void stopServer() {
        operator.close();
        server.close();
    }

    @Test
    void legacyBootstrapKey_onRawRequest_authenticates() {
        HttpResponse<String> response = get("/products", "Bearer " + LEGACY_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void legacyBootstrapKey_throughTheClient_createsAndReadsProducts() {
        ProductResponse product = Fixtures.aProduct(operator);

        assertThat(operator.products().list(ListOptions.none())).extracting(ProductResponse::id).contains(product.id());
    }

    @Test
    void legacyBootstrapKey_isTheOperator_andCreatesOrganizations() {
        OrganizationResponse organization = operator.organizations().create("made-by-legacy-key");

        assertThat(get("/products", "Bearer " + organization.apiKey()).statusCode()).isEqualTo(200);
    }

    @Test
    void legacyBootstrapKey_withOneCharacterChanged_returnsUnauthorized() {
        String altered = LEGACY_KEY.substring(0, LEGACY_KEY.length() - 1) + "X";

        assertErrorBody(get("/products", "Bearer " + altered), ErrorCode.UNAUTHORIZED, "Unauthorized");
    }

    @Test
    void legacyBootstrapKey_isStoredOnlyAsHash() {
        JdbcClient jdbc = server.getBean(JdbcClient.class);

        Long matches = jdbc.sql("SELECT count(*) FROM api_keys k WHERE strpos(to_jsonb(k)::text, :secret) > 0")
                .param("secret", LEGACY_KEY.substring(8))
                .query(Long.class)
                .single();

        assertThat(matches).isZero();
    }

    private HttpResponse<String> get(String path, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization).GET().build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
