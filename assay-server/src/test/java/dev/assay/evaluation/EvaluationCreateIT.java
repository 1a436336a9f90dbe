package dev.assay.evaluation;

import static dev.assay.testing.EvaluationFixtures.aHumanMetric;
import static dev.assay.testing.EvaluationFixtures.aSelfHostedMetric;
import static dev.assay.testing.EvaluationFixtures.aSpecification;
import static dev.assay.testing.Fixtures.aProduct;
import static dev.assay.testing.RawResponses.assertStatus;
import static dev.assay.testing.RawResponses.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.MetricResponse;
import dev.assay.api.SessionResponse;
import dev.assay.api.SpecificationResponse;
import dev.assay.api.VersionResponse;
import dev.assay.client.ListOptions;
import dev.assay.testing.EvaluationFixtures;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * POST /evaluations/fromInferenceResult and /fromSession: metric resolution, initial states and
 * all-or-nothing creation (spec/api-contract.md §2.3–2.5, §9.13–9.15, seed 004).
 */
class EvaluationCreateIT extends EvaluationApiTest {

    @Nested
    class FromInferenceResult {

        @Test
        void create_withSelfHostedScore_returnsCreatedSuccessAtOnce() {
            InferenceResultResponse turn = aTurn();
            MetricResponse metric = aSelfHostedMetric(client);

            JsonNode body = assertStatus(send("POST", "/evaluations/fromInferenceResult", "{\"inferenceResultId\":\""
                    + turn.id() + "\",\"metrics\":[{\"id\":\"" + metric.id() + "\",\"score\":0.95}]}"), 201);

            assertThat(body.isArray()).isTrue();
            assertThat(body.size()).isEqualTo(1);
            JsonNode evaluation = body.get(0);
            assertThat(evaluation.get("id").stringValue()).matches("evaluation_[a-z2-7]{26}");
            assertThat(evaluation.get("status").stringValue()).isEqualTo("SUCCESS");
            assertThat(evaluation.get("score").doubleValue()).isEqualTo(0.95);
            assertThat(evaluation.get("creditsUsed").intValue()).isZero();
            assertThat(evaluation.get("canRetry").booleanValue()).isFalse();
            assertThat(evaluation.get("evaluatedAt").stringValue()).isEqualTo(evaluation.get("createdAt").stringValue());
            assertThat(evaluation.get("failedTurns").isArray()).isTrue();
            assertThat(evaluation.get("failedTurns").isEmpty()).isTrue();
            assertThat(evaluation.get("error").isNull()).isTrue();
            assertThat(evaluation.get("metricId").stringValue()).isEqualTo(metric.id());
            assertThat(evaluation.get("inferenceResultId").stringValue()).isEqualTo(turn.id());
            assertThat(evaluation.get("sessionId").stringValue()).isEqualTo(turn.sessionId());
            assertThat(evaluation.get("testCaseId").isNull()).isTrue();
            assertThat(evaluation.get("deletedAt").isNull()).isTrue();
        }

