package dev.assay.evaluation;

import static dev.assay.testing.EvaluationFixtures.aHumanMetric;
import static dev.assay.testing.EvaluationFixtures.aSelfHostedMetric;
import static dev.assay.testing.RawResponses.assertStatus;
import static dev.assay.testing.RawResponses.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.assay.api.ApiKeyResponse;
import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.RetryEvaluationsResponse;
import dev.assay.api.SessionResponse;
import dev.assay.api.UpdateInferenceResultRequest;
import dev.assay.client.AssayClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** POST /evaluations/retry (docs/reference/galtea-contract.md §2.10, §9.16). */
class EvaluationRetryIT extends EvaluationApiTest {
    /** assay.evaluation.retry.max-retries, left at its default in the test context. */
    private static final int MAX_RETRIES = 5;

    @Test
    void retry_rowsThatCannotBeRetried_skipsEachWithAnErrorAndChangesNothing() {
        InferenceResultResponse turn = aTurn();
        List<EvaluationResponse> created = evaluate(turn.id(),
                EvaluationMetric.scored(aSelfHostedMetric(client).name(), 0.4),
                EvaluationMetric.withId(aSelfHostedMetric(client).id()),
                EvaluationMetric.withId(aHumanMetric(client).id()),
                EvaluationMetric.named("URL Validation"));
        EvaluationResponse scored = awaitFinal(created.get(3).id());
        List<EvaluationResponse> before = List.of(created.get(0), created.get(1), created.get(2), scored);

        JsonNode body = assertStatus(send("POST", "/evaluations/retry", "{\"ids\":[" + quoted(ids(before).toArray(String[]::new))
                + "]}"), 202);

        assertThat(body.get("retried").intValue()).isZero();
        assertThat(body.get("skipped").intValue()).isEqualTo(4);
        assertThat(body.get("errors").size()).isEqualTo(4);
        for (int i = 0; i < before.size(); i++) {
            assertThat(body.get("errors").get(i).stringValue()).contains(before.get(i).id());
            assertThat(client.evaluations().get(before.get(i).id())).isEqualTo(before.get(i));
        }
    }

    @Test
    void retry_selfHostedRow_isNeverRetried() {
        EvaluationResponse skipped = evaluateOne(aTurn().id(), EvaluationMetric.withId(aSelfHostedMetric(client).id()));

        RetryEvaluationsResponse response = client.evaluations().retry(List.of(skipped.id()));

        assertThat(response.retried()).isZero();
        assertThat(response.skipped()).isEqualTo(1);
        assertThat(response.errors()).singleElement().asString().containsIgnoringCase("self-hosted");
        assertThat(client.evaluations().get(skipped.id())).isEqualTo(skipped);
    }

    @Test
    void retry_skippedDeterministicRow_goesBackToTheQueueAndIsProcessedAgain() {
        EvaluationResponse first = awaitFinal(evaluateOne(aTurn().id(), EvaluationMetric.named("BLEU")).id());
        assertThat(first.status()).isEqualTo("SKIPPED");
        assertThat(first.canRetry()).isTrue();

        RetryEvaluationsResponse response = client.evaluations().retry(List.of(first.id()));

        assertThat(response).isEqualTo(new RetryEvaluationsResponse(1, 0, List.of()));
        EvaluationResponse again = awaitRetried(client, first.id(), 1);
        assertThat(again.status()).isEqualTo("SKIPPED");
        assertThat(again.error()).contains("expected_output");
        assertThat(again.canRetry()).isTrue();
        assertThat(Instant.parse(again.evaluatedAt())).isAfterOrEqualTo(Instant.parse(first.evaluatedAt()));
    }

    @Test
    void retry_rowSkippedForAPendingTurn_isScoredOnceTheTurnIsReady() {
        SessionResponse session = aProductionSession();
        InferenceResultResponse turn = client.inferenceResults().create(
                CreateInferenceResultRequest.forSession(session.id()).input("question").status("PENDING").build());
        EvaluationResponse skipped = evaluateOne(turn.id(), EvaluationMetric.named("URL Validation"));
        assertThat(skipped.status()).isEqualTo("SKIPPED");
        client.inferenceResults().update(turn.id(),
                UpdateInferenceResultRequest.builder().status("GENERATED").actualOutput("The answer.").build());

        assertThat(client.evaluations().retry(List.of(skipped.id())).retried()).isEqualTo(1);

        EvaluationResponse scored = awaitRetried(client, skipped.id(), 1);
        assertThat(scored.status()).isEqualTo("SUCCESS");
        assertThat(scored.score()).isEqualTo(1.0);
        assertThat(scored.failedTurns()).isEmpty();
        assertThat(scored.error()).isNull();
        assertThat(scored.canRetry()).isFalse();
    }

