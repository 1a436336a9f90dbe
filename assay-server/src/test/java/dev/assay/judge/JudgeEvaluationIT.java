package dev.assay.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.assay.api.ConversationTurn;
import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.CreateMetricRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.SessionResponse;
import dev.assay.client.ListOptions;
import dev.assay.judge.FakeOpenAiServer.Reply;
import dev.assay.testing.ApiIntegrationTest;
import dev.assay.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Judge metrics through the HTTP API, scored by a server whose judge is a fake OpenAI endpoint
 * on loopback: the verdict, the tokens and the credits reach the evaluation.
 */
class JudgeEvaluationIT extends ApiIntegrationTest {
    private static final FakeOpenAiServer JUDGE = FakeOpenAiServer.start();
    private static final Duration SCORED_WITHIN = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void judgeOnLoopback(DynamicPropertyRegistry registry) {
        registry.add("assay.data-dir", () -> "target/judge-it-data");
        registry.add("assay.judge.base-url", JUDGE::baseUrl);
        registry.add("assay.judge.api-key", () -> "sk-judge-it");
        registry.add("assay.judge.model", () -> "judge-model");
        registry.add("assay.judge.backoff", () -> "10ms");
        registry.add("assay.evaluation.worker.poll-interval", () -> "50ms");
        registry.add("assay.evaluation.worker.backoff", () -> "50ms");
    }

    @BeforeEach
    void resetJudge() {
        JUDGE.reset();
    }

    @AfterAll
    void stopJudge() {
        JUDGE.close();
    }

    @Test
    void evaluateTurn_withJudgeMetric_succeedsWithTheVerdictTokensAndCredits() {
        JUDGE.enqueue(Reply.verdict(1, "The answer gives the capital asked for."));
        String marker = UUID.randomUUID().toString();
        String turnId = aTurn(Fixtures.aSession(client), "What is the capital of France? " + marker, "Paris.");

        EvaluationResponse evaluation = awaitFinal(evaluate(turnId, "Answer Relevancy"));

        assertThat(evaluation.status()).isEqualTo("SUCCESS");
        assertThat(evaluation.score()).isEqualTo(1.0);
        assertThat(evaluation.reason()).isEqualTo("The answer gives the capital asked for.");
        assertThat(evaluation.error()).isNull();
        assertThat(evaluation.canRetry()).isFalse();
        assertThat(evaluation.judgeModel()).isEqualTo("judge-model");
        assertThat(evaluation.inputTokens()).isEqualTo(120L);
        assertThat(evaluation.outputTokens()).isEqualTo(30L);
        assertThat(evaluation.creditsUsed()).isEqualTo(1);
        FakeOpenAiServer.Request request = onlyRequestAbout(marker);
        assertThat(request.authorization()).isEqualTo("Bearer sk-judge-it");
        assertThat(JudgePromptsTest.blocks(request.user())).containsExactly("input", "actual_output");
        assertThat(request.user()).contains("Paris.");
    }

    @Test
    void evaluateSession_withConversationalMetric_judgesEveryTurnInOrder() {
        String marker = UUID.randomUUID().toString();
        SessionResponse session = Fixtures.aSession(client);
        client.inferenceResults().createBatch(session.id(), List.of(
                ConversationTurn.user("I need a refund " + marker), ConversationTurn.assistant("Which order?"),
                ConversationTurn.user("Order 42"), ConversationTurn.assistant("Refund issued for order 42."),
                ConversationTurn.user("Thanks"), ConversationTurn.assistant("You are welcome.")));

        EvaluationResponse evaluation = awaitFinal(client.evaluations()
                .createFromSession(session.id(), List.of(EvaluationMetric.named("Conversation Completeness")), null).getFirst().id());

        assertThat(evaluation.status()).isEqualTo("SUCCESS");
        assertThat(evaluation.inferenceResultId()).isNull();
        assertThat(onlyRequestAbout(marker).user()).containsSubsequence("I need a refund", "Which order?", "Order 42",
                "Refund issued for order 42.", "Thanks", "You are welcome.");
    }

    @Test
    void evaluateTurn_withCustomPartialPromptMetric_sendsTheSelectedParametersThenThePromptToItsModel() {
        String metric = "polite-" + UUID.randomUUID();
        client.metrics().create(new CreateMetricRequest(metric, "PARTIAL_PROMPT", List.of("actual_output"),
                "Score 1 when the answer is polite, 0 otherwise.", "judge-small", null, null, null, null));
        JUDGE.enqueue(Reply.verdict(0.9, "Polite enough."));
        String marker = UUID.randomUUID().toString();
        String turnId = aTurn(Fixtures.aSession(client), "Hello", "Good morning! " + marker);

        EvaluationResponse evaluation = awaitFinal(evaluate(turnId, metric));

        assertThat(evaluation.status()).isEqualTo("SUCCESS");
        assertThat(evaluation.score()).isEqualTo(0.9);
        assertThat(evaluation.judgeModel()).isEqualTo("judge-small");
        FakeOpenAiServer.Request request = onlyRequestAbout(marker);
        assertThat(request.model()).isEqualTo("judge-small");
        assertThat(request.user()).isEqualTo("<actual_output>\nGood morning! " + marker
                + "\n</actual_output>\n\nScore 1 when the answer is polite, 0 otherwise.\n");
    }

