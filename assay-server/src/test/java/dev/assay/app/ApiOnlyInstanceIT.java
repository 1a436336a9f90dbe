package dev.assay.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.CreateProductRequest;
import dev.assay.api.CreateSessionRequest;
import dev.assay.api.CreateVersionRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.client.AssayClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scale-out on one database: an instance with its workers switched off serves the API and scores
 * nothing; a second instance with workers on, sharing the same PostgreSQL, scores what the first
 * one queued.
 */
class ApiOnlyInstanceIT {
    private static final String KEY = "gsk_api-only-instance-test-0001";

    @Test
    void apiOnlyInstance_queuesEvaluations_andAWorkerInstanceOnTheSameDatabaseScoresThem() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext apiOnly = start(database, false);
                AssayClient client = clientOf(apiOnly)) {
            String evaluationId = queueAUrlValidation(client);

            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> client.evaluations().get(evaluationId).status().equals("PENDING"));

            try (ConfigurableApplicationContext worker = start(database, true)) {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                        .until(() -> !client.evaluations().get(evaluationId).status().equals("PENDING"));
            }
            assertThat(client.evaluations().get(evaluationId).status()).isEqualTo("SUCCESS");
            assertThat(client.evaluations().get(evaluationId).score()).isEqualTo(1.0);
        }
    }

    private static String queueAUrlValidation(AssayClient client) {
        String productId = client.products().create(CreateProductRequest.named("scale-out-" + UUID.randomUUID())).id();
        String versionId = client.versions().create(CreateVersionRequest.named(productId, "v1")).id();
        String sessionId = client.sessions().create(CreateSessionRequest.forVersion(versionId)).id();
        String turnId = client.inferenceResults()
                .create(CreateInferenceResultRequest.forSession(sessionId).input("q").actualOutput("No links here.").build())
                .id();
        return client.evaluations()
                .createFromInferenceResult(turnId, List.of(EvaluationMetric.named("URL Validation")), null)
                .getFirst()
                .id();
    }

    private static ConfigurableApplicationContext start(EmbeddedPostgres database, boolean workers) {
        return new SpringApplicationBuilder(AssayApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://localhost:" + database.getPort() + "/postgres",
                "--spring.datasource.username=postgres",
                "--assay.bootstrap-api-key=" + KEY,
                "--assay.evaluation.worker.enabled=" + workers,
                "--assay.evaluation.worker.poll-interval=50ms");
    }

    private static AssayClient clientOf(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return AssayClient.builder().baseUrl("http://localhost:" + port).apiKey(KEY).build();
    }
}
