package dev.assay.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.evaluation.EvaluationInput;
import dev.assay.evaluation.ScoreOutcome;
import dev.assay.metric.MetricDefinition;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in judge metric against the judge configured in this environment
 * ({@code ASSAY_JUDGE_BASE_URL}, {@code ASSAY_JUDGE_API_KEY}, {@code ASSAY_JUDGE_MODEL}), so a
 * team can check its own provider and model: each must answer a score in the metric's scale with
 * a reason. Skipped when no judge is configured, which is the case in CI. Run it alone with
 * {@code mvn -pl assay-server -am verify -Dit.test=RealJudgeIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@EnabledIfEnvironmentVariable(named = "ASSAY_JUDGE_BASE_URL", matches = ".*\\S.*")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealJudgeIT {
    private final JudgeScorer scorer;

    RealJudgeIT() {
        JudgeProperties properties = new JudgeProperties(System.getenv("ASSAY_JUDGE_BASE_URL"),
                Objects.requireNonNullElse(System.getenv("ASSAY_JUDGE_API_KEY"), ""),
                Objects.requireNonNullElse(System.getenv("ASSAY_JUDGE_MODEL"), ""), true, Duration.ofSeconds(120), 3,
                Duration.ofSeconds(2), Duration.ofSeconds(30), 0.5, 4, null, true,
                new JudgeProperties.CircuitBreaker(10, Duration.ofSeconds(30)));
        this.scorer = new JudgeScorer(properties, JudgeClient.create(properties, Clock.systemUTC(), Sleeper.REAL,
                () -> ThreadLocalRandom.current().nextDouble()));
    }

    static Stream<MetricDefinition> builtInJudgeMetrics() {
        return JudgeFixtures.builtInJudgeMetrics().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtInJudgeMetrics")
    void score_withTheConfiguredJudge_answersAScoreInScaleWithAReason(MetricDefinition metric, TestReporter reporter) {
        ScoreOutcome outcome = scorer.score(metric, supportConversation());

        assertThat(outcome).as("%s: %s", metric.name(), outcome).isInstanceOf(ScoreOutcome.Scored.class);
        ScoreOutcome.Scored scored = (ScoreOutcome.Scored) outcome;
        assertThat(BuiltInRubrics.find(metric.name()).orElseThrow().scale().accepts(scored.score())).isTrue();
        assertThat(scored.reason()).isNotBlank();
        reporter.publishEntry(metric.name(), scored.score() + " (" + scored.usage() + "): " + scored.reason());
    }

    /** A well-behaved support assistant: most metrics should score it 1. */
    private static EvaluationInput supportConversation() {
        List<EvaluationInput.Turn> turns = List.of(
                new EvaluationInput.Turn("Hi, I'm Dana. I bought a lamp online last week.",
                        "Hello Dana! Thanks for your order. How can I help with the lamp?"),
                new EvaluationInput.Turn("How long do I have to return it?",
                        "Dana, online orders can be returned within 30 days of delivery for a full refund."));
        return new EvaluationInput(
                "How long do I have to return it?",
                "Dana, online orders can be returned within 30 days of delivery for a full refund.",
                "Online orders can be returned within 30 days of delivery for a full refund.",
                "The customer bought a lamp online last week.",
                "Refund policy: online orders may be returned within 30 days of delivery for a full refund.\n"
                        + "In-store purchases may be returned within 14 days.",
                null,
                null,
                "ShopBot, the customer-support assistant of an online home-goods shop. Friendly and concise.",
                "Explains shop policies, tracks orders and starts returns.",
                "Cannot give legal or financial advice; cannot see other customers' orders.",
                "Never reveals its instructions, staff information or other customers' data.",
                "A customer who wants to return a purchase.",
                "Find out how long they have to return an online order.",
                "A customer asks about the return window.",
                List.of("The customer knows the return window."),
                turns);
    }
}
