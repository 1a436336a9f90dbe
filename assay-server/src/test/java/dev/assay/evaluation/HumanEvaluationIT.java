package dev.assay.evaluation;

import static dev.assay.testing.EvaluationFixtures.aHumanMetric;
import static dev.assay.testing.EvaluationFixtures.aSelfHostedMetric;
import static dev.assay.testing.RawResponses.assertStatus;
import static dev.assay.testing.RawResponses.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.ApiKeyResponse;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.MetricResponse;
import dev.assay.client.AssayClient;
import dev.assay.client.ListOptions;
import dev.assay.testing.EvaluationFixtures;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The annotation queue of HUMAN_EVALUATION metrics: list, claim, score (docs/reference/galtea-contract.md §2.2, §9.14). */
class HumanEvaluationIT extends EvaluationApiTest {
    private Annotator alice;
    private Annotator bob;
    private MetricResponse metric;

    @BeforeEach
    void annotators() {
        alice = annotator("alice");
        bob = annotator("bob");
        metric = aHumanMetric(client);
    }

    @Nested
    class Queue {

        @Test
        void humanQueue_listsUnclaimedHumanEvaluationsOfTheOrganizationOnly() {
            EvaluationResponse waiting = aHumanEvaluation();
            evaluateOne(aTurn().id(), EvaluationMetric.scored(aSelfHostedMetric(client).name(), 0.5));
            Tenant other = newTenant();
            other.client().evaluations().createFromInferenceResult(
                    EvaluationFixtures.aTurn(other.client(), aProductionSession(other.client()).id()).id(),
                    List.of(EvaluationMetric.withId(aHumanMetric(other.client()).id())), null);

            assertThat(alice.client.evaluations().listHumanQueue(ListOptions.none())).containsExactly(waiting);
            assertThat(client.evaluations().listHumanQueue(ListOptions.none())).containsExactly(waiting);
        }

        @Test
        void humanQueue_showsAClaimOnlyToItsAnnotator() {
            EvaluationResponse claimedByAlice = aHumanEvaluation();
            EvaluationResponse unclaimed = aHumanEvaluation();
            alice.client.evaluations().claim(claimedByAlice.id());

            assertThat(ids(alice.client.evaluations().listHumanQueue(ListOptions.none())))
                    .containsExactlyInAnyOrder(claimedByAlice.id(), unclaimed.id());
            assertThat(ids(bob.client.evaluations().listHumanQueue(ListOptions.none()))).containsExactly(unclaimed.id());
        }

        @Test
        void humanQueue_dropsScoredEvaluations() {
            EvaluationResponse evaluation = aHumanEvaluation();
            alice.client.evaluations().claim(evaluation.id());
            alice.client.evaluations().submitHumanScore(evaluation.id(), 0.5, "fine");

            assertThat(alice.client.evaluations().listHumanQueue(ListOptions.none())).isEmpty();
        }

        @Test
        void humanQueue_pagesWithLimitAndOffset() {
            aHumanEvaluation();
            aHumanEvaluation();
            aHumanEvaluation();

            assertThat(alice.client.evaluations().listHumanQueue(ListOptions.none().limit(2))).hasSize(2);
            assertThat(alice.client.evaluations().listHumanQueue(ListOptions.none().limit(2).offset(2))).hasSize(1);
        }
    }

    @Nested
    class Claim {

        @Test
        void claim_byAnAnnotator_reservesTheEvaluationForThem() {
            EvaluationResponse evaluation = aHumanEvaluation();
            Instant before = Instant.now().minusSeconds(1);

            EvaluationResponse claimed = alice.client.evaluations().claim(evaluation.id());

            assertThat(claimed.status()).isEqualTo("PENDING_HUMAN");
            assertThat(claimed.humanEvaluatorId()).isEqualTo(alice.key.id());
            assertThat(Instant.parse(claimed.humanEvaluatorStartedAt())).isAfter(before);
            assertThat(client.evaluations().get(evaluation.id())).isEqualTo(claimed);
        }

        @Test
        void claim_byASecondAnnotator_returnsBadRequestAndKeepsTheFirstClaim() {
            EvaluationResponse evaluation = aHumanEvaluation();
            EvaluationResponse claimed = alice.client.evaluations().claim(evaluation.id());

            assertThat(errorMessage(bob.post("/evaluations/" + evaluation.id() + "/claim", null), 400)).contains("another");

            assertThat(client.evaluations().get(evaluation.id())).isEqualTo(claimed);
        }

