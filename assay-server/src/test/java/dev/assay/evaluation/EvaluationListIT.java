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
import dev.assay.testing.EvaluationFixtures;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** GET /evaluations: filters, strict ids, sort and paging (docs/reference/galtea-contract.md §2.7, §7.4, §9.17). */
class EvaluationListIT extends EvaluationApiTest {

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
            assertThat(evaluationIds("ids=" + first.id() + "&ids=" + first.id())).containsExactly(first.id());
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
}
