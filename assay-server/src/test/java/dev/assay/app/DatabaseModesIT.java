package dev.assay.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateProductRequest;
import dev.assay.api.ProductResponse;
import dev.assay.client.AssayClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The two storage modes: the zero-configuration embedded PostgreSQL, whose data survives a
 * restart, and an external PostgreSQL named by {@code spring.datasource.url}, with which nothing
 * embedded starts.
 */
class DatabaseModesIT {
    private static final String KEY = "gsk_database-modes-test-key-000001";

    @Test
    void embedded_whenRestartedOnTheSameDataDirectory_keepsItsData() {
        Path dataDirectory = Path.of("target", "restart-" + UUID.randomUUID());
        String productId;
        try (ConfigurableApplicationContext first = start("--assay.data-dir=" + dataDirectory);
                AssayClient client = clientOf(first)) {
            productId = client.products().create(CreateProductRequest.named("survives-restart")).id();
        }

        try (ConfigurableApplicationContext second = start("--assay.data-dir=" + dataDirectory);
                AssayClient client = clientOf(second)) {
            ProductResponse product = client.products().get(productId);
            assertThat(product.name()).isEqualTo("survives-restart");
        }
        assertThat(dataDirectory.resolve("postgres").resolve("PG_VERSION")).exists();
    }

    @Test
    void external_whenDatasourceUrlIsSet_usesItAndStartsNothingEmbedded() throws Exception {
        Path dataDirectory = Path.of("target", "external-" + UUID.randomUUID());
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://localhost:" + external.getPort() + "/postgres";
            try (ConfigurableApplicationContext context = start(
                    "--assay.data-dir=" + dataDirectory,
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=postgres");
                    AssayClient client = clientOf(context)) {
                client.products().create(CreateProductRequest.named("stored-externally"));

                assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
                assertThat(Files.exists(dataDirectory)).isFalse();
                try (Connection connection = external.getPostgresDatabase().getConnection();
                        ResultSet rows = connection.createStatement()
                                .executeQuery("SELECT count(*) FROM products WHERE name = 'stored-externally'")) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(1);
                }
            }
        }
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        String[] all = new String[arguments.length + 2];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        all[arguments.length] = "--server.port=0";
        all[arguments.length + 1] = "--assay.bootstrap-api-key=" + KEY;
        return new SpringApplicationBuilder(AssayApplication.class).run(all);
    }

    private static AssayClient clientOf(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return AssayClient.builder().baseUrl("http://localhost:" + port).apiKey(KEY).build();
    }
}
