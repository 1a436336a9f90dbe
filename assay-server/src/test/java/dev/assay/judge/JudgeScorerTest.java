package dev.assay.judge;

import static dev.assay.judge.JudgeFixtures.builtIn;
import static dev.assay.judge.JudgeFixtures.everyParameter;
import static dev.assay.judge.JudgeFixtures.partialPrompt;
import static dev.assay.judge.JudgeFixtures.settings;
import static dev.assay.judge.JudgeFixtures.turn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.assay.evaluation.EvaluationInput;
import dev.assay.evaluation.ModelUsage;
import dev.assay.evaluation.ScoreOutcome;
import dev.assay.judge.FakeOpenAiServer.Reply;
import dev.assay.metric.MetricSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The judge scorer against a fake OpenAI endpoint on loopback: answers, failures, limits. */
class JudgeScorerTest {
    private final JudgeFixtures.RecordingSleeper sleeper = new JudgeFixtures.RecordingSleeper();
    private final JudgeFixtures.MutableClock clock = new JudgeFixtures.MutableClock();
    private FakeOpenAiServer judge;

    @BeforeEach
    void startJudge() {
        judge = FakeOpenAiServer.start();
    }

    @AfterEach
    void stopJudge() {
        judge.close();
    }

    private JudgeScorer scorer(JudgeFixtures.Settings settings) {
        JudgeProperties properties = settings.build();
        return new JudgeScorer(properties, JudgeClient.create(properties, clock, sleeper, () -> 0.0));
    }

    private JudgeScorer scorer() {
        return scorer(settings(judge.baseUrl()));
    }

    @Nested
    class Supports {

        @Test
        void supports_withoutJudge_supportsNothing() {
            JudgeScorer unconfigured = new JudgeScorer(settings("").build(), null);

            assertThat(unconfigured.supports(builtIn("Answer Relevancy"))).isFalse();
        }

        @Test
        void supports_withJudge_supportsEveryJudgedSourceOnly() {
            JudgeScorer scorer = scorer();

            assertThat(scorer.supports(builtIn("Faithfulness"))).isTrue();
            assertThat(scorer.supports(builtIn("Role Adherence"))).isTrue();
            assertThat(scorer.supports(partialPrompt(List.of("input"), "Be kind", null))).isTrue();
            assertThat(scorer.supports(JudgeFixtures.custom(MetricSource.FULL_PROMPT, List.of("input"), "{{input}}", null))).isTrue();
            assertThat(scorer.supports(builtIn("BLEU"))).isFalse();
            assertThat(scorer.supports(JudgeFixtures.custom(MetricSource.SELF_HOSTED, List.of(), null, null))).isFalse();
        }
    }

    @Nested
    class Score {

        @Test
        void score_withGoodAnswer_returnsTheJudgesScoreReasonAndUsage() {
            judge.enqueue(Reply.verdict(1, "The answer addresses the question."));

            ScoreOutcome outcome = scorer().score(builtIn("Answer Relevancy"), turn("What is 2+2?", "4"));

            assertThat(outcome).isEqualTo(new ScoreOutcome.Scored(1.0, "The answer addresses the question.", 1,
                    new ModelUsage("judge-model", 1, 120, 30)));
        }

        @Test
        void score_withContinuousMetric_keepsTheFraction() {
            judge.enqueue(Reply.verdict(0.75, "Three of four statements are supported."));

            ScoreOutcome outcome = scorer().score(builtIn("Contextual Recall"), everyParameter());

            assertThat(outcome).isInstanceOfSatisfying(ScoreOutcome.Scored.class, scored -> assertThat(scored.score()).isEqualTo(0.75));
        }

        @Test
        void score_sendsAnOpenAiChatCompletionWithKeyModelAndJsonMode() {
            scorer().score(builtIn("Answer Relevancy"), turn("What is 2+2?", "4"));

            FakeOpenAiServer.Request request = judge.requests().getFirst();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v1/chat/completions");
            assertThat(request.authorization()).isEqualTo("Bearer sk-test-key");
            assertThat(request.model()).isEqualTo("judge-model");
            assertThat(request.body().path("response_format").path("type").asString()).isEqualTo("json_object");
            assertThat(request.roles()).containsExactly("system", "user");
            assertThat(request.system()).contains("\"Answer Relevancy\"").contains("\"score\"").contains("\"reason\"");
        }