    @Test
    void retry_withLegacyEvaluationIdsKey_isAccepted() {
        EvaluationResponse skipped = awaitFinal(evaluateOne(aTurn().id(), EvaluationMetric.named("Tool Correctness")).id());

        JsonNode body = assertStatus(send("POST", "/evaluations/retry", "{\"evaluationIds\":[\"" + skipped.id() + "\"]}"), 202);

        assertThat(body.get("retried").intValue()).isEqualTo(1);
        assertThat(body.get("skipped").intValue()).isZero();
        assertThat(body.get("errors").isEmpty()).isTrue();
        awaitRetried(client, skipped.id(), 1);
    }

    @Test
    void retry_mixOfRetryableUnknownAndFinalRows_judgesEachRowAlone() {
        InferenceResultResponse turn = aTurn();
        EvaluationResponse retryable = awaitFinal(evaluateOne(turn.id(), EvaluationMetric.named("BLEU")).id());
        EvaluationResponse success = evaluateOne(turn.id(), EvaluationMetric.scored(aSelfHostedMetric(client).name(), 1));

        RetryEvaluationsResponse response = client.evaluations().retry(List.of(retryable.id(), UNKNOWN_ID, success.id(),
                retryable.id()));

        assertThat(response.retried()).isEqualTo(1);
        assertThat(response.skipped()).isEqualTo(2);
        assertThat(response.errors()).hasSize(2);
        assertThat(response.errors().get(0)).contains(UNKNOWN_ID);
        assertThat(response.errors().get(1)).contains(success.id());
        assertThat(awaitRetried(client, retryable.id(), 1).retriesAttempted()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"ids\":[]}", "{\"ids\":\"x\"}", "{\"ids\":[7]}", "{\"evaluationIds\":{}}", "[]", ""})
    void retry_withoutIdsOrWithMistypedIds_returnsBadRequest(String body) {
        errorMessage(send("POST", "/evaluations/retry", body), 400);
    }

    @Test
    void retry_byANonAdminKey_stopsAtTheRetryLimitWhileAnAdminKeyMayContinue() {
        ApiKeyResponse memberKey = client.apiKeys().create("member");
        assertThat(memberKey.admin()).isFalse();
        AssayClient member = clientFor(memberKey.key());
        EvaluationResponse evaluation = awaitFinal(evaluateOne(aTurn().id(), EvaluationMetric.named("BLEU")).id());

        for (int retry = 1; retry <= MAX_RETRIES; retry++) {
            assertThat(member.evaluations().retry(List.of(evaluation.id())).retried()).as("retry %d", retry).isEqualTo(1);
            awaitRetried(member, evaluation.id(), retry);
        }
        EvaluationResponse atLimit = member.evaluations().get(evaluation.id());

        RetryEvaluationsResponse refused = member.evaluations().retry(List.of(evaluation.id()));

        assertThat(refused.retried()).isZero();
        assertThat(refused.skipped()).isEqualTo(1);
        assertThat(refused.errors()).singleElement().asString().contains(evaluation.id(), "limit");
        assertThat(member.evaluations().get(evaluation.id())).isEqualTo(atLimit);

        assertThat(client.evaluations().retry(List.of(evaluation.id())).retried()).isEqualTo(1);
        assertThat(awaitRetried(client, evaluation.id(), MAX_RETRIES + 1).status()).isEqualTo("SKIPPED");
    }

    @Test
    void retry_sameRowConcurrently_countsEverySendBackExactlyOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            SessionResponse session = aProductionSession();
            InferenceResultResponse turn = client.inferenceResults().create(
                    CreateInferenceResultRequest.forSession(session.id()).input("question").status("PENDING").build());
            EvaluationResponse skipped = evaluateOne(turn.id(), EvaluationMetric.named("URL Validation"));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RetryEvaluationsResponse>> futures = new ArrayList<>();
            ExecutorService executor = Executors.newFixedThreadPool(6);
            try {
                for (int i = 0; i < 6; i++) {
                    futures.add(executor.submit(() -> {
                        start.await();
                        return client.evaluations().retry(List.of(skipped.id()));
                    }));
                }
                start.countDown();
                int retried = 0;
                for (Future<RetryEvaluationsResponse> future : futures) {
                    retried += future.get().retried();
                }

                // Calls racing on one state send it back once; a call arriving after the worker has
                // already scored the row again (SKIPPED at once: its turn is still PENDING) may send it
                // back again. Either way each send-back is counted once on the row, never twice, never lost.
                assertThat(retried).as("round %d", round).isBetween(1, 6);
                assertThat(awaitRetried(client, skipped.id(), retried).retriesAttempted()).isEqualTo(retried);
            } finally {
                executor.shutdownNow();
            }
        }
    }

    /** Waits until the evaluation has been retried {@code retries} times and processed again. */
    private static EvaluationResponse awaitRetried(AssayClient client, String evaluationId, int retries) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> client.evaluations().get(evaluationId),
                        evaluation -> evaluation.retriesAttempted() == retries && FINAL.contains(evaluation.status()));
    }
}
