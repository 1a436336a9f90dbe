package dev.assay.evaluation;

import static dev.assay.testing.EvaluationFixtures.aHumanMetric;
import static dev.assay.testing.EvaluationFixtures.aSelfHostedMetric;
import static dev.assay.testing.EvaluationFixtures.aSpecification;
import static dev.assay.testing.Fixtures.aProduct;
import static dev.assay.testing.RawResponses.assertStatus;
import static dev.assay.testing.RawResponses.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.MetricResponse;
import dev.assay.api.RetryEvaluationsResponse;
import dev.assay.api.SessionResponse;
import dev.assay.api.SpecificationResponse;
import dev.assay.client.ListOptions;
import dev.assay.testing.EvaluationFixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Another organization's evaluations, metrics and specifications are invisible: their ids answer
 * 404 on every route and lists never show them (docs/reference/galtea-contract.md §7.2, §9.18).
 */
class EvaluationIsolationIT extends EvaluationApiTest {
    private Tenant other;
    private SessionResponse foreignSession;
    private InferenceResultResponse foreignTurn;
    private MetricResponse foreignMetric;
    private SpecificationResponse foreignSpecification;
    private EvaluationResponse foreignEvaluation;
    private EvaluationResponse foreignHumanEvaluation;
    private EvaluationResponse foreignRetryable;

    @BeforeEach
    void anotherOrganization() {
        other = newTenant();
        foreignSession = aProductionSession(other.client());
        foreignTurn = EvaluationFixtures.aTurn(other.client(), foreignSession.id());
        foreignMetric = aSelfHostedMetric(other.client());
        foreignSpecification = aSpecification(other.client(), aProduct(other.client()).id(), aHumanMetric(other.client()).id());
        List<EvaluationResponse> created = other.client().evaluations().createFromInferenceResult(foreignTurn.id(),
                List.of(EvaluationMetric.scored(foreignMetric.name(), 0.5), EvaluationMetric.named("BLEU")),
                List.of(foreignSpecification.id()));
        foreignEvaluation = created.get(0);
        foreignRetryable = awaitFinal(other.client(), created.get(1).id());
        foreignHumanEvaluation = created.get(2);
    }

    @Test
    void evaluationRoutes_withAnotherOrganizationsEvaluation_returnNotFound() {
        for (EvaluationResponse foreign : List.of(foreignEvaluation, foreignHumanEvaluation, foreignRetryable)) {
            assertThat(errorMessage(send("GET", "/evaluations/" + foreign.id(), null), 404)).contains(foreign.id());
            errorMessage(send("DELETE", "/evaluations/" + foreign.id(), null), 404);
            errorMessage(send("POST", "/evaluations/" + foreign.id() + "/claim", null), 404);
            errorMessage(send("POST", "/evaluations/" + foreign.id() + "/humanScore", "{\"score\":0.5}"), 404);
            assertThat(errorMessage(send("GET", "/evaluations?ids=" + foreign.id(), null), 404)).contains(foreign.id());
        }

        assertForeignRowsUnchanged();
    }

    @Test
    void retry_ofAnotherOrganizationsEvaluation_answersAsForAnUnknownIdAndChangesNothing() {
        RetryEvaluationsResponse foreign = client.evaluations().retry(List.of(foreignRetryable.id()));
        RetryEvaluationsResponse unknown = client.evaluations().retry(List.of(UNKNOWN_ID));

        assertThat(foreign.retried()).isZero();
        assertThat(foreign.skipped()).isEqualTo(1);
        assertThat(foreign.errors()).singleElement().asString()
                .isEqualTo(unknown.errors().getFirst().replace(UNKNOWN_ID, foreignRetryable.id()));
        assertForeignRowsUnchanged();
    }

    @Test
    void create_withAnotherOrganizationsTurnSessionMetricOrSpecification_returnsNotFound() {
        InferenceResultResponse turn = aTurn();
        SessionResponse session = aProductionSession();

        errorMessage(send("POST", "/evaluations/fromInferenceResult",
                "{\"inferenceResultId\":\"" + foreignTurn.id() + "\",\"metrics\":[\"BLEU\"]}"), 404);
        errorMessage(send("POST", "/evaluations/fromSession",
                "{\"sessionId\":\"" + foreignSession.id() + "\",\"metrics\":[\"BLEU\"]}"), 404);
        assertThat(errorMessage(send("POST", "/evaluations/fromInferenceResult", "{\"inferenceResultId\":\"" + turn.id()
                + "\",\"metrics\":[{\"id\":\"" + foreignMetric.id() + "\",\"score\":0.5}]}"), 404)).contains(foreignMetric.id());
        assertThat(errorMessage(send("POST", "/evaluations/fromInferenceResult", "{\"inferenceResultId\":\"" + turn.id()
                + "\",\"metrics\":[{\"name\":\"" + foreignMetric.name() + "\",\"score\":0.5}]}"), 404)).contains(foreignMetric.name());
        errorMessage(send("POST", "/evaluations/fromSession", "{\"sessionId\":\"" + session.id()
                + "\",\"specificationIds\":[\"" + foreignSpecification.id() + "\"]}"), 404);

        assertThat(client.evaluations().list(ListOptions.none().with("includeDeleted", "true"))).isEmpty();
        assertThat(other.client().evaluations().list(ListOptions.none())).hasSize(3);
    }