        @Test
        void score_withBlankApiKey_sendsNoAuthorization() {
            scorer(settings(judge.baseUrl()).apiKey("")).score(builtIn("Answer Relevancy"), turn("Hi", "Hello"));

            assertThat(judge.requests().getFirst().authorization()).isNull();
        }

        @Test
        void score_sendsExactlyTheDeclaredParameters() {
            scorer().score(builtIn("Faithfulness"), everyParameter());

            String user = judge.requests().getFirst().user();
            assertThat(JudgePromptsTest.blocks(user)).containsExactly("input", "actual_output", "retrieval_context");
            assertThat(user).contains("value of input", "value of actual_output", "value of retrieval_context")
                    .doesNotContain("value of expected_output", "value of context\n", "value of product_description", "value of goal");
        }

        @Test
        void score_withConversationalMetric_sendsEveryTurnInOrder() {
            scorer().score(builtIn("Knowledge Retention"), everyParameter());

            String user = judge.requests().getFirst().user();
            assertThat(user).containsSubsequence("first question", "first answer", "second question", "second answer",
                    "third question", "third answer");
        }

        @Test
        void score_withMetricModel_asksThatModel() {
            scorer().score(partialPrompt(List.of("actual_output"), "Is it polite?", "gpt-4.1-mini"), everyParameter());

            assertThat(judge.requests().getFirst().model()).isEqualTo("gpt-4.1-mini");
        }

        @Test
        void score_withMetricModelsOff_asksTheConfiguredModel() {
            scorer(settings(judge.baseUrl()).metricModels(false))
                    .score(partialPrompt(List.of("actual_output"), "Is it polite?", "gpt-4.1-mini"), everyParameter());

            assertThat(judge.requests().getFirst().model()).isEqualTo("judge-model");
        }

        @Test
        void score_withPartialPrompt_sendsTheSelectedParametersThenTheJudgePrompt() {
            scorer().score(partialPrompt(List.of("goal", "actual_output"), "Score 1 if the answer is polite.", null), everyParameter());

            String user = judge.requests().getFirst().user();
            assertThat(JudgePromptsTest.blocks(user)).containsExactly("goal", "actual_output");
            assertThat(user).endsWith("</actual_output>\n\nScore 1 if the answer is polite.\n");
        }

        @Test
        void score_withMissingParameters_skipsNamingThemWithoutCallingTheJudge() {
            ScoreOutcome outcome = scorer().score(builtIn("Factual Accuracy"), turn("What is 2+2?", ""));

            assertThat(outcome).isEqualTo(new ScoreOutcome.Skipped(
                    "Missing evaluation parameters for Factual Accuracy: actual_output, expected_output", true,
                    List.of("actual_output", "expected_output")));
            assertThat(judge.requests()).isEmpty();
        }
    }

    @Nested
    class MalformedAnswers {

        @Test
        void score_withMalformedAnswerTwice_failsKeepingTheRawAnswers() {
            judge.enqueue(Reply.content("I think it deserves a 1."), Reply.content("{\"score\": \"high\"}"));

            ScoreOutcome outcome = scorer().score(builtIn("Answer Relevancy"), turn("What is 2+2?", "4"));

            assertThat(outcome).isInstanceOfSatisfying(ScoreOutcome.Failed.class, failed -> {
                assertThat(failed.error()).contains("I think it deserves a 1.").contains("{\"score\": \"high\"}");
                assertThat(failed.canRetry()).isTrue();
                assertThat(failed.usage()).isEqualTo(new ModelUsage("judge-model", 2, 240, 60));
            });
            assertThat(judge.requests()).hasSize(2);
        }

        @Test
        void score_withMalformedAnswer_asksAgainShowingTheAnswerAndWhatIsWrong() {
            judge.enqueue(Reply.content("not json"), Reply.verdict(0, "Off topic."));

            ScoreOutcome outcome = scorer().score(builtIn("Answer Relevancy"), turn("What is 2+2?", "Paris"));

            assertThat(outcome).isEqualTo(new ScoreOutcome.Scored(0, "Off topic.", 2, new ModelUsage("judge-model", 2, 240, 60)));
            FakeOpenAiServer.Request second = judge.requests().get(1);
            assertThat(second.roles()).containsExactly("system", "user", "assistant", "user");
            assertThat(second.contents().get(2)).isEqualTo("not json");
            assertThat(second.contents().get(3)).contains("holds no JSON object");
        }

