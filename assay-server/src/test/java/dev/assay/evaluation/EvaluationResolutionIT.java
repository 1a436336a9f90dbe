package dev.assay.evaluation;

import static dev.assay.testing.EvaluationFixtures.aHumanMetric;
import static dev.assay.testing.EvaluationFixtures.aSelfHostedMetric;
import static dev.assay.testing.EvaluationFixtures.aSpecification;
import static dev.assay.testing.Fixtures.aProduct;
import static dev.assay.testing.RawResponses.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.MetricResponse;
import dev.assay.api.SessionResponse;
import dev.assay.api.SpecificationResponse;
import dev.assay.client.ListOptions;
import dev.assay.testing.EvaluationFixtures;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What evaluation creation refuses, creating nothing (docs/reference/galtea-contract.md §9.13), and how
 * specifications add metrics (§2.3).
 */
class EvaluationResolutionIT extends EvaluationApiTest {

    @Nested
    class AllOrNothing {

        @Test
        void create_scoreOnAMetricThatIsNotSelfHosted_returnsBadRequestAndCreatesNothing() {
            InferenceResultResponse turn = aTurn();
            MetricResponse selfHosted = aSelfHostedMetric(client);

            String message = errorMessage(evaluateRaw(turn, "[{\"id\":\"" + selfHosted.id() + "\",\"score\":0.5},"
                    + "{\"name\":\"BLEU\",\"score\":0.5}]"), 400);

            assertThat(message).contains("BLEU");
            assertNothingCreated();
        }

        @Test
        void create_scoreOnAHumanMetric_returnsBadRequest() {
            InferenceResultResponse turn = aTurn();
            MetricResponse human = aHumanMetric(client);

            errorMessage(evaluateRaw(turn, "[{\"id\":\"" + human.id() + "\",\"score\":0.5}]"), 400);
            assertNothingCreated();
        }

        @Test
        void create_unknownMetricName_returnsNotFoundNamingItAndCreatesNothing() {
            InferenceResultResponse turn = aTurn();
            MetricResponse known = aSelfHostedMetric(client);

            String message = errorMessage(evaluateRaw(turn, "[{\"name\":\"" + known.name() + "\",\"score\":0.5},"
                    + "\"BLEU\",{\"name\":\"No Such Metric\"}]"), 404);

            assertThat(message).contains("No Such Metric");
            assertNothingCreated();
        }

        @Test
        void create_unknownMetricId_returnsNotFoundNamingIt() {
            InferenceResultResponse turn = aTurn();

            assertThat(errorMessage(evaluateRaw(turn, "[\"BLEU\",{\"id\":\"" + UNKNOWN_METRIC_ID + "\"}]"), 404))
                    .contains(UNKNOWN_METRIC_ID);
            assertNothingCreated();
        }

        @Test
        void create_deletedMetric_returnsNotFound() {
            InferenceResultResponse turn = aTurn();
            MetricResponse metric = aSelfHostedMetric(client);
            client.metrics().delete(metric.id());

            errorMessage(evaluateRaw(turn, "[{\"id\":\"" + metric.id() + "\",\"score\":0.5}]"), 404);
            errorMessage(evaluateRaw(turn, "[{\"name\":\"" + metric.name() + "\",\"score\":0.5}]"), 404);
            assertNothingCreated();
        }

        @Test
        void create_idAndNameOfDifferentMetrics_returnsBadRequest() {
            InferenceResultResponse turn = aTurn();
            MetricResponse first = aSelfHostedMetric(client);
            MetricResponse second = aSelfHostedMetric(client);

            String message = errorMessage(evaluateRaw(turn, "[{\"id\":\"" + first.id() + "\",\"name\":\"" + second.name()
                    + "\",\"score\":0.5}]"), 400);

            assertThat(message).contains(first.id(), second.name());
            assertNothingCreated();
        }

        @ParameterizedTest
        @ValueSource(doubles = {1.0001, 1.5, -0.1, -1, 100})
        void create_scoreOutsideZeroToOne_returnsBadRequest(double score) {
            InferenceResultResponse turn = aTurn();
            MetricResponse metric = aSelfHostedMetric(client);

            assertThat(errorMessage(evaluateRaw(turn, "[{\"id\":\"" + metric.id() + "\",\"score\":" + score + "}]"), 400))
                    .contains("score");
            assertNothingCreated();
        }

