package dev.assay.evaluation;

import static dev.assay.testing.EvaluationFixtures.aSelfHostedMetric;
import static dev.assay.testing.RawResponses.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.assay.api.CreateSessionRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.SessionResponse;
import dev.assay.client.AssayClient;
import dev.assay.client.ListOptions;
import dev.assay.testing.ApiIntegrationTest;
import dev.assay.testing.EvaluationFixtures;
import dev.assay.testing.Fixtures;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Factories and raw-request helpers shared by the evaluation integration tests. */
abstract class EvaluationApiTest extends ApiIntegrationTest {
    /** Every property of the docs/reference/galtea-pages/004 response example, in the page's order. */
    static final List<String> SEED_FIELDS = List.of(
            "id", "metricId", "sessionId", "userId", "status", "testCaseId", "inferenceResultId", "score", "reason",
            "error", "canRetry", "creditsUsed", "conversationSimulatorVersion", "humanEvaluatorId",
            "humanEvaluatorStartedAt", "failedTurns", "createdAt", "deletedAt", "evaluatedAt", "metricLegacyAt",
            "metricDisabledAt");
    static final Set<String> FINAL = Set.of("SUCCESS", "FAILED", "SKIPPED");
    static final String UNKNOWN_ID = "evaluation_aaaaaaaaaaaaaaaaaaaaaaaaaa";
    static final String UNKNOWN_METRIC_ID = "metric_aaaaaaaaaaaaaaaaaaaaaaaaaa";

    /** Sends a request with this test's organization key. */
    HttpResponse<String> send(String method, String pathAndQuery, @Nullable String jsonBody) {
        return raw(method, pathAndQuery, jsonBody, tenant.apiKey());
    }

    /** A production (monitoring) session: no test case, so no expected output. */
    SessionResponse aProductionSession() {
        return aProductionSession(client);
    }

    static SessionResponse aProductionSession(AssayClient client) {
        return client.sessions().create(new CreateSessionRequest(Fixtures.aVersion(client).id(), null, null, null, true,
                null, null, null));
    }

    /** A generated turn of a new production session. */
    InferenceResultResponse aTurn() {
        return EvaluationFixtures.aTurn(client, aProductionSession().id());
    }

    InferenceResultResponse aTurn(String sessionId) {
        return EvaluationFixtures.aTurn(client, sessionId);
    }

    List<EvaluationResponse> evaluate(String inferenceResultId, EvaluationMetric... metrics) {
        return client.evaluations().createFromInferenceResult(inferenceResultId, Arrays.asList(metrics), null);
    }

    EvaluationResponse evaluateOne(String inferenceResultId, EvaluationMetric metric) {
        List<EvaluationResponse> created = evaluate(inferenceResultId, metric);
        if (created.size() != 1) {
            throw new AssertionError("expected one evaluation, got " + created);
        }
        return created.getFirst();
    }

    /** Waits until the worker has taken the evaluation to a final state, and answers it. */
    EvaluationResponse awaitFinal(String evaluationId) {
        return awaitFinal(client, evaluationId);
    }

    static EvaluationResponse awaitFinal(AssayClient client, String evaluationId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> client.evaluations().get(evaluationId), evaluation -> FINAL.contains(evaluation.status()));
    }

    /** The ids of {@code GET /evaluations?<query>}, which must answer 200, in order. */
    List<String> evaluationIds(String query) {
        return ids(assertStatus(send("GET", "/evaluations?" + query, null), 200));
    }

    static List<String> ids(JsonNode rows) {
        List<String> ids = new ArrayList<>();
        rows.values().forEach(row -> ids.add(row.get("id").stringValue()));
        return ids;
    }

    static List<String> ids(List<EvaluationResponse> evaluations) {
        return evaluations.stream().map(EvaluationResponse::id).toList();
    }

    static String quoted(String... values) {
        return String.join(",", Arrays.stream(values).map(value -> "\"" + value + "\"").toList());
    }

    /** POST /evaluations/fromInferenceResult for the turn with {@code metricsJson} as the {@code metrics} value. */
    HttpResponse<String> evaluateRaw(InferenceResultResponse turn, String metricsJson) {
        return send("POST", "/evaluations/fromInferenceResult",
                "{\"inferenceResultId\":\"" + turn.id() + "\",\"metrics\":" + metricsJson + "}");
    }

    /** Asserts that the organization has no evaluation at all, not even a deleted one. */
    void assertNothingCreated() {
        assertThat(client.evaluations().list(ListOptions.none())).isEmpty();
        assertThat(client.evaluations().list(ListOptions.none().with("includeDeleted", "true"))).isEmpty();
    }

    /** The id of the product whose version the session belongs to. */
    String productOf(SessionResponse session) {
        return client.versions().get(session.versionId()).productId();
    }

    /** An evaluation of the turn with a new self-hosted metric and this pre-computed score. */
    EvaluationResponse selfHosted(InferenceResultResponse turn, double score) {
        return evaluateOne(turn.id(), EvaluationMetric.scored(aSelfHostedMetric(client).name(), score));
    }

    /** A self-hosted evaluation created strictly later than {@code previous}, so ordering by createdAt is unambiguous. */
    EvaluationResponse laterThan(EvaluationResponse previous) {
        while (true) {
            EvaluationResponse created = selfHosted(aTurn(), 0.5);
            if (Instant.parse(created.createdAt()).isAfter(Instant.parse(previous.createdAt()))) {
                return created;
            }
            client.evaluations().delete(created.id());
        }
    }
}