        @Test
        void create_rawResponse_hasEverySeedField() {
            InferenceResultResponse turn = aTurn();
            MetricResponse metric = aSelfHostedMetric(client);

            JsonNode body = assertStatus(send("POST", "/evaluations/fromInferenceResult", "{\"inferenceResultId\":\""
                    + turn.id() + "\",\"metrics\":[{\"name\":\"" + metric.name() + "\",\"score\":0.5},\"BLEU\"]}"), 201);

            assertThat(body.size()).isEqualTo(2);
            body.values().forEach(evaluation -> {
                assertThat(evaluation.propertyNames()).containsAll(SEED_FIELDS);
                assertThat(evaluation.get("failedTurns").isArray()).isTrue();
                assertThat(evaluation.get("canRetry").isBoolean()).isTrue();
                assertThat(evaluation.get("createdAt").stringValue()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
            });
        }

        @Test
        void create_copiesTheTurnsSimulatorVersion() {
            SessionResponse session = aProductionSession();
            InferenceResultResponse turn = client.inferenceResults().create(CreateInferenceResultRequest.forSession(session.id())
                    .input("hi").actualOutput("hello").conversationSimulatorVersion("1.0.0").build());

            EvaluationResponse evaluation = evaluateOne(turn.id(), EvaluationMetric.scored(aSelfHostedMetric(client).name(), 1));

            assertThat(evaluation.conversationSimulatorVersion()).isEqualTo("1.0.0");
        }

        @Test
        void create_metricById_evaluatesThatMetric() {
            MetricResponse metric = aHumanMetric(client);

            EvaluationResponse evaluation = evaluateOne(aTurn().id(), EvaluationMetric.withId(metric.id()));

            assertThat(evaluation.metricId()).isEqualTo(metric.id());
        }

        @Test
        void create_metricByName_evaluatesThatMetric() {
            MetricResponse metric = aHumanMetric(client);

            EvaluationResponse evaluation = evaluateOne(aTurn().id(), new EvaluationMetric(null, metric.name(), null));

            assertThat(evaluation.metricId()).isEqualTo(metric.id());
        }

        @Test
        void create_bareStringItems_areReadAsNames() {
            InferenceResultResponse turn = aTurn();
            MetricResponse human = aHumanMetric(client);
            MetricResponse bleu = client.metrics().getByName("BLEU").orElseThrow();

            JsonNode body = assertStatus(send("POST", "/evaluations/fromInferenceResult", "{\"inferenceResultId\":\""
                    + turn.id() + "\",\"metrics\":[\"" + human.name() + "\",\"BLEU\"]}"), 201);

            assertThat(body.valueStream().map(row -> row.get("metricId").stringValue()).toList())
                    .containsExactly(human.id(), bleu.id());
        }

        @ParameterizedTest
        @CsvSource({"bleu,BLEU", "text_similarity,Text Similarity", "json_field_match_normalized,JSON Field Match (Normalized)",
                "url_validation,URL Validation", "tool_correctness,Tool Correctness"})
        void create_builtInAlias_evaluatesTheBuiltIn(String alias, String name) {
            EvaluationResponse evaluation = evaluateOne(aTurn().id(), EvaluationMetric.named(alias));

            assertThat(evaluation.metricId()).isEqualTo(client.metrics().getByName(name).orElseThrow().id());
        }

        @Test
        void create_builtInNameInAnotherCase_returnsNotFound() {
            InferenceResultResponse turn = aTurn();

            assertThat(errorMessage(evaluateRaw(turn, "[\"Factual accuracy\"]"), 404)).contains("Factual accuracy");
        }

        @Test
        void create_idAndNameOfTheSameMetric_evaluatesIt() {
            MetricResponse metric = aSelfHostedMetric(client);

            EvaluationResponse evaluation = evaluateOne(aTurn().id(), new EvaluationMetric(metric.id(), metric.name(), 0.25));

            assertThat(evaluation.metricId()).isEqualTo(metric.id());
            assertThat(evaluation.score()).isEqualTo(0.25);
        }

        @Test
        void create_selfHostedWithoutScore_isSkippedForGood() {
            MetricResponse metric = aSelfHostedMetric(client);

            EvaluationResponse evaluation = evaluateOne(aTurn().id(), EvaluationMetric.withId(metric.id()));

            assertThat(evaluation.status()).isEqualTo("SKIPPED");
            assertThat(evaluation.canRetry()).isFalse();
            assertThat(evaluation.error()).containsIgnoringCase("score");
            assertThat(evaluation.score()).isNull();
        }

        @Test
        void create_humanMetric_waitsForAHuman() {
            EvaluationResponse evaluation = evaluateOne(aTurn().id(), EvaluationMetric.withId(aHumanMetric(client).id()));

            assertThat(evaluation.status()).isEqualTo("PENDING_HUMAN");
            assertThat(evaluation.evaluatedAt()).isNull();
            assertThat(evaluation.canRetry()).isFalse();
            assertThat(evaluation.score()).isNull();
        }

        @Test
        void create_metricTheServerScores_startsPending() {
            EvaluationResponse evaluation = evaluateOne(aTurn().id(), EvaluationMetric.named("BLEU"));

            assertThat(evaluation.status()).isEqualTo("PENDING");
            assertThat(evaluation.evaluatedAt()).isNull();
            assertThat(evaluation.canRetry()).isFalse();
            assertThat(evaluation.score()).isNull();
            assertThat(evaluation.failedTurns()).isEmpty();
        }

        @Test
        void create_severalMetrics_createsOneEvaluationEachInRequestOrder() {
            InferenceResultResponse turn = aTurn();
            MetricResponse first = aSelfHostedMetric(client);
            MetricResponse second = aHumanMetric(client);

            List<EvaluationResponse> created = evaluate(turn.id(), EvaluationMetric.scored(first.name(), 0.1),
                    EvaluationMetric.withId(second.id()), EvaluationMetric.named("ROUGE"));

            assertThat(created).extracting(EvaluationResponse::status).containsExactly("SUCCESS", "PENDING_HUMAN", "PENDING");
            assertThat(created).extracting(EvaluationResponse::inferenceResultId).containsOnly(turn.id());
            assertThat(created).extracting(EvaluationResponse::id).doesNotHaveDuplicates();
        }

        @Test
        void create_sameMetricTwice_createsOneEvaluationWithTheFirstScore() {
            MetricResponse metric = aSelfHostedMetric(client);

            List<EvaluationResponse> created = evaluate(aTurn().id(), EvaluationMetric.scored(metric.name(), 0.2),
                    new EvaluationMetric(metric.id(), null, 0.9));

            assertThat(created).singleElement().satisfies(evaluation -> assertThat(evaluation.score()).isEqualTo(0.2));
        }

        @Test
        void create_sameTurnAndMetricAgain_createsNewRows() {
            InferenceResultResponse turn = aTurn();
            MetricResponse metric = aSelfHostedMetric(client);

            EvaluationResponse first = evaluateOne(turn.id(), EvaluationMetric.scored(metric.name(), 0.2));
            EvaluationResponse second = evaluateOne(turn.id(), EvaluationMetric.scored(metric.name(), 0.4));

            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(client.evaluations().list(ListOptions.none().filter("inferenceResultIds", turn.id()))).hasSize(2);
        }

        @Test
        void create_scoreAtTheBounds_isAccepted() {
            MetricResponse metric = aSelfHostedMetric(client);
            InferenceResultResponse turn = aTurn();

            assertThat(evaluateOne(turn.id(), EvaluationMetric.scored(metric.name(), 0)).score()).isZero();
            assertThat(evaluateOne(turn.id(), EvaluationMetric.scored(metric.name(), 1)).score()).isEqualTo(1.0);
        }
    }

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