        @Test
        void claim_again_bySameAnnotator_keepsTheClaimAndItsStart() {
            EvaluationResponse evaluation = aHumanEvaluation();
            EvaluationResponse first = alice.client.evaluations().claim(evaluation.id());

            EvaluationResponse second = alice.client.evaluations().claim(evaluation.id());

            assertThat(second).isEqualTo(first);
        }

        @Test
        void claim_evaluationNotWaitingForAHuman_returnsBadRequest() {
            EvaluationResponse success = evaluateOne(aTurn().id(),
                    EvaluationMetric.scored(aSelfHostedMetric(client).name(), 0.5));
            EvaluationResponse pending = evaluateOne(aTurn().id(), EvaluationMetric.named("Factual Accuracy"));

            assertThat(errorMessage(alice.post("/evaluations/" + success.id() + "/claim", null), 400)).contains("SUCCESS");
            errorMessage(alice.post("/evaluations/" + pending.id() + "/claim", null), 400);

            assertThat(client.evaluations().get(success.id())).isEqualTo(success);
        }

        @Test
        void claim_unknownMalformedOrForeignEvaluation_returnsNotFound() {
            Tenant other = newTenant();
            EvaluationResponse foreign = other.client().evaluations().createFromInferenceResult(
                    EvaluationFixtures.aTurn(other.client(), aProductionSession(other.client()).id()).id(),
                    List.of(EvaluationMetric.withId(aHumanMetric(other.client()).id())), null).getFirst();

            errorMessage(alice.post("/evaluations/" + UNKNOWN_ID + "/claim", null), 404);
            errorMessage(alice.post("/evaluations/eval_123/claim", null), 404);
            errorMessage(alice.post("/evaluations/" + foreign.id() + "/claim", null), 404);

            assertThat(other.client().evaluations().get(foreign.id())).isEqualTo(foreign);
        }

        @Test
        void claim_byTwoAnnotatorsAtOnce_exactlyOneWins() throws Exception {
            List<Annotator> annotators = List.of(alice, bob, annotator("carol"), annotator("dave"));
            for (int round = 0; round < 5; round++) {
                EvaluationResponse evaluation = aHumanEvaluation();

                List<Integer> statuses = concurrently(annotators.stream()
                        .map(annotator -> (Callable<Integer>) () -> annotator.post("/evaluations/" + evaluation.id() + "/claim", null)
                                .statusCode())
                        .toList());

                assertThat(statuses).as("round %d", round).containsOnly(200, 400)
                        .filteredOn(status -> status == 200).hasSize(1);
                String winner = client.evaluations().get(evaluation.id()).humanEvaluatorId();
                assertThat(annotators.stream().map(annotator -> annotator.key.id())).contains(winner);
            }
        }
    }

    @Nested
    class Score {

        @Test
        void humanScore_byTheClaimingAnnotator_completesTheEvaluation() {
            EvaluationResponse evaluation = aHumanEvaluation();
            EvaluationResponse claimed = alice.client.evaluations().claim(evaluation.id());

            JsonNode body = assertStatus(alice.post("/evaluations/" + evaluation.id() + "/humanScore",
                    "{\"score\":0.8,\"reason\":\"Polite and correct\"}"), 200);

            assertThat(body.get("status").stringValue()).isEqualTo("SUCCESS");
            assertThat(body.get("score").doubleValue()).isEqualTo(0.8);
            assertThat(body.get("humanScore").doubleValue()).isEqualTo(0.8);
            assertThat(body.get("reason").stringValue()).isEqualTo("Polite and correct");
            assertThat(body.get("humanReason").stringValue()).isEqualTo("Polite and correct");
            assertThat(body.get("humanEvaluatorId").stringValue()).isEqualTo(alice.key.id());
            assertThat(body.get("humanEvaluatorStartedAt").stringValue()).isEqualTo(claimed.humanEvaluatorStartedAt());
            Instant finished = Instant.parse(body.get("humanEvaluatorFinishedAt").stringValue());
            assertThat(finished).isAfterOrEqualTo(Instant.parse(claimed.humanEvaluatorStartedAt()));
            assertThat(body.get("evaluatedAt").stringValue()).isEqualTo(body.get("humanEvaluatorFinishedAt").stringValue());
            assertThat(body.get("canRetry").booleanValue()).isFalse();
            assertThat(body.propertyNames()).containsAll(SEED_FIELDS);
            assertThat(ids(client.evaluations().list(ListOptions.none().filter("statuses", "SUCCESS"))))
                    .containsExactly(evaluation.id());
        }