        @Test
        void score_withScoreOutsideTheBinaryScale_asksAgain() {
            judge.enqueue(Reply.verdict(0.7, "Mostly relevant."), Reply.verdict(1, "Relevant."));

            ScoreOutcome outcome = scorer().score(builtIn("Answer Relevancy"), turn("What is 2+2?", "4"));

            assertThat(outcome).isInstanceOfSatisfying(ScoreOutcome.Scored.class, scored -> assertThat(scored.score()).isEqualTo(1));
            assertThat(judge.requests().get(1).contents().get(3)).contains("outside the metric's scale");
        }
    }

    @Nested
    class ProviderFailures {

        @Test
        void score_with429AndRetryAfter_waitsThatLongThenScores() {
            judge.enqueue(Reply.rateLimited(Map.of("Retry-After", "2")));

            ScoreOutcome outcome = scorer().score(builtIn("Answer Relevancy"), turn("Hi", "Hello"));

            assertThat(outcome).isInstanceOf(ScoreOutcome.Scored.class);
            assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
            assertThat(judge.requests()).hasSize(2);
        }

        @Test
        void score_with429AndRetryAfterMilliseconds_waitsThatLong() {
            judge.enqueue(Reply.rateLimited(Map.of("retry-after-ms", "1500", "Retry-After", "2")));

            scorer().score(builtIn("Answer Relevancy"), turn("Hi", "Hello"));

            assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(1500));
        }

        @Test
        void score_with429AskingForTooLongAPause_handsBackAndPausesTheEndpoint() {
            judge.enqueue(Reply.rateLimited(Map.of("Retry-After", "120")));
            JudgeScorer scorer = scorer();

            ScoreOutcome first = scorer.score(builtIn("Answer Relevancy"), turn("Hi", "Hello"));
            ScoreOutcome second = scorer.score(builtIn("Answer Relevancy"), turn("Hi", "Hello"));

            assertThat(first).isEqualTo(new ScoreOutcome.Retryable("The LLM judge asked to wait PT2M (HTTP 429: "
                    + "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}})", clock.instant().plusSeconds(120)));
            assertThat(second).isInstanceOfSatisfying(ScoreOutcome.Retryable.class, retryable -> {
                assertThat(retryable.error()).contains("circuit open");
                assertThat(retryable.notBefore()).isEqualTo(clock.instant().plusSeconds(120));
            });
            assertThat(judge.requests()).hasSize(1);
            assertThat(sleeper.waits()).isEmpty();
        }

        @Test
        void score_with500ThenSuccess_retriesWithBackoffAndScores() {
            judge.enqueue(Reply.status(500, "{\"error\":{\"message\":\"boom\"}}"), Reply.status(503, "busy"));

            ScoreOutcome outcome = scorer().score(builtIn("Answer Relevancy"), turn("Hi", "Hello"));

            assertThat(outcome).isInstanceOf(ScoreOutcome.Scored.class);
            assertThat(judge.requests()).hasSize(3);
            assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        }

        @Test
        void score_with500EveryTime_givesUpAfterTheRetriesAsRetryable() {
            judge.answerByDefault(request -> Reply.status(500, "boom"));

            ScoreOutcome outcome = scorer(settings(judge.baseUrl()).failureThreshold(10)).score(builtIn("Answer Relevancy"),
                    turn("Hi", "Hello"));

            assertThat(outcome).isInstanceOfSatisfying(ScoreOutcome.Retryable.class,
                    retryable -> assertThat(retryable.error()).contains("failed 3 times").contains("HTTP 500"));
            assertThat(judge.requests()).hasSize(3);
        }

        @Test
        void score_withTimeout_isRetryable() {
            judge.answerByDefault(request -> Reply.verdict(1, "late").heldBack());

            ScoreOutcome outcome = scorer(settings(judge.baseUrl()).timeout(Duration.ofMillis(300)).maxRetries(1))
                    .score(builtIn("Answer Relevancy"), turn("Hi", "Hello"));

            assertThat(outcome).isInstanceOfSatisfying(ScoreOutcome.Retryable.class,
                    retryable -> assertThat(retryable.error()).contains("no answer within PT0.3S"));
            assertThat(judge.requests()).hasSize(2);
        }

