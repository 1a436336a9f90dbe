package dev.assay.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.CreateProductRequest;
import dev.assay.api.CreateSessionRequest;
import dev.assay.api.CreateVersionRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.client.AssayClient;
import dev.assay.judge.FakeOpenAiServer.Reply;
import dev.assay.testing.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged server, configured through its environment: without a judge a judge metric ends
 * SKIPPED with a message saying how to configure one; restarted with {@code ASSAY_JUDGE_*}
 * pointing at a fake endpoint on loopback, {@code POST /evaluations/retry} gets it scored.
 */
class JudgeRetryIT {
    private static final String KEY = "gsk_judge-retry-test-key-0001";
    private static final List<String> FAST_POLLING = List.of("--assay.evaluation.worker.poll-interval=50ms");

    @Test
    void retry_onceAJudgeIsConfigured_scoresTheSkippedEvaluation() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "judge-retry-" + UUID.randomUUID()));
        Map<String, String> environment = Map.of(
                "ASSAY_DATA_DIR", directory.resolve("data").toString(),
                "ASSAY_BOOTSTRAP_API_KEY", KEY);
        try (FakeOpenAiServer judge = FakeOpenAiServer.start()) {
            judge.enqueue(Reply.verdict(1, "Relevant once judged."));
            String evaluationId;

            try (ServerProcess server = ServerProcess.start(directory.resolve("without-judge.log"),
                    with(environment, Map.of("ASSAY_JUDGE_BASE_URL", "")), FAST_POLLING);
                    AssayClient client = client(server)) {
                evaluationId = evaluateATurn(client);

                EvaluationResponse skipped = awaitFinal(client, evaluationId);

                assertThat(skipped.status()).isEqualTo("SKIPPED");
                assertThat(skipped.error()).contains("No LLM judge is configured").contains("ASSAY_JUDGE_BASE_URL");
                assertThat(skipped.canRetry()).isTrue();
                assertThat(judge.requests()).isEmpty();
            }

            try (ServerProcess server = ServerProcess.start(directory.resolve("with-judge.log"), with(environment, Map.of(
                    "ASSAY_JUDGE_BASE_URL", judge.baseUrl(),
                    "ASSAY_JUDGE_API_KEY", "sk-from-the-environment",
                    "ASSAY_JUDGE_MODEL", "judge-from-the-environment")), FAST_POLLING);
                    AssayClient client = client(server)) {
                assertThat(client.evaluations().retry(List.of(evaluationId)).retried()).isEqualTo(1);

                EvaluationResponse scored = awaitFinal(client, evaluationId);

                assertThat(scored.status()).isEqualTo("SUCCESS");
                assertThat(scored.score()).isEqualTo(1.0);
                assertThat(scored.reason()).isEqualTo("Relevant once judged.");
                assertThat(scored.retriesAttempted()).isEqualTo(1);
                assertThat(scored.inputTokens()).isEqualTo(120L);
                assertThat(scored.outputTokens()).isEqualTo(30L);
                assertThat(scored.judgeModel()).isEqualTo("judge-from-the-environment");
            }
            assertThat(judge.requests()).singleElement().satisfies(request -> {
                assertThat(request.authorization()).isEqualTo("Bearer sk-from-the-environment");
                assertThat(request.model()).isEqualTo("judge-from-the-environment");
            });
        }
    }

    private static String evaluateATurn(AssayClient client) {
        String productId = client.products().create(CreateProductRequest.named("judge-retry-" + UUID.randomUUID())).id();
        String versionId = client.versions().create(CreateVersionRequest.named(productId, "v1")).id();
        String sessionId = client.sessions().create(CreateSessionRequest.forVersion(versionId)).id();
        String turnId = client.inferenceResults().create(CreateInferenceResultRequest.forSession(sessionId)
                .input("What is the capital of France?").actualOutput("Paris.").build()).id();
        return client.evaluations().createFromInferenceResult(turnId, List.of(EvaluationMetric.named("Answer Relevancy")), null)
                .getFirst().id();
    }

    private static EvaluationResponse awaitFinal(AssayClient client, String evaluationId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> client.evaluations().get(evaluationId), evaluation -> !evaluation.status().equals("PENDING"));
    }

    private static Map<String, String> with(Map<String, String> environment, Map<String, String> more) {
        Map<String, String> all = new HashMap<>(environment);
        all.putAll(more);
        return all;
    }

    private static AssayClient client(ServerProcess server) {
        return AssayClient.builder().baseUrl(server.baseUrl()).apiKey(KEY).build();
    }
}