        @ParameterizedTest
        @ValueSource(strings = {"[7]", "{}", "\"BLEU\"", "[[\"BLEU\"]]", "[{}]", "[{\"score\":0.5}]", "[null]", "[true]",
                "[{\"name\":7}]", "[{\"name\":\"BLEU\",\"score\":\"0.5\"}]", "7"})
        void create_metricsOfTheWrongShape_returnsBadRequest(String metrics) {
            InferenceResultResponse turn = aTurn();

            errorMessage(evaluateRaw(turn, metrics), 400);
            assertNothingCreated();
        }

        @ParameterizedTest
        @ValueSource(strings = {"{}", "{\"inferenceResultId\":7,\"metrics\":[\"BLEU\"]}",
                "{\"inferenceResultId\":\"\",\"metrics\":[\"BLEU\"]}", "{\"inferenceResultId\":null,\"metrics\":[\"BLEU\"]}",
                "{\"inferenceResultId\":\"%s\",\"specificationIds\":\"x\"}", "{\"inferenceResultId\":\"%s\",\"specificationIds\":[7]}",
                "[]", "not json"})
        void create_withInvalidBody_returnsBadRequest(String template) {
            InferenceResultResponse turn = aTurn();

            errorMessage(send("POST", "/evaluations/fromInferenceResult", template.formatted(turn.id())), 400);
            assertNothingCreated();
        }

        @Test
        void create_forUnknownDeletedOrForeignTurn_returnsNotFound() {
            InferenceResultResponse deleted = aTurn();
            client.inferenceResults().delete(deleted.id());
            Tenant other = newTenant();
            InferenceResultResponse foreign = EvaluationFixtures.aTurn(other.client(), aProductionSession(other.client()).id());

            for (String turnId : List.of("inferenceResult_aaaaaaaaaaaaaaaaaaaaaaaaaa", "ir_123", deleted.id(), foreign.id())) {
                assertThat(errorMessage(send("POST", "/evaluations/fromInferenceResult",
                        "{\"inferenceResultId\":\"" + turnId + "\",\"metrics\":[\"BLEU\"]}"), 404)).contains(turnId);
            }
            assertNothingCreated();
            assertThat(other.client().evaluations().list(ListOptions.none())).isEmpty();
        }

        @Test
        void create_unknownSpecification_returnsNotFoundAndCreatesNothing() {
            InferenceResultResponse turn = aTurn();
            String unknown = "specification_aaaaaaaaaaaaaaaaaaaaaaaaaa";

            assertThat(errorMessage(send("POST", "/evaluations/fromInferenceResult", "{\"inferenceResultId\":\"" + turn.id()
                    + "\",\"metrics\":[\"BLEU\"],\"specificationIds\":[\"" + unknown + "\"]}"), 404)).contains(unknown);
            assertNothingCreated();
        }

        @Test
        void create_withNothingToResolve_returnsBadRequest() {
            InferenceResultResponse turn = aTurn();

            assertThat(errorMessage(send("POST", "/evaluations/fromInferenceResult",
                    "{\"inferenceResultId\":\"" + turn.id() + "\"}"), 400)).contains("No metrics");
            errorMessage(evaluateRaw(turn, "[]"), 400);
            errorMessage(send("POST", "/evaluations/fromInferenceResult",
                    "{\"inferenceResultId\":\"" + turn.id() + "\",\"metrics\":[],\"specificationIds\":[]}"), 400);
            assertNothingCreated();
        }

        @Test
        void create_withOnlySpecificationsWithoutMetrics_returnsBadRequest() {
            SessionResponse session = aProductionSession();
            InferenceResultResponse turn = aTurn(session.id());
            SpecificationResponse empty = aSpecification(client, productOf(session));

            errorMessage(send("POST", "/evaluations/fromInferenceResult", "{\"inferenceResultId\":\"" + turn.id()
                    + "\",\"specificationIds\":[\"" + empty.id() + "\"]}"), 400);
            errorMessage(send("POST", "/evaluations/fromInferenceResult", "{\"inferenceResultId\":\"" + turn.id() + "\"}"), 400);
            assertNothingCreated();
        }
    }