    @Nested
    class FromSession {

        @Test
        void create_evaluatesTheConversationOncePerMetric() {
            SessionResponse session = aProductionSession();
            aTurn(session.id());
            aTurn(session.id());
            aTurn(session.id());
            MetricResponse selfHosted = aSelfHostedMetric(client);
            MetricResponse human = aHumanMetric(client);

            JsonNode body = assertStatus(send("POST", "/evaluations/fromSession", "{\"sessionId\":\"" + session.id()
                    + "\",\"metrics\":[{\"id\":\"" + selfHosted.id() + "\",\"score\":0.7},\"" + human.name() + "\"]}"), 201);

            assertThat(body.size()).isEqualTo(2);
            body.values().forEach(evaluation -> {
                assertThat(evaluation.propertyNames()).containsAll(SEED_FIELDS);
                assertThat(evaluation.get("inferenceResultId").isNull()).isTrue();
                assertThat(evaluation.get("sessionId").stringValue()).isEqualTo(session.id());
            });
            assertThat(body.get(0).get("status").stringValue()).isEqualTo("SUCCESS");
            assertThat(body.get(1).get("status").stringValue()).isEqualTo("PENDING_HUMAN");
        }

        @Test
        void create_withATurnOfTheSession_tiesTheEvaluationsToIt() {
            SessionResponse session = aProductionSession();
            aTurn(session.id());
            InferenceResultResponse second = aTurn(session.id());

            JsonNode body = assertStatus(send("POST", "/evaluations/fromSession", "{\"sessionId\":\"" + session.id()
                    + "\",\"inferenceResultId\":\"" + second.id() + "\",\"metrics\":[\"BLEU\"]}"), 201);

            assertThat(body.get(0).get("inferenceResultId").stringValue()).isEqualTo(second.id());
        }

