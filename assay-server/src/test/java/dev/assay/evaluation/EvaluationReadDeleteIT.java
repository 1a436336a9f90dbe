package dev.assay.evaluation;

import static dev.assay.testing.EvaluationFixtures.aHumanMetric;
import static dev.assay.testing.EvaluationFixtures.aSelfHostedMetric;
import static dev.assay.testing.RawResponses.assertStatus;
import static dev.assay.testing.RawResponses.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.MetricResponse;
import dev.assay.api.SessionResponse;
import dev.assay.client.ListOptions;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestConstructor;
import tools.jackson.databind.JsonNode;

/**
 * GET and DELETE /evaluations/{id}, soft deletes (docs/reference/galtea-contract.md §2.8–2.9, §7.7) and the
 * evaluated turns through GET /inferenceResults?evaluationIds (§9.7).
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class EvaluationReadDeleteIT extends EvaluationApiTest {
    private final JdbcClient jdbc;

    EvaluationReadDeleteIT(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Nested
    class GetAndDelete {

        @Test
        void get_returnsTheSameEvaluationAsTheList() {
            EvaluationResponse created = selfHosted(aTurn(), 0.7);

            assertThat(client.evaluations().get(created.id())).isEqualTo(created);
            assertThat(client.evaluations().list(ListOptions.none())).containsExactly(created);
        }

        @Test
        void get_rawResponse_hasEverySeedField() {
            EvaluationResponse created = selfHosted(aTurn(), 0.7);

            JsonNode body = assertStatus(send("GET", "/evaluations/" + created.id(), null), 200);

            assertThat(body.propertyNames()).containsAll(SEED_FIELDS);
            assertThat(body.get("score").doubleValue()).isEqualTo(0.7);
        }

        @Test
        void get_ofALegacyMetric_mirrorsItsLegacyAt() {
            MetricResponse metric = aSelfHostedMetric(client);
            EvaluationResponse created = evaluateOne(aTurn().id(), EvaluationMetric.scored(metric.name(), 0.5));
            assertThat(created.metricLegacyAt()).isNull();
            jdbc.sql("UPDATE metrics SET legacy_at = now() WHERE id = :id")
                    .param("id", Ids.parse(IdKind.METRIC, metric.id()).orElseThrow())
                    .update();

            String legacyAt = client.metrics().get(metric.id()).legacyAt();

            assertThat(legacyAt).isNotNull();
            assertThat(client.evaluations().get(created.id()).metricLegacyAt()).isEqualTo(legacyAt);
        }

        @Test
        void get_unknownOrMalformedId_returnsNotFound() {
            assertThat(errorMessage(send("GET", "/evaluations/" + UNKNOWN_ID, null), 404)).contains(UNKNOWN_ID);
            errorMessage(send("GET", "/evaluations/eval_123", null), 404);
        }

        @Test
        void delete_returnsNoContentThenTheEvaluationIsGone() {
            EvaluationResponse created = selfHosted(aTurn(), 0.7);

            assertThat(send("DELETE", "/evaluations/" + created.id(), null).statusCode()).isEqualTo(204);

            errorMessage(send("GET", "/evaluations/" + created.id(), null), 404);
            assertThat(evaluationIds("")).isEmpty();
            errorMessage(send("DELETE", "/evaluations/" + created.id(), null), 404);
        }

        @Test
        void list_withIncludeDeleted_showsDeletedRowsWithDeletedAt() {
            EvaluationResponse kept = selfHosted(aTurn(), 0.1);
            EvaluationResponse deleted = selfHosted(aTurn(), 0.2);
            client.evaluations().delete(deleted.id());

            assertThat(evaluationIds("includeDeleted=true")).containsExactlyInAnyOrder(kept.id(), deleted.id());
            assertThat(evaluationIds("includeDeleted=1")).containsExactlyInAnyOrder(kept.id(), deleted.id());
            assertThat(evaluationIds("includeDeleted=false")).containsExactly(kept.id());
            assertThat(evaluationIds("ids=" + deleted.id() + "&includeDeleted=true")).containsExactly(deleted.id());
            errorMessage(send("GET", "/evaluations?ids=" + deleted.id(), null), 404);
            List<EvaluationResponse> withDeleted = client.evaluations().list(
                    ListOptions.none().with("includeDeleted", "true").filter("ids", deleted.id()));
            assertThat(withDeleted).singleElement().satisfies(row -> {
                assertThat(row.deletedAt()).isNotNull();
                assertThat(Instant.parse(row.deletedAt())).isAfterOrEqualTo(Instant.parse(row.createdAt()));
                assertThat(row.score()).isEqualTo(0.2);
            });
        }

        @Test
        void delete_unknownOrMalformedId_returnsNotFound() {
            errorMessage(send("DELETE", "/evaluations/" + UNKNOWN_ID, null), 404);
            errorMessage(send("DELETE", "/evaluations/eval_123", null), 404);
        }

        @Test
        void deleteSession_hidesItsEvaluations() {
            SessionResponse session = aProductionSession();
            EvaluationResponse ofTurn = selfHosted(aTurn(session.id()), 0.4);
            EvaluationResponse ofSession = client.evaluations().createFromSession(session.id(),
                    List.of(EvaluationMetric.withId(aHumanMetric(client).id())), null).getFirst();
            EvaluationResponse elsewhere = selfHosted(aTurn(), 0.5);

            client.sessions().delete(session.id());

            assertThat(evaluationIds("")).containsExactly(elsewhere.id());
            assertThat(evaluationIds("sessionIds=" + session.id())).isEmpty();
            errorMessage(send("GET", "/evaluations/" + ofTurn.id(), null), 404);
            errorMessage(send("GET", "/evaluations/" + ofSession.id(), null), 404);
            assertThat(client.evaluations().list(ListOptions.none().with("includeDeleted", "true").filter("sessionIds", session.id())))
                    .extracting(EvaluationResponse::id).containsExactlyInAnyOrder(ofTurn.id(), ofSession.id());
            assertThat(client.evaluations().listHumanQueue(ListOptions.none())).isEmpty();
        }
    }

    @Nested
    class InferenceResultsByEvaluation {

        @Test
        void listInferenceResults_byEvaluationIds_returnsTheEvaluatedTurns() {
            SessionResponse session = aProductionSession();
            InferenceResultResponse first = aTurn(session.id());
            InferenceResultResponse second = aTurn(session.id());
            aTurn(session.id());
            EvaluationResponse ofFirst = selfHosted(first, 0.1);
            EvaluationResponse ofSecond = selfHosted(second, 0.2);
            EvaluationResponse alsoOfFirst = selfHosted(first, 0.3);

            assertThat(turnIds("evaluationIds=" + ofFirst.id())).containsExactly(first.id());
            assertThat(turnIds("evaluationIds=" + ofFirst.id() + "&evaluationIds=" + ofSecond.id() + "&evaluationIds="
                    + alsoOfFirst.id())).containsExactly(first.id(), second.id());
            assertThat(turnIds("evaluationIds[]=" + ofSecond.id())).containsExactly(second.id());
        }

        @Test
        void listInferenceResults_byUnknownOrSessionLevelEvaluation_returnsEmptyArray() {
            SessionResponse session = aProductionSession();
            aTurn(session.id());
            EvaluationResponse ofSession = client.evaluations().createFromSession(session.id(),
                    List.of(EvaluationMetric.withId(aHumanMetric(client).id())), null).getFirst();

            assertThat(turnIds("evaluationIds=" + UNKNOWN_ID)).isEmpty();
            assertThat(turnIds("evaluationIds=eval_123")).isEmpty();
            assertThat(turnIds("evaluationIds=" + ofSession.id())).isEmpty();
        }

        @Test
        void listInferenceResults_byDeletedEvaluation_returnsEmptyArray() {
            InferenceResultResponse turn = aTurn();
            EvaluationResponse evaluation = selfHosted(turn, 0.1);
            client.evaluations().delete(evaluation.id());

            assertThat(turnIds("evaluationIds=" + evaluation.id())).isEmpty();
        }

        private List<String> turnIds(String query) {
            return ids(assertStatus(send("GET", "/inferenceResults?" + query, null), 200));
        }
    }
}