    @Test
    void metricAndSpecificationRoutes_withAnotherOrganizationsIds_returnNotFound() {
        SpecificationResponse own = aSpecification(client, aProduct(client).id());

        errorMessage(send("GET", "/metrics/" + foreignMetric.id(), null), 404);
        errorMessage(send("DELETE", "/metrics/" + foreignMetric.id(), null), 404);
        errorMessage(send("GET", "/metrics?ids=" + foreignMetric.id(), null), 404);
        errorMessage(send("GET", "/specifications/" + foreignSpecification.id(), null), 404);
        errorMessage(send("GET", "/specifications/" + foreignSpecification.id() + "/metrics", null), 404);
        errorMessage(send("DELETE", "/specifications/" + foreignSpecification.id(), null), 404);
        errorMessage(send("POST", "/specifications/" + own.id() + "/metrics",
                "{\"metricIds\":[\"" + foreignMetric.id() + "\"]}"), 404);
        errorMessage(send("GET", "/specifications?ids=" + foreignSpecification.id(), null), 404);

        assertThat(other.client().metrics().get(foreignMetric.id())).isEqualTo(foreignMetric);
        assertThat(other.client().specifications().get(foreignSpecification.id())).isEqualTo(foreignSpecification);
        assertThat(client.specifications().get(own.id()).metricIds()).isEmpty();
    }

    @Test
    void lists_neverShowAnotherOrganizationsRows() {
        InferenceResultResponse turn = aTurn();
        EvaluationResponse own = evaluateOne(turn.id(), EvaluationMetric.named("BLEU"));

        assertThat(ids(client.evaluations().list(ListOptions.none()))).containsExactly(own.id());
        assertThat(ids(client.evaluations().list(ListOptions.none().with("includeDeleted", "true")))).containsExactly(own.id());
        assertThat(evaluationIds("metricIds=" + own.metricId())).containsExactly(own.id());
        assertThat(evaluationIds("sessionIds=" + foreignSession.id())).isEmpty();
        assertThat(evaluationIds("inferenceResultIds=" + foreignTurn.id())).isEmpty();
        assertThat(evaluationIds("metricIds=" + foreignMetric.id())).isEmpty();
        assertThat(evaluationIds("versionIds=" + foreignSession.versionId())).isEmpty();
        // The caller's own evaluation may already be scored (SUCCESS or SKIPPED): it is the only row allowed.
        assertThat(evaluationIds("statuses=SUCCESS,SKIPPED,PENDING_HUMAN")).isSubsetOf(own.id());
        assertThat(client.evaluations().listHumanQueue(ListOptions.none())).isEmpty();
        assertThat(ids(assertOk("/inferenceResults?evaluationIds=" + foreignEvaluation.id()))).isEmpty();
        assertThat(client.metrics().list(ListOptions.none())).extracting(MetricResponse::id).doesNotContain(foreignMetric.id());
        assertThat(client.metrics().list(ListOptions.none().filter("names", foreignMetric.name()))).isEmpty();
        assertThat(client.specifications().list(ListOptions.none())).isEmpty();
        assertThat(client.specifications().list(ListOptions.none().filter("productIds", foreignSpecification.productId())))
                .isEmpty();
    }

    private JsonNode assertOk(String pathAndQuery) {
        return assertStatus(send("GET", pathAndQuery, null), 200);
    }

    private void assertForeignRowsUnchanged() {
        assertThat(other.client().evaluations().get(foreignEvaluation.id())).isEqualTo(foreignEvaluation);
        assertThat(other.client().evaluations().get(foreignHumanEvaluation.id())).isEqualTo(foreignHumanEvaluation);
        assertThat(other.client().evaluations().get(foreignRetryable.id())).isEqualTo(foreignRetryable);
    }
}
