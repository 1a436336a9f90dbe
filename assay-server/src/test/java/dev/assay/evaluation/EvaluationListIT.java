package dev.assay.evaluation;

import static dev.assay.testing.EvaluationFixtures.aHumanMetric;
import static dev.assay.testing.EvaluationFixtures.aSelfHostedMetric;
import static dev.assay.testing.RawResponses.assertStatus;
import static dev.assay.testing.RawResponses.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.MetricResponse;
import dev.assay.api.SessionResponse;
import dev.assay.api.VersionResponse;
import dev.assay.client.ListOptions;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.testing.EvaluationFixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestConstructor;
import tools.jackson.databind.JsonNode;

/** GET /evaluations, GET /evaluations/{id}, DELETE /evaluations/{id} (spec/api-contract.md §2.7–2.9, §7.4, §9.17). */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class EvaluationListIT extends EvaluationApiTest {
    private final JdbcClient jdbc;

    EvaluationListIT(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Nested
    class Filters {

        @Test
        void list_withoutFilter_returnsABareArrayOfTheOrganizationsEvaluationsWithEverySeedField() {
            EvaluationResponse own = selfHosted(aTurn(), 0.5);
            Tenant other = newTenant();
            InferenceResultResponse foreignTurn = EvaluationFixtures.aTurn(other.client(),
                    aProductionSession(other.client()).id());
            other.client().evaluations().createFromInferenceResult(foreignTurn.id(),
                    List.of(EvaluationMetric.scored(aSelfHostedMetric(other.client()).name(), 0.5)), null);

            JsonNode body = assertStatus(send("GET", "/evaluations", null), 200);

            assertThat(body.isArray()).isTrue();
            assertThat(ids(body)).containsExactly(own.id());
            assertThat(body.get(0).propertyNames()).containsAll(SEED_FIELDS);
        }

        @Test
        void list_byIds_returnsExactlyThoseEvaluations() {
            EvaluationResponse first = selfHosted(aTurn(), 0.1);
            selfHosted(aTurn(), 0.2);
            EvaluationResponse third = selfHosted(aTurn(), 0.3);

            assertThat(evaluationIds("ids=" + first.id() + "&ids=" + third.id())).containsExactlyInAnyOrder(first.id(), third.id());
            assertThat(evaluationIds("ids[]=" + first.id())).containsExactly(first.id());
            assertThat(evaluationIds("ids=" + first.id() + "," + third.id())).containsExactlyInAnyOrder(first.id(), third.id());
        }

        @Test
        void list_byIdsWithUnknownOnes_returnsNotFoundNamingThem() {
            EvaluationResponse known = selfHosted(aTurn(), 0.1);

            String message = errorMessage(send("GET", "/evaluations?ids=" + known.id() + "&ids=" + UNKNOWN_ID + "&ids=eval_123",
                    null), 404);

            assertThat(message).contains(UNKNOWN_ID, "eval_123").doesNotContain(known.id());
        }

        @Test
        void list_byIdsExcludedByAnotherFilter_returnsNotFound() {
            EvaluationResponse success = selfHosted(aTurn(), 0.1);

            assertThat(errorMessage(send("GET", "/evaluations?ids=" + success.id() + "&statuses=SKIPPED", null), 404))
                    .contains(success.id());
        }

        @Test
        void list_byIdsBeyondLimit_checksTheIdsBeforePaging() {
            EvaluationResponse first = selfHosted(aTurn(), 0.1);
            EvaluationResponse second = selfHosted(aTurn(), 0.2);

            assertThat(evaluationIds("ids=" + first.id() + "&ids=" + second.id() + "&limit=1")).hasSize(1);
        }

        @Test
        void list_bySessionIdsAndInferenceResultIds_returnsTheirEvaluations() {
            SessionResponse session = aProductionSession();
            InferenceResultResponse first = aTurn(session.id());
            InferenceResultResponse second = aTurn(session.id());
            EvaluationResponse ofFirst = selfHosted(first, 0.1);
            EvaluationResponse ofSecond = selfHosted(second, 0.2);
            EvaluationResponse ofSession = client.evaluations().createFromSession(session.id(),
                    List.of(EvaluationMetric.withId(aHumanMetric(client).id())), null).getFirst();
            EvaluationResponse elsewhere = selfHosted(aTurn(), 0.3);

            assertThat(evaluationIds("sessionIds=" + session.id()))
                    .containsExactlyInAnyOrder(ofFirst.id(), ofSecond.id(), ofSession.id());
            assertThat(evaluationIds("inferenceResultIds=" + second.id())).containsExactly(ofSecond.id());
            assertThat(evaluationIds("inferenceResultIds[]=" + first.id() + "&inferenceResultIds[]=" + second.id()))
                    .containsExactlyInAnyOrder(ofFirst.id(), ofSecond.id());
            assertThat(evaluationIds("sessionIds=" + elsewhere.sessionId())).containsExactly(elsewhere.id());
        }

        @Test
        void list_byUnknownRelationIds_returnsEmptyArray() {
            selfHosted(aTurn(), 0.1);

            assertThat(evaluationIds("sessionIds=session_aaaaaaaaaaaaaaaaaaaaaaaaaa")).isEmpty();
            assertThat(evaluationIds("inferenceResultIds=ir_123")).isEmpty();
            assertThat(evaluationIds("metricIds=" + UNKNOWN_METRIC_ID)).isEmpty();
            assertThat(evaluationIds("versionIds=version_aaaaaaaaaaaaaaaaaaaaaaaaaa")).isEmpty();
            assertThat(evaluationIds("productIds=product_aaaaaaaaaaaaaaaaaaaaaaaaaa")).isEmpty();
        }

        @Test
        void list_byMetricIds_returnsThatMetricsEvaluations() {
            InferenceResultResponse turn = aTurn();
            MetricResponse metric = aSelfHostedMetric(client);
            EvaluationResponse ofMetric = evaluateOne(turn.id(), EvaluationMetric.scored(metric.name(), 0.4));
            EvaluationResponse ofBleu = evaluateOne(turn.id(), EvaluationMetric.named("BLEU"));

            assertThat(evaluationIds("metricIds=" + metric.id())).containsExactly(ofMetric.id());
            assertThat(evaluationIds("metricIds=" + ofBleu.metricId())).containsExactly(ofBleu.id());
        }

        @Test
        void list_byVersionIdsAndProductIds_returnsTheirSessionsEvaluations() {
            SessionResponse session = aProductionSession();
            EvaluationResponse mine = selfHosted(aTurn(session.id()), 0.1);
            EvaluationResponse elsewhere = selfHosted(aTurn(), 0.2);
            VersionResponse version = client.versions().get(session.versionId());

            assertThat(evaluationIds("versionIds=" + version.id())).containsExactly(mine.id());
            assertThat(evaluationIds("productIds=" + version.productId())).containsExactly(mine.id());
            assertThat(evaluationIds("productIds[]=" + version.productId() + "&productIds[]="
                    + client.versions().get(client.sessions().get(elsewhere.sessionId()).versionId()).productId()))
                    .containsExactlyInAnyOrder(mine.id(), elsewhere.id());
        }

        @Test
        void list_byStatuses_returnsRowsInThoseStatuses() {
            InferenceResultResponse turn = aTurn();
            List<EvaluationResponse> created = evaluate(turn.id(),
                    EvaluationMetric.scored(aSelfHostedMetric(client).name(), 0.4),
                    EvaluationMetric.withId(aSelfHostedMetric(client).id()),
                    EvaluationMetric.withId(aHumanMetric(client).id()));
            String success = created.get(0).id();
            String skipped = created.get(1).id();
            String human = created.get(2).id();

            assertThat(evaluationIds("statuses=SUCCESS")).containsExactly(success);
            assertThat(evaluationIds("statuses=skipped")).containsExactly(skipped);
            assertThat(evaluationIds("statuses=SUCCESS,PENDING_HUMAN")).containsExactlyInAnyOrder(success, human);
            assertThat(evaluationIds("statuses[]=SKIPPED&statuses[]=PENDING_HUMAN")).containsExactlyInAnyOrder(skipped, human);
            assertThat(evaluationIds("statuses=FAILED")).isEmpty();
            assertThat(evaluationIds("statuses=CANCELLED&statuses=OUTDATED")).isEmpty();
        }

        @Test
        void list_byUnknownStatus_returnsBadRequest() {
            assertThat(errorMessage(send("GET", "/evaluations?statuses=DONE", null), 400)).contains("DONE");
        }

        @Test
        void list_byCanRetry_filtersOnIt() {
            SessionResponse session = aProductionSession();
            InferenceResultResponse pending = client.inferenceResults().create(
                    CreateInferenceResultRequest.forSession(session.id()).input("waiting").status("PENDING").build());
            EvaluationResponse retryable = evaluateOne(pending.id(), EvaluationMetric.named("URL Validation"));
            EvaluationResponse finished = selfHosted(aTurn(session.id()), 0.1);

            assertThat(evaluationIds("canRetry=true")).containsExactly(retryable.id());
            assertThat(evaluationIds("canRetry=1")).containsExactly(retryable.id());
            assertThat(evaluationIds("canRetry")).containsExactly(retryable.id());
            assertThat(evaluationIds("canRetry=false")).containsExactly(finished.id());
            errorMessage(send("GET", "/evaluations?canRetry=maybe", null), 400);
        }

        @Test
        void list_byCreatedAtBounds_isInclusive() {
            EvaluationResponse first = selfHosted(aTurn(), 0.1);
            EvaluationResponse second = laterThan(first);

            assertThat(evaluationIds("fromCreatedAt=" + second.createdAt())).containsExactly(second.id());
            assertThat(evaluationIds("toCreatedAt=" + first.createdAt())).containsExactly(first.id());
            assertThat(evaluationIds("fromCreatedAt=" + first.createdAt() + "&toCreatedAt=" + second.createdAt()))
                    .containsExactly(first.id(), second.id());
            errorMessage(send("GET", "/evaluations?toCreatedAt=soon", null), 400);
        }
    }

    @Nested
    class SortingAndPaging {

        @Test
        void list_sortedByScore_ordersByScoreInEitherDirection() {
            InferenceResultResponse turn = aTurn();
            List<EvaluationResponse> created = evaluate(turn.id(),
                    EvaluationMetric.scored(aSelfHostedMetric(client).name(), 0.5),
                    EvaluationMetric.scored(aSelfHostedMetric(client).name(), 0.9),
                    EvaluationMetric.scored(aSelfHostedMetric(client).name(), 0.1));
            String middle = created.get(0).id();
            String high = created.get(1).id();
            String low = created.get(2).id();

            assertThat(evaluationIds("sort=score")).containsExactly(low, middle, high);
            assertThat(evaluationIds("sort=score&sort=desc")).containsExactly(high, middle, low);
            assertThat(evaluationIds("sort[]=score&sort[]=desc")).containsExactly(high, middle, low);
            assertThat(evaluationIds("sort=-score")).containsExactly(high, middle, low);
            assertThat(client.evaluations().list(ListOptions.none().sort("score", true)))
                    .extracting(EvaluationResponse::id).containsExactly(high, middle, low);
        }

        @Test
        void list_sortedByCreatedAt_ordersByCreationInEitherDirection() {
            EvaluationResponse first = selfHosted(aTurn(), 0.1);
            EvaluationResponse second = laterThan(first);
            EvaluationResponse third = laterThan(second);

            assertThat(evaluationIds("")).containsExactly(first.id(), second.id(), third.id());
            assertThat(evaluationIds("sort=createdAt&sort=desc")).containsExactly(third.id(), second.id(), first.id());
            assertThat(evaluationIds("sort=createdAt,asc")).containsExactly(first.id(), second.id(), third.id());
        }

        @Test
        void list_withLimitAndOffset_returnsThatPage() {
            EvaluationResponse first = selfHosted(aTurn(), 0.1);
            EvaluationResponse second = laterThan(first);
            EvaluationResponse third = laterThan(second);

            assertThat(evaluationIds("limit=2")).containsExactly(first.id(), second.id());
            assertThat(evaluationIds("limit=2&offset=2")).containsExactly(third.id());
            assertThat(evaluationIds("offset=3")).isEmpty();
            assertThat(evaluationIds("limit=0")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"sort=name", "sort=desc", "limit=-1", "limit=10001", "offset=-1", "limit=ten"})
        void list_withInvalidSortOrPaging_returnsBadRequest(String query) {
            errorMessage(send("GET", "/evaluations?" + query, null), 400);
        }
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

    private EvaluationResponse selfHosted(InferenceResultResponse turn, double score) {
        return evaluateOne(turn.id(), EvaluationMetric.scored(aSelfHostedMetric(client).name(), score));
    }

    /** A self-hosted evaluation created strictly later than {@code previous}, so ordering by createdAt is unambiguous. */
    private EvaluationResponse laterThan(EvaluationResponse previous) {
        while (true) {
            EvaluationResponse created = selfHosted(aTurn(), 0.5);
            if (Instant.parse(created.createdAt()).isAfter(Instant.parse(previous.createdAt()))) {
                return created;
            }
            client.evaluations().delete(created.id());
        }
    }
}
