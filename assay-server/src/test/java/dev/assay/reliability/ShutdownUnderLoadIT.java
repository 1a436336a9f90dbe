package dev.assay.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.assay.api.ConversationTurn;
import dev.assay.api.CreateProductRequest;
import dev.assay.api.CreateSessionRequest;
import dev.assay.api.CreateVersionRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.client.AssayClient;
import dev.assay.judge.FakeOpenAiServer;
import dev.assay.judge.FakeOpenAiServer.Reply;
import dev.assay.testing.IngestLoad;
import dev.assay.testing.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM while batches are being written and a worker waits on a judge call: the server drains
 * its requests, stops its workers, closes its pool and only then stops PostgreSQL
 * (docs/decisions/0008-shutdown-order.md). No request gets a 5xx, the process ends within the
 * grace period, every acknowledged turn is there after a restart, and the evaluation the worker
 * held is back in the queue at once rather than after its lease.
 */
class ShutdownUnderLoadIT {
    private static final String KEY = "gsk_shutdown-under-load-key-0001";
    private static final Duration GRACE = Duration.ofSeconds(45);

    @Test
    void sigterm_underLoad_drainsWithout5xxAndReleasesClaimedEvaluations() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "reliability", "shutdown-" + UUID.randomUUID()));
        try (FakeOpenAiServer judge = FakeOpenAiServer.start()) {
            Map<String, String> environment = Map.of(
                    "ASSAY_DATA_DIR", directory.resolve("data").toString(),
                    "ASSAY_BOOTSTRAP_API_KEY", KEY,
                    "ASSAY_JUDGE_BASE_URL", judge.baseUrl(),
                    "ASSAY_JUDGE_MODEL", "judge-model");
            // A lease far longer than the test: only a released claim can be scored again in time.
            List<String> arguments = List.of("--assay.evaluation.worker.lease=30m", "--assay.evaluation.worker.poll-interval=50ms");
            judge.enqueue(Reply.verdict(0, "held until the server stops").heldBack());

            String evaluationId;
            IngestLoad load;
            Duration exit;
            try (ServerProcess server = ServerProcess.start(directory.resolve("first.log"), environment, arguments);
                    AssayClient client = client(server)) {
                evaluationId = judgedEvaluation(client);
                await().atMost(Duration.ofSeconds(30)).until(() -> judge.inFlight() == 1);
                load = IngestLoad.start(server.baseUrl(), KEY, 8, 20);
                await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledgedBatches() >= 20);

                exit = server.terminate(GRACE);
                load.close();
            }

            assertThat(exit).as("the server ends within %s of SIGTERM", GRACE).isNotNull();
            assertThat(load.serverErrors()).as("5xx answers, outcomes %s", load.outcomes()).isEmpty();
            String log = Files.readString(directory.resolve("first.log"));
            assertThat(log).doesNotContain("terminating connection due to administrator command");
            assertThat(log).contains("Evaluation workers stopped; 1 unfinished evaluations released to the queue");
            assertThat(log.indexOf("Evaluation workers stopped")).as("workers stop").isPositive()
                    .isGreaterThan(log.indexOf("Graceful shutdown complete"))
                    .isLessThan(log.indexOf("assay-embedded - Shutdown completed"));

            judge.releaseHeld();
            try (ServerProcess restarted = ServerProcess.start(directory.resolve("second.log"), environment, arguments);
                    AssayClient client = client(restarted)) {
                int stored = load.verify(restarted.baseUrl());
                assertThat(stored).isGreaterThanOrEqualTo(load.acknowledgedBatches() * 20);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                        .until(() -> client.evaluations().get(evaluationId).status().equals("SUCCESS"));
                EvaluationResponse evaluation = client.evaluations().get(evaluationId);
                assertThat(evaluation.score()).isEqualTo(1.0);
            }
        }
    }

    private static String judgedEvaluation(AssayClient client) {
        String productId = client.products().create(CreateProductRequest.named("shutdown-" + UUID.randomUUID())).id();
        String versionId = client.versions().create(CreateVersionRequest.named(productId, "v1")).id();
        String sessionId = client.sessions().create(CreateSessionRequest.forVersion(versionId)).id();
        String turnId = client.inferenceResults().createBatch(sessionId,
                List.of(ConversationTurn.user("What is the capital of France?"), ConversationTurn.assistant("Paris."))).getFirst().id();
        return client.evaluations().createFromInferenceResult(turnId, List.of(EvaluationMetric.named("Answer Relevancy")), null)
                .getFirst().id();
    }

    private static AssayClient client(ServerProcess server) {
        return AssayClient.builder().baseUrl(server.baseUrl()).apiKey(KEY).build();
    }
}