        @Test
        void create_withATurnOfAnotherSession_returnsBadRequestAndCreatesNothing() {
            SessionResponse session = aProductionSession();
            aTurn(session.id());
            InferenceResultResponse elsewhere = aTurn();

            assertThat(errorMessage(send("POST", "/evaluations/fromSession", "{\"sessionId\":\"" + session.id()
                    + "\",\"inferenceResultId\":\"" + elsewhere.id() + "\",\"metrics\":[\"BLEU\"]}"), 400))
                    .contains("inferenceResultId");
            assertNothingCreated();
        }

        @Test
        void create_forUnknownDeletedOrForeignSession_returnsNotFound() {
            SessionResponse deleted = aProductionSession();
            client.sessions().delete(deleted.id());
            SessionResponse foreign = aProductionSession(newTenant().client());

            for (String sessionId : List.of("session_aaaaaaaaaaaaaaaaaaaaaaaaaa", deleted.id(), foreign.id())) {
                assertThat(errorMessage(send("POST", "/evaluations/fromSession",
                        "{\"sessionId\":\"" + sessionId + "\",\"metrics\":[\"BLEU\"]}"), 404)).contains(sessionId);
            }
            assertNothingCreated();
        }

        @Test
        void create_withProductSpecificationsAsFallback_evaluatesTheirMetrics() {
            SessionResponse session = aProductionSession();
            aTurn(session.id());
            MetricResponse human = aHumanMetric(client);
            aSpecification(client, productOf(session), human.id());

            List<EvaluationResponse> created = client.evaluations().createFromSession(session.id(), null, null);

            assertThat(created).singleElement().satisfies(evaluation -> {
                assertThat(evaluation.metricId()).isEqualTo(human.id());
                assertThat(evaluation.inferenceResultId()).isNull();
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"sessionId\":\"%s\"}", "{\"sessionId\":\"%s\",\"metrics\":[7]}",
                "{\"sessionId\":\"%s\",\"metrics\":{}}", "{\"metrics\":[\"BLEU\"]}", "{\"sessionId\":7,\"metrics\":[\"BLEU\"]}",
                "{\"sessionId\":\"%s\",\"metrics\":[{\"name\":\"BLEU\",\"score\":0.5}]}"})
        void create_withInvalidBody_returnsBadRequest(String template) {
            SessionResponse session = aProductionSession();
            aTurn(session.id());

            errorMessage(send("POST", "/evaluations/fromSession", template.formatted(session.id())), 400);
            assertNothingCreated();
        }
    }

    private HttpResponse<String> evaluateRaw(InferenceResultResponse turn, String metricsJson) {
        return send("POST", "/evaluations/fromInferenceResult",
                "{\"inferenceResultId\":\"" + turn.id() + "\",\"metrics\":" + metricsJson + "}");
    }

    private void assertNothingCreated() {
        assertThat(client.evaluations().list(ListOptions.none())).isEmpty();
        assertThat(client.evaluations().list(ListOptions.none().with("includeDeleted", "true"))).isEmpty();
    }

    private String productOf(SessionResponse session) {
        VersionResponse version = client.versions().get(session.versionId());
        return version.productId();
    }
}
