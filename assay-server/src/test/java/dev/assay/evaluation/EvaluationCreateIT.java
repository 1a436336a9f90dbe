package dev.assay.evaluation;

import static dev.assay.testing.EvaluationFixtures.aHumanMetric;
import static dev.assay.testing.EvaluationFixtures.aSelfHostedMetric;
import static dev.assay.testing.EvaluationFixtures.aSpecification;
import static dev.assay.testing.RawResponses.assertStatus;
import static dev.assay.testing.RawResponses.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.MetricResponse;
import dev.assay.api.SessionResponse;
import dev.assay.client.ListOptions;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * POST /evaluations/fromInferenceResult and /fromSession: metric resolution and the initial
 * state of each row (docs/reference/galtea-contract.md §2.3–2.5, §9.14–9.15, docs/reference/galtea-pages/004).
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
}
