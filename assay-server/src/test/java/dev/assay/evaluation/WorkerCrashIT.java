package dev.assay.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.assay.api.ConversationTurn;
import dev.assay.api.CreateProductRequest;
import dev.assay.api.CreateSessionRequest;
import dev.assay.api.CreateVersionRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.InferenceResultResponse;
import dev.assay.client.AssayClient;
import dev.assay.client.ListOptions;
import dev.assay.metrics.DeterministicMetrics;
import dev.assay.metrics.Metric;
import dev.assay.testing.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the whole server while workers hold claimed evaluations: after a restart on the same
 * data directory every evaluation reaches exactly one final state, none is lost and none doubled.
 */
class WorkerCrashIT {
    private static final String KEY = "gsk_worker-crash-test-key-0001";
    private static final Set<String> FINAL = Set.of("SUCCESS", "FAILED", "SKIPPED");

    @Test
    void killedServer_afterRestart_everyEvaluationEndsOnceInAFinalState() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "worker-crash-" + UUID.randomUUID()));
        Map<String, String> environment = Map.of(
                "ASSAY_DATA_DIR", directory.resolve("data").toString(),
                "ASSAY_BOOTSTRAP_API_KEY", KEY);
        // One slow worker with a short lease, so that the kill finds work claimed and work queued.
        List<String> slowWorker = List.of("--assay.evaluation.worker.threads=1", "--assay.evaluation.worker.batch-size=1",
                "--assay.evaluation.worker.poll-interval=20ms", "--assay.evaluation.worker.lease=3s");

        List<String> created = new ArrayList<>();
        int finalBeforeKill;
        try (ServerProcess first = ServerProcess.start(directory.resolve("first.log"), environment, slowWorker);
                AssayClient client = client(first)) {
            created.addAll(createEvaluations(client));
            finalBeforeKill = countFinal(client, created);
            first.kill();
        }
        assertThat(finalBeforeKill).as("the kill must come while evaluations are still queued").isLessThan(created.size());

        try (ServerProcess second = ServerProcess.start(directory.resolve("second.log"), environment, List.of());
                AssayClient client = client(second)) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> countFinal(client, created) == created.size());

            List<EvaluationResponse> evaluations = fetch(client, created);
            assertThat(evaluations).hasSize(created.size());
            assertThat(evaluations).extracting(EvaluationResponse::id).doesNotHaveDuplicates();
            assertThat(evaluations).allSatisfy(evaluation -> {
                assertThat(evaluation.status()).isIn(FINAL);
                assertThat(evaluation.evaluatedAt()).isNotNull();
                assertThat(evaluation.score() != null || evaluation.error() != null).isTrue();
            });
        }
    }

    /** 30 turns, each evaluated with every deterministic metric: 330 evaluations. */
    private static List<String> createEvaluations(AssayClient client) {
        String productId = client.products().create(CreateProductRequest.named("crash-" + UUID.randomUUID())).id();
        String versionId = client.versions().create(CreateVersionRequest.named(productId, "v1")).id();
        String sessionId = client.sessions().create(CreateSessionRequest.forVersion(versionId)).id();
        List<ConversationTurn> messages = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            messages.add(ConversationTurn.user("Question " + i + ": what is the refund policy?"));
            messages.add(ConversationTurn.assistant("Answer " + i + ": refunds within 30 days, see {\"days\": 30}."));
        }
        List<EvaluationMetric> metrics = DeterministicMetrics.all().stream().map(Metric::name).map(EvaluationMetric::named).toList();
        List<String> ids = new ArrayList<>();
        for (InferenceResultResponse turn : client.inferenceResults().createBatch(sessionId, messages)) {
            client.evaluations().createFromInferenceResult(turn.id(), metrics, null).forEach(evaluation -> ids.add(evaluation.id()));
        }
        return ids;
    }

    private static int countFinal(AssayClient client, List<String> ids) {
        return (int) fetch(client, ids).stream().filter(evaluation -> FINAL.contains(evaluation.status())).count();
    }

    private static List<EvaluationResponse> fetch(AssayClient client, List<String> ids) {
        List<EvaluationResponse> all = new ArrayList<>();
        Set<String> wanted = new HashSet<>(ids);
        for (int offset = 0;; offset += 1000) {
            List<EvaluationResponse> page = client.evaluations().list(ListOptions.none().limit(1000).offset(offset));
            page.stream().filter(evaluation -> wanted.contains(evaluation.id())).forEach(all::add);
            if (page.size() < 1000) {
                return all;
            }
        }
    }

    private static AssayClient client(ServerProcess server) {
        return AssayClient.builder().baseUrl(server.baseUrl()).apiKey(KEY).build();
    }
}
