package dev.assay.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.CreateSessionRequest;
import dev.assay.api.CreateTestCaseRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.SessionResponse;
import dev.assay.client.SpanRecorder;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.testing.ApiIntegrationTest;
import dev.assay.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tool Correctness reads tools_used from the evaluated turn's TOOL spans, waiting
 * {@code assay.traces.span-grace} from the turn's creation for spans that arrive late.
 */
class SpanEvaluationIT extends ApiIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    /** A turn of a session whose test case expects these tools. */
    private String aTurnExpecting(List<String> expectedTools) {
        String versionId = Fixtures.aVersion(client).id();
        String testCaseId = client.testCases().create(CreateTestCaseRequest.forTest(Fixtures.aTest(client).id())
                .input("Where is order 42?").expectedTools(expectedTools).build()).id();
        SessionResponse session = client.sessions()
                .create(new CreateSessionRequest(versionId, null, null, testCaseId, null, null, null, null));
        return client.inferenceResults().create(CreateInferenceResultRequest.forSession(session.id())
                .input("Where is order 42?").actualOutput("It ships tomorrow.").build()).id();
    }

    private EvaluationResponse evaluate(String turnId) {
        String id = client.evaluations()
                .createFromInferenceResult(turnId, List.of(EvaluationMetric.named("Tool Correctness")), null)
                .getFirst().id();
        return awaitFinal(id, 0);
    }

    private EvaluationResponse awaitFinal(String id, int retries) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> client.evaluations().get(id),
                        evaluation -> !evaluation.status().equals("PENDING") && evaluation.retriesAttempted() >= retries);
    }

    private void recordTools(String turnId, String... tools) {
        try (SpanRecorder spans = client.traces().recorder(turnId)) {
            try (SpanRecorder.Span agent = spans.start("answer", "AGENT")) {
                agent.input("Where is order 42?");
                for (String tool : tools) {
                    try (SpanRecorder.Span call = spans.start(tool, "TOOL")) {
                        call.output("ok");
                    }
                }
                try (SpanRecorder.Span llm = spans.start("compose", "GENERATION")) {
                    llm.output("It ships tomorrow.");
                }
            }
        }
    }

    @Test
    void toolSpansMatchingTheExpectedTools_score1_evenWithPrefixesAndRepeats() {
        String turn = aTurnExpecting(List.of("lookup_order", "send-email"));
        recordTools(turn, "functions.lookup_order", "Lookup Order", "send_email");

        EvaluationResponse evaluation = evaluate(turn);

        assertThat(evaluation.status()).isEqualTo("SUCCESS");
        assertThat(evaluation.score()).isEqualTo(1.0);
    }

    @Test
    void anUnexpectedOrMissingTool_scores0_namingIt() {
        String turn = aTurnExpecting(List.of("lookup_order", "send_email"));
        recordTools(turn, "lookup_order", "delete_account");

        EvaluationResponse evaluation = evaluate(turn);

        assertThat(evaluation.status()).isEqualTo("SUCCESS");
        assertThat(evaluation.score()).isEqualTo(0.0);
        assertThat(evaluation.reason()).contains("send_email").contains("delete_account");
    }

    @Test
    void spansWithoutToolCalls_meanNoToolWasCalled() {
        String turn = aTurnExpecting(List.of());
        recordTools(turn);

        EvaluationResponse evaluation = evaluate(turn);

        assertThat(evaluation.status()).isEqualTo("SUCCESS");
        assertThat(evaluation.score()).isEqualTo(1.0);
    }

    @Test
    void anEvaluationBeforeTheSpansArrive_isSkippedWithCanRetry_andScoresOnRetry() {
        String turn = aTurnExpecting(List.of("lookup_order"));

        EvaluationResponse skipped = evaluate(turn);
        assertThat(skipped.status()).isEqualTo("SKIPPED");
        assertThat(skipped.error()).contains("tools_used");
        assertThat(skipped.canRetry()).isTrue();

        recordTools(turn, "lookup_order");
        client.evaluations().retry(List.of(skipped.id()));
        EvaluationResponse retried = awaitFinal(skipped.id(), 1);

        assertThat(retried.status()).isEqualTo("SUCCESS");
        assertThat(retried.score()).isEqualTo(1.0);
    }

    @Test
    void spansArrivingAfterTheEvaluation_withinTheGrace_areWaitedFor_andScore() throws InterruptedException {
        String turn = aTurnExpecting(List.of("lookup_order"));
        String id = client.evaluations()
                .createFromInferenceResult(turn, List.of(EvaluationMetric.named("Tool Correctness")), null)
                .getFirst().id();

        // Workers poll every 500 ms: without the wait, the evaluation would be SKIPPED by now.
        Thread.sleep(1_000);
        assertThat(client.evaluations().get(id).status()).isEqualTo("PENDING");
        recordTools(turn, "lookup_order");

        EvaluationResponse evaluation = awaitFinal(id, 0);
        assertThat(evaluation.status()).isEqualTo("SUCCESS");
        assertThat(evaluation.score()).isEqualTo(1.0);
        assertThat(attempts(id)).isEqualTo(1);
    }

    @Test
    void spansThatNeverArrive_areSkippedWithCanRetry_afterTheGrace_withoutUsingAttempts() {
        String turn = aTurnExpecting(List.of("lookup_order"));
        Instant turnCreated = Instant.parse(client.inferenceResults().get(turn).createdAt());

        EvaluationResponse evaluation = evaluate(turn);

        assertThat(evaluation.status()).isEqualTo("SKIPPED");
        assertThat(evaluation.error()).contains("tools_used");
        assertThat(evaluation.canRetry()).isTrue();
        assertThat(Instant.parse(Objects.requireNonNull(evaluation.evaluatedAt())))
                .isAfterOrEqualTo(turnCreated.plusSeconds(SPAN_GRACE_SECONDS));
        // Claimed while waiting and again after the grace: only the last claim counts.
        assertThat(attempts(evaluation.id())).isEqualTo(1);
    }

    private int attempts(String evaluationId) {
        UUID id = Ids.parse(IdKind.EVALUATION, evaluationId).orElseThrow();
        return jdbc.sql("SELECT attempts FROM evaluations WHERE id = ?").param(id).query(Integer.class).single();
    }
}