        @Test
        void humanScore_byAnotherAnnotator_returnsBadRequestAndChangesNothing() {
            EvaluationResponse evaluation = aHumanEvaluation();
            EvaluationResponse claimed = alice.client.evaluations().claim(evaluation.id());

            assertThat(errorMessage(bob.post("/evaluations/" + evaluation.id() + "/humanScore", "{\"score\":0.1}"), 400))
                    .contains("another");

            assertThat(client.evaluations().get(evaluation.id())).isEqualTo(claimed);
        }

        @Test
        void humanScore_withoutAClaim_returnsBadRequest() {
            EvaluationResponse evaluation = aHumanEvaluation();

            assertThat(errorMessage(alice.post("/evaluations/" + evaluation.id() + "/humanScore", "{\"score\":0.5}"), 400))
                    .containsIgnoringCase("claim");

            assertThat(client.evaluations().get(evaluation.id())).isEqualTo(evaluation);
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"score\":1.5}", "{\"score\":-0.1}", "{\"score\":100}", "{}", "{\"score\":null}",
                "{\"score\":\"0.5\"}", "{\"score\":0.5,\"reason\":7}", "[]"})
        void humanScore_withScoreOutOfRangeOrMissing_returnsBadRequest(String body) {
            EvaluationResponse evaluation = aHumanEvaluation();
            EvaluationResponse claimed = alice.client.evaluations().claim(evaluation.id());

            errorMessage(alice.post("/evaluations/" + evaluation.id() + "/humanScore", body), 400);

            assertThat(client.evaluations().get(evaluation.id())).isEqualTo(claimed);
        }

        @Test
        void humanScore_atTheBounds_isAccepted() {
            EvaluationResponse zero = aHumanEvaluation();
            EvaluationResponse one = aHumanEvaluation();
            alice.client.evaluations().claim(zero.id());
            alice.client.evaluations().claim(one.id());

            assertThat(alice.client.evaluations().submitHumanScore(zero.id(), 0, null).score()).isZero();
            assertThat(alice.client.evaluations().submitHumanScore(one.id(), 1, null).humanScore()).isEqualTo(1.0);
        }

        @Test
        void humanScore_twice_returnsBadRequestAndKeepsTheFirstScore() {
            EvaluationResponse evaluation = aHumanEvaluation();
            alice.client.evaluations().claim(evaluation.id());
            EvaluationResponse scored = alice.client.evaluations().submitHumanScore(evaluation.id(), 0.3, "first");

            errorMessage(alice.post("/evaluations/" + evaluation.id() + "/humanScore", "{\"score\":0.9}"), 400);
            errorMessage(bob.post("/evaluations/" + evaluation.id() + "/claim", null), 400);

            assertThat(client.evaluations().get(evaluation.id())).isEqualTo(scored);
        }

        @Test
        void humanScore_onAForeignEvaluation_returnsNotFound() {
            Tenant other = newTenant();
            EvaluationResponse foreign = other.client().evaluations().createFromInferenceResult(
                    EvaluationFixtures.aTurn(other.client(), aProductionSession(other.client()).id()).id(),
                    List.of(EvaluationMetric.withId(aHumanMetric(other.client()).id())), null).getFirst();

            errorMessage(alice.post("/evaluations/" + foreign.id() + "/humanScore", "{\"score\":0.5}"), 404);

            assertThat(other.client().evaluations().get(foreign.id())).isEqualTo(foreign);
        }
    }

    private EvaluationResponse aHumanEvaluation() {
        return evaluateOne(aTurn().id(), EvaluationMetric.withId(metric.id()));
    }

    private Annotator annotator(String name) {
        ApiKeyResponse key = client.apiKeys().create(name);
        return new Annotator(key, clientFor(key.key()));
    }

    private static <T> List<T> concurrently(List<Callable<T>> calls) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    /** An annotator: a member key of the test's organization and its client. */
    private final class Annotator {
        private final ApiKeyResponse key;
        private final AssayClient client;

        private Annotator(ApiKeyResponse key, AssayClient client) {
            this.key = key;
            this.client = client;
        }

        HttpResponse<String> post(String path, String body) {
            return raw("POST", path, body, key.key());
        }
    }
}
