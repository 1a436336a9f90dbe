package dev.assay.evaluation;

import static dev.assay.testing.Fixtures.aTest;
import static dev.assay.testing.Fixtures.aVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.CreateSessionRequest;
import dev.assay.api.CreateTestCaseRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.SessionResponse;
import dev.assay.api.VersionResponse;
import dev.assay.metrics.DeterministicMetrics;
import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import dev.assay.testing.ApiIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every deterministic metric end to end: a session tied to a test case with an expected output,
 * a logged turn, {@code POST /evaluations/fromInferenceResult} with the metric by name, and the
 * worker's stored score equal to what the library computes for the same texts.
 */
class DeterministicMetricsEndToEndIT extends ApiIntegrationTest {
    private static final String ANSWER = "The cat sat on the mat while the dog slept near the door.";
    private static final String REFERENCE = "The cat was sitting on the mat and the dog slept by the door.";

    static Stream<Arguments> scoredMetrics() {
        return Stream.of(
                Arguments.of("BLEU", ANSWER, REFERENCE),
                Arguments.of("ROUGE", ANSWER, REFERENCE),
                Arguments.of("METEOR", ANSWER, REFERENCE),
                Arguments.of("Text Similarity", ANSWER, REFERENCE),
                Arguments.of("Text Match", ANSWER, ANSWER + "!"),
                Arguments.of("IOU", "[0, 0, 10, 10]", "[5, 5, 15, 15]"),
                Arguments.of("Spatial Match", "[0, 0, 10, 10]", "[1, 1, 10, 10]"),
                Arguments.of("URL Validation", "Our policy is on http://example.com/refunds", REFERENCE),
                Arguments.of("JSON Field Match", "{\"name\": \"Ada\", \"age\": 36, \"city\": \"London\"}",
                        "{\"name\": \"Ada\", \"age\": 37, \"city\": \"London\"}"),
                Arguments.of("JSON Field Match (Normalized)", "{\"name\": \"ADA \", \"city\": \"Zürich\"}",
                        "{\"name\": \"ada \", \"city\": \"Zu\u0308rich\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scoredMetrics")
    void evaluate_withExpectedOutputFromTestCase_storesTheLibrarysScore(String metric, String answer, String expected) {
        String turnId = aTurnOfATestCaseSession(answer, expected);

        EvaluationResponse evaluation = evaluateAndAwait(turnId, metric);

        MetricResult.Scored library = (MetricResult.Scored) DeterministicMetrics.find(metric).orElseThrow()
                .score(MetricInput.ofOutputs(answer, expected));
        assertThat(evaluation.status()).isEqualTo("SUCCESS");
        assertThat(evaluation.score()).isEqualTo(library.score());
        assertThat(evaluation.reason()).isEqualTo(library.reason());
        assertThat(evaluation.evaluatedAt()).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scoredMetrics")
    void evaluate_onAProductionSession_isSkippedNamingTheMissingParameter(String metric, String answer, String expected) {
        VersionResponse version = aVersion(client);
        SessionResponse session = client.sessions().create(CreateSessionRequest.forVersion(version.id()));
        String turnId = client.inferenceResults()
                .create(CreateInferenceResultRequest.forSession(session.id()).input("question").actualOutput(answer).build())
                .id();

        EvaluationResponse evaluation = evaluateAndAwait(turnId, metric);

        if (metric.equals("URL Validation")) {
            assertThat(evaluation.status()).as("URL Validation needs no expected output").isEqualTo("SUCCESS");
            return;
        }
        assertThat(evaluation.status()).isEqualTo("SKIPPED");
        assertThat(evaluation.error()).contains("expected_output");
        assertThat(evaluation.canRetry()).isTrue();
    }

    @Test
    void evaluate_toolCorrectness_isSkippedNamingToolsUsedUntilTracesExist() {
        String turnId = aTurnOfATestCaseSession(ANSWER, REFERENCE);

        EvaluationResponse evaluation = evaluateAndAwait(turnId, "Tool Correctness");

        assertThat(evaluation.status()).isEqualTo("SKIPPED");
        assertThat(evaluation.error()).contains("tools_used");
    }

    private String aTurnOfATestCaseSession(String answer, String expected) {
        VersionResponse version = aVersion(client);
        String testCaseId = client.testCases()
                .create(CreateTestCaseRequest.forTest(aTest(client).id()).input("question").expectedOutput(expected)
                        .expectedTools(List.of("search")).build())
                .id();
        SessionResponse session = client.sessions()
                .create(new CreateSessionRequest(version.id(), null, null, testCaseId, null, null, null, null));
        return client.inferenceResults()
                .create(CreateInferenceResultRequest.forSession(session.id()).input("question").actualOutput(answer).build())
                .id();
    }

    private EvaluationResponse evaluateAndAwait(String turnId, String metric) {
        String evaluationId = client.evaluations()
                .createFromInferenceResult(turnId, List.of(EvaluationMetric.named(metric)), null)
                .getFirst()
                .id();
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> client.evaluations().get(evaluationId), evaluation -> !evaluation.status().equals("PENDING"));
    }
}