    @Test
    void evaluateTurn_withMissingParameter_isSkippedNamingItWithoutCallingTheJudge() {
        String marker = UUID.randomUUID().toString();
        String turnId = aTurn(Fixtures.aSession(client), "What is 2+2? " + marker, "4");

        EvaluationResponse evaluation = awaitFinal(evaluate(turnId, "Factual Accuracy"));

        assertThat(evaluation.status()).isEqualTo("SKIPPED");
        assertThat(evaluation.error()).isEqualTo("Missing evaluation parameters for Factual Accuracy: expected_output");
        assertThat(evaluation.canRetry()).isTrue();
        assertThat(evaluation.inputTokens()).isNull();
        assertThat(evaluation.creditsUsed()).isZero();
        assertThat(requestsAbout(marker)).isEmpty();
    }

    @Test
    void evaluateTurn_withUnreadableAnswers_failsKeepingThem_andARetryAddsUpTheCost() {
        JUDGE.enqueue(Reply.content("Definitely relevant!"), Reply.content("Score: 1"));
        String turnId = aTurn(Fixtures.aSession(client), "Hi", "Hello");
        String evaluationId = evaluate(turnId, "Answer Relevancy");

        EvaluationResponse failed = awaitFinal(evaluationId);

        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.error()).contains("Definitely relevant!").contains("Score: 1");
        assertThat(failed.canRetry()).isTrue();
        assertThat(failed.creditsUsed()).isEqualTo(2);
        assertThat(failed.inputTokens()).isEqualTo(240L);

        assertThat(client.evaluations().retry(List.of(evaluationId)).retried()).isEqualTo(1);
        EvaluationResponse retried = awaitFinal(evaluationId);

        assertThat(retried.status()).isEqualTo("SUCCESS");
        assertThat(retried.error()).isNull();
        assertThat(retried.creditsUsed()).isEqualTo(3);
        assertThat(retried.inputTokens()).isEqualTo(360L);
        assertThat(retried.outputTokens()).isEqualTo(90L);
    }

    @Test
    void evaluateTurn_withProviderErrorThenAnswer_succeeds() {
        JUDGE.enqueue(Reply.status(503, "{\"error\":{\"message\":\"overloaded\"}}"), Reply.verdict(1, "Fine."));
        String turnId = aTurn(Fixtures.aSession(client), "Hi", "Hello");

        EvaluationResponse evaluation = awaitFinal(evaluate(turnId, "Non-Toxic"));

        assertThat(evaluation.status()).isEqualTo("SUCCESS");
        assertThat(evaluation.creditsUsed()).isEqualTo(1);
    }

    @Test
    void evaluateTurn_withUnreadableAnswerThenProviderDown_keepsTheCostOfTheAnswerAcrossTheReschedule() {
        JUDGE.enqueue(Reply.content("Definitely relevant!"),
                Reply.status(503, "{\"error\":{\"message\":\"overloaded\"}}"),
                Reply.status(503, "{\"error\":{\"message\":\"overloaded\"}}"),
                Reply.status(503, "{\"error\":{\"message\":\"overloaded\"}}"),
                Reply.verdict(1, "Relevant."));
        String turnId = aTurn(Fixtures.aSession(client), "Hi", "Hello");

        EvaluationResponse evaluation = awaitFinal(evaluate(turnId, "Answer Relevancy"));

        assertThat(evaluation.status()).isEqualTo("SUCCESS");
        assertThat(evaluation.creditsUsed()).as("two answered calls, one per attempt").isEqualTo(2);
        assertThat(evaluation.inputTokens()).isEqualTo(240L);
        assertThat(evaluation.outputTokens()).isEqualTo(60L);
    }

    @Test
    void listBySession_showsTheCostOfJudgingTheSession() {
        SessionResponse session = Fixtures.aSession(client);
        String turnId = aTurn(session, "Hi", "Hello");
        List<EvaluationResponse> created = client.evaluations().createFromInferenceResult(turnId,
                List.of(EvaluationMetric.named("Non-Toxic"), EvaluationMetric.named("Unbiased"), EvaluationMetric.named("BLEU")), null);
        created.forEach(evaluation -> awaitFinal(evaluation.id()));

        List<EvaluationResponse> listed = client.evaluations().list(ListOptions.none().filter("sessionIds", session.id()));

        assertThat(listed).hasSize(3);
        assertThat(listed.stream().mapToLong(evaluation -> evaluation.inputTokens() == null ? 0 : evaluation.inputTokens()).sum())
                .isEqualTo(240);
        assertThat(listed.stream().mapToLong(evaluation -> evaluation.outputTokens() == null ? 0 : evaluation.outputTokens()).sum())
                .isEqualTo(60);
        assertThat(listed.stream().mapToInt(EvaluationResponse::creditsUsed).sum()).isEqualTo(2);
    }

    private String aTurn(SessionResponse session, String input, String actualOutput) {
        return client.inferenceResults().create(CreateInferenceResultRequest.forSession(session.id())
                .input(input).actualOutput(actualOutput).build()).id();
    }

    private String evaluate(String turnId, String metric) {
        return client.evaluations().createFromInferenceResult(turnId, List.of(EvaluationMetric.named(metric)), null).getFirst().id();
    }

    private EvaluationResponse awaitFinal(String evaluationId) {
        return await().atMost(SCORED_WITHIN).pollInterval(Duration.ofMillis(50))
                .until(() -> client.evaluations().get(evaluationId), evaluation -> !evaluation.status().equals("PENDING"));
    }

    private static List<FakeOpenAiServer.Request> requestsAbout(String marker) {
        return JUDGE.requests().stream().filter(request -> request.user().contains(marker)).toList();
    }

    private static FakeOpenAiServer.Request onlyRequestAbout(String marker) {
        List<FakeOpenAiServer.Request> requests = requestsAbout(marker);
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }
}