    @Nested
    class Specifications {

        @Test
        void create_metricsAndSpecifications_areMergedWithoutDuplicates() {
            SessionResponse session = aProductionSession();
            InferenceResultResponse turn = aTurn(session.id());
            MetricResponse selfHosted = aSelfHostedMetric(client);
            MetricResponse human = aHumanMetric(client);
            MetricResponse bleu = client.metrics().getByName("BLEU").orElseThrow();
            SpecificationResponse first = aSpecification(client, productOf(session), selfHosted.id(), bleu.id());
            SpecificationResponse second = aSpecification(client, productOf(session), bleu.id(), human.id());

            List<EvaluationResponse> created = client.evaluations().createFromInferenceResult(turn.id(),
                    List.of(EvaluationMetric.scored(selfHosted.name(), 0.6)), List.of(first.id(), second.id(), first.id()));

            assertThat(created).extracting(EvaluationResponse::metricId)
                    .containsExactlyInAnyOrder(selfHosted.id(), bleu.id(), human.id());
            assertThat(created).filteredOn(evaluation -> evaluation.metricId().equals(selfHosted.id()))
                    .singleElement().satisfies(evaluation -> {
                        assertThat(evaluation.status()).isEqualTo("SUCCESS");
                        assertThat(evaluation.score()).isEqualTo(0.6);
                    });
        }

        @Test
        void create_onlySpecificationIds_evaluatesTheirMetrics() {
            SessionResponse session = aProductionSession();
            MetricResponse human = aHumanMetric(client);
            SpecificationResponse spec = aSpecification(client, productOf(session), human.id());

            List<EvaluationResponse> created = client.evaluations().createFromInferenceResult(aTurn(session.id()).id(), null,
                    List.of(spec.id()));

            assertThat(created).extracting(EvaluationResponse::metricId).containsExactly(human.id());
        }

        @Test
        void create_withNeitherMetricsNorSpecifications_usesEveryLiveSpecificationOfTheProduct() {
            SessionResponse session = aProductionSession();
            String productId = productOf(session);
            MetricResponse human = aHumanMetric(client);
            MetricResponse other = aHumanMetric(client);
            MetricResponse unrelated = aHumanMetric(client);
            MetricResponse ofDeletedSpec = aHumanMetric(client);
            aSpecification(client, productId, human.id());
            aSpecification(client, productId, human.id(), other.id());
            client.specifications().delete(aSpecification(client, productId, ofDeletedSpec.id()).id());
            aSpecification(client, aProduct(client).id(), unrelated.id());

            List<EvaluationResponse> created = client.evaluations().createFromInferenceResult(aTurn(session.id()).id(), null, null);

            assertThat(created).extracting(EvaluationResponse::metricId).containsExactlyInAnyOrder(human.id(), other.id());
        }

        @Test
        void create_withExplicitMetrics_ignoresTheProductsSpecifications() {
            SessionResponse session = aProductionSession();
            aSpecification(client, productOf(session), aHumanMetric(client).id());
            MetricResponse chosen = aHumanMetric(client);

            List<EvaluationResponse> created = evaluate(aTurn(session.id()).id(), EvaluationMetric.withId(chosen.id()));

            assertThat(created).extracting(EvaluationResponse::metricId).containsExactly(chosen.id());
        }

        @Test
        void create_withAnotherOrganizationsSpecification_returnsNotFound() {
            Tenant other = newTenant();
            SpecificationResponse foreign = aSpecification(other.client(), aProduct(other.client()).id(),
                    aHumanMetric(other.client()).id());
            InferenceResultResponse turn = aTurn();

            assertThat(errorMessage(send("POST", "/evaluations/fromInferenceResult", "{\"inferenceResultId\":\"" + turn.id()
                    + "\",\"specificationIds\":[\"" + foreign.id() + "\"]}"), 404)).contains(foreign.id());
            assertNothingCreated();
        }
    }
}