        @Test
        void score_withUnauthorized_failsWithoutRetrying() {
            judge.enqueue(Reply.status(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}"));

            ScoreOutcome outcome = scorer().score(builtIn("Answer Relevancy"), turn("Hi", "Hello"));

            assertThat(outcome).isInstanceOfSatisfying(ScoreOutcome.Failed.class, failed -> {
                assertThat(failed.error()).contains("HTTP 401").contains("Incorrect API key provided");
                assertThat(failed.canRetry()).isTrue();
            });
            assertThat(judge.requests()).hasSize(1);
        }

        @Test
        void score_withProviderDown_isRetryable() throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }

            ScoreOutcome outcome = scorer(settings("http://127.0.0.1:" + closedPort + "/v1").maxRetries(1))
                    .score(builtIn("Answer Relevancy"), turn("Hi", "Hello"));

            assertThat(outcome).isInstanceOfSatisfying(ScoreOutcome.Retryable.class,
                    retryable -> assertThat(retryable.error()).contains("cannot reach the endpoint"));
            assertThat(sleeper.waits()).hasSize(1);
        }

        @Test
        void score_withProviderFailingInARow_opensTheCircuitAndStopsCalling() {
            judge.answerByDefault(request -> Reply.status(503, "down"));
            JudgeScorer scorer = scorer(settings(judge.baseUrl()).maxRetries(0).failureThreshold(3));

            List<ScoreOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                outcomes.add(scorer.score(builtIn("Answer Relevancy"), turn("Hi", "Hello")));
            }

            assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(ScoreOutcome.Retryable.class));
            ScoreOutcome.Retryable last = (ScoreOutcome.Retryable) outcomes.getLast();
            assertThat(last.error()).contains("circuit open");
            assertThat(last.notBefore()).as("the worker waits for the circuit").isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
            assertThat(judge.requests()).hasSize(3);
        }

        @Test
        void score_afterTheOpenDuration_probesAndClosesTheCircuitOnSuccess() {
            judge.enqueue(Reply.status(503, "down"), Reply.status(503, "down"), Reply.status(503, "down"));
            JudgeScorer scorer = scorer(settings(judge.baseUrl()).maxRetries(0).failureThreshold(3));
            for (int i = 0; i < 3; i++) {
                scorer.score(builtIn("Answer Relevancy"), turn("Hi", "Hello"));
            }

            clock.advance(Duration.ofMinutes(1));
            ScoreOutcome probe = scorer.score(builtIn("Answer Relevancy"), turn("Hi", "Hello"));
            ScoreOutcome next = scorer.score(builtIn("Answer Relevancy"), turn("Hi", "Hello"));

            assertThat(probe).isInstanceOf(ScoreOutcome.Scored.class);
            assertThat(next).isInstanceOf(ScoreOutcome.Scored.class);
            assertThat(judge.requests()).hasSize(5);
        }
    }

    @Nested
    class Concurrency {

        @Test
        void score_manyAtOnce_keepsAtMostTheLimitInFlight() throws Exception {
            judge.answerByDefault(request -> Reply.verdict(1, "ok").heldBack());
            JudgeScorer scorer = scorer(settings(judge.baseUrl()).maxConcurrency(2));
            EvaluationInput input = turn("Hi", "Hello");

            List<Future<ScoreOutcome>> outcomes = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 6; i++) {
                    outcomes.add(threads.submit(() -> scorer.score(builtIn("Answer Relevancy"), input)));
                }
                await().atMost(Duration.ofSeconds(5)).until(() -> judge.inFlight() == 2);
                await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> judge.inFlight() == 2);
                judge.releaseHeld();
            }

            for (Future<ScoreOutcome> outcome : outcomes) {
                assertThat(outcome.get()).isInstanceOf(ScoreOutcome.Scored.class);
            }
            assertThat(judge.requests()).hasSize(6);
            assertThat(judge.maxInFlight()).isEqualTo(2);
        }
    }
}
