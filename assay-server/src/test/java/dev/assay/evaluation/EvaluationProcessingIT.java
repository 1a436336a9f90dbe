package dev.assay.evaluation;

import static dev.assay.testing.EvaluationFixtures.aHumanMetric;
import static dev.assay.testing.EvaluationFixtures.aPartialPromptMetric;
import static dev.assay.testing.EvaluationFixtures.aSelfHostedMetric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.SessionResponse;
import dev.assay.client.ListOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The worker takes PENDING evaluations to their one final state (docs/reference/galtea-contract.md §2.2, docs/reference/metrics.md §0.2). */
class EvaluationProcessingIT extends EvaluationApiTest {

    @Test
    void worker_deterministicMetricWithItsParameters_endsSuccessWithScoreAndReason() {
        EvaluationResponse created = evaluateOne(aTurn().id(), EvaluationMetric.named("URL Validation"));

        EvaluationResponse evaluation = awaitFinal(created.id());

        assertThat(evaluation.status()).isEqualTo("SUCCESS");
        assertThat(evaluation.score()).isEqualTo(1.0);
        assertThat(evaluation.reason()).isNotBlank();
        assertThat(evaluation.error()).isNull();
        assertThat(evaluation.canRetry()).isFalse();
        assertThat(evaluation.creditsUsed()).isZero();
        assertThat(evaluation.failedTurns()).isEmpty();
        assertThat(Instant.parse(evaluation.evaluatedAt())).isAfterOrEqualTo(Instant.parse(evaluation.createdAt()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BLEU", "ROUGE", "METEOR", "Text Similarity", "JSON Field Match"})
    void worker_referenceMetricOnAProductionSession_isSkippedNamingExpectedOutput(String metric) {
        EvaluationResponse created = evaluateOne(aTurn().id(), EvaluationMetric.named(metric));

        EvaluationResponse evaluation = awaitFinal(created.id());

        assertThat(evaluation.status()).isEqualTo("SKIPPED");
        assertThat(evaluation.error()).contains("expected_output");
        assertThat(evaluation.canRetry()).isTrue();
        assertThat(evaluation.score()).isNull();
        assertThat(evaluation.creditsUsed()).isZero();
        assertThat(evaluation.evaluatedAt()).isNotNull();
    }

    @Test
    void worker_toolCorrectnessWithoutToolCalls_isSkippedNamingToolsUsed() {
        EvaluationResponse created = evaluateOne(aTurn().id(), EvaluationMetric.named("Tool Correctness"));

        EvaluationResponse evaluation = awaitFinal(created.id());

        assertThat(evaluation.status()).isEqualTo("SKIPPED");
        assertThat(evaluation.error()).contains("tools_used");
        assertThat(evaluation.canRetry()).isTrue();
    }

    @Test
    void worker_judgedBuiltInWithoutJudge_isSkippedAskingForTheJudgeSettings() {
        EvaluationResponse created = evaluateOne(aTurn().id(), EvaluationMetric.named("Factual Accuracy"));

        EvaluationResponse evaluation = awaitFinal(created.id());

        assertThat(evaluation.status()).isEqualTo("SKIPPED");
        assertThat(evaluation.error()).contains("ASSAY_JUDGE_BASE_URL");
        assertThat(evaluation.canRetry()).isTrue();
        assertThat(evaluation.score()).isNull();
    }

    @Test
    void worker_ownPartialPromptMetricWithoutJudge_isSkippedAskingForTheJudgeSettings() {
        EvaluationResponse created = evaluateOne(aTurn().id(), EvaluationMetric.withId(aPartialPromptMetric(client).id()));

        EvaluationResponse evaluation = awaitFinal(created.id());

        assertThat(evaluation.status()).isEqualTo("SKIPPED");
        assertThat(evaluation.error()).contains("ASSAY_JUDGE_BASE_URL");
        assertThat(evaluation.canRetry()).isTrue();
    }

    @Test
    void create_onAPendingTurn_isSkippedNamingTheTurn() {
        SessionResponse session = aProductionSession();
        InferenceResultResponse pending = client.inferenceResults().create(
                CreateInferenceResultRequest.forSession(session.id()).input("still thinking").status("PENDING").build());

        EvaluationResponse evaluation = evaluateOne(pending.id(), EvaluationMetric.named("URL Validation"));

        assertThat(evaluation.status()).isEqualTo("SKIPPED");
        assertThat(evaluation.failedTurns()).containsExactly(pending.id());
        assertThat(evaluation.error()).contains(pending.id());
        assertThat(evaluation.canRetry()).isTrue();
        assertThat(client.evaluations().get(evaluation.id())).isEqualTo(evaluation);
    }

    @Test
    void create_fromSessionWithAPendingTurn_isSkippedListingOnlyThatTurn() {
        SessionResponse session = aProductionSession();
        aTurn(session.id());
        InferenceResultResponse pending = client.inferenceResults().create(
                CreateInferenceResultRequest.forSession(session.id()).input("still thinking").status("PENDING").build());

        List<EvaluationResponse> created = client.evaluations().createFromSession(session.id(),
                List.of(EvaluationMetric.named("URL Validation")), null);

        assertThat(created).singleElement().satisfies(evaluation -> {
            assertThat(evaluation.status()).isEqualTo("SKIPPED");
            assertThat(evaluation.failedTurns()).containsExactly(pending.id());
            assertThat(evaluation.canRetry()).isTrue();
        });
    }

    @Test
    void worker_fromSession_scoresTheConversation() {
        SessionResponse session = aProductionSession();
        aTurn(session.id());
        aTurn(session.id());

        EvaluationResponse created = client.evaluations().createFromSession(session.id(),
                List.of(EvaluationMetric.named("URL Validation"), EvaluationMetric.named("BLEU")), null).getFirst();

        EvaluationResponse evaluation = awaitFinal(created.id());
        assertThat(evaluation.status()).isEqualTo("SUCCESS");
        assertThat(evaluation.inferenceResultId()).isNull();
    }

    @Test
    void worker_neverTouchesHumanOrFinalRows() {
        InferenceResultResponse turn = aTurn();
        List<EvaluationResponse> created = evaluate(turn.id(),
                EvaluationMetric.withId(aHumanMetric(client).id()),
                EvaluationMetric.scored(aSelfHostedMetric(client).name(), 0.3),
                EvaluationMetric.named("URL Validation"));

        awaitFinal(created.get(2).id());

        assertThat(client.evaluations().get(created.get(0).id())).isEqualTo(created.get(0));
        assertThat(client.evaluations().get(created.get(1).id())).isEqualTo(created.get(1));
    }

    @Test
    void worker_manyEvaluations_eachEndsOnceInAFinalState() {
        SessionResponse session = aProductionSession();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            InferenceResultResponse turn = aTurn(session.id());
            evaluate(turn.id(), EvaluationMetric.named("URL Validation"), EvaluationMetric.named("BLEU"),
                    EvaluationMetric.named("Text Match"), EvaluationMetric.named("IOU"))
                    .forEach(evaluation -> ids.add(evaluation.id()));
        }

        List<EvaluationResponse> finals = ids.stream().map(this::awaitFinal).toList();

        assertThat(finals).allSatisfy(evaluation -> {
            assertThat(evaluation.status()).isIn(FINAL);
            assertThat(evaluation.score() != null || evaluation.error() != null).isTrue();
        });
        assertThat(client.evaluations().list(ListOptions.none().filter("sessionIds", session.id())))
                .hasSize(ids.size());
    }
}
