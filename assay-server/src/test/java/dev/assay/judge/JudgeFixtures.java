package dev.assay.judge;

import dev.assay.evaluation.EvaluationInput;
import dev.assay.metric.BuiltInMetrics;
import dev.assay.metric.MetricDefinition;
import dev.assay.metric.MetricSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** Small named factories for the judge's tests: settings, metrics, inputs, a clock and a sleeper. */
final class JudgeFixtures {

    private JudgeFixtures() {}

    /** Settings for tests: short timeout, no jitter, tiny backoff, a circuit that opens after 3 failures. */
    static Settings settings(String baseUrl) {
        return new Settings(baseUrl);
    }

    /** The built-in metric with this Galtea name, as the database holds it. */
    static MetricDefinition builtIn(String name) {
        BuiltInMetrics.BuiltIn builtIn = BuiltInMetrics.find(name).orElseThrow();
        return new MetricDefinition(builtIn.id(), null, builtIn.name(), builtIn.source(), builtIn.evaluationParams(), null, null,
                builtIn.description(), null, List.of(), List.of(), null, null, Instant.EPOCH, null);
    }

    /** Every built-in metric an LLM judges. */
    static List<MetricDefinition> builtInJudgeMetrics() {
        return BuiltInMetrics.ALL.stream()
                .filter(builtIn -> builtIn.source().isJudged())
                .map(builtIn -> builtIn(builtIn.name()))
                .toList();
    }

    /** An organization's custom judge metric: the selected parameters followed by its judge prompt. */
    static MetricDefinition partialPrompt(List<String> parameters, String judgePrompt, @Nullable String evaluatorModel) {
        return custom(MetricSource.PARTIAL_PROMPT, parameters, judgePrompt, evaluatorModel);
    }

    static MetricDefinition custom(MetricSource source, List<String> parameters, @Nullable String judgePrompt,
            @Nullable String evaluatorModel) {
        return new MetricDefinition(UUID.randomUUID(), UUID.randomUUID(), "custom-" + source, source, parameters, judgePrompt,
                evaluatorModel, null, null, List.of(), List.of(), null, null, Instant.EPOCH, null);
    }

    /**
     * Every evaluation parameter set, each value naming its parameter ({@code value of goal}), and
     * a conversation of three turns.
     */
    static EvaluationInput everyParameter() {
        return new EvaluationInput("value of input", "value of actual_output", "value of expected_output", "value of context",
                "value of retrieval_context", List.of("value of tools_used"), List.of("value of expected_tools"),
                "value of product_description", "value of product_capabilities", "value of product_inabilities",
                "value of product_security_boundaries", "value of user_persona", "value of goal", "value of scenario",
                List.of("value of stopping_criterias"), threeTurns());
    }

    /** A turn's input and output only, nothing else known. */
    static EvaluationInput turn(String input, String actualOutput) {
        return new EvaluationInput(input, actualOutput, null, null, null, null, null, null, null, null, null, null, null, null,
                null, List.of(new EvaluationInput.Turn(input, actualOutput)));
    }

    static List<EvaluationInput.Turn> threeTurns() {
        return List.of(
                new EvaluationInput.Turn("first question", "first answer"),
                new EvaluationInput.Turn("second question", "second answer"),
                new EvaluationInput.Turn("third question", "third answer"));
    }

    /** Builds {@link JudgeProperties}; every field starts at a value that keeps tests fast. */
    static final class Settings {
        private final String baseUrl;
        private String apiKey = "sk-test-key";
        private String model = "judge-model";
        private boolean metricModels = true;
        private Duration timeout = Duration.ofSeconds(5);
        private int maxRetries = 2;
        private Duration backoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(10);
        private int maxConcurrency = 4;
        private int failureThreshold = 3;
        private Duration openDuration = Duration.ofMinutes(1);

        private Settings(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        Settings apiKey(String value) {
            apiKey = value;
            return this;
        }
        Settings model(String value) {
            model = value;
            return this;
        }
        Settings metricModels(boolean value) {
            metricModels = value;
            return this;
        }
        Settings timeout(Duration value) {
            timeout = value;
            return this;
        }
        Settings maxRetries(int value) {
            maxRetries = value;
            return this;
        }
        Settings maxBackoff(Duration value) {
            maxBackoff = value;
            return this;
        }
        Settings maxConcurrency(int value) {
            maxConcurrency = value;
            return this;
        }
        Settings failureThreshold(int value) {
            failureThreshold = value;
            return this;
        }

        JudgeProperties build() {
            return new JudgeProperties(baseUrl, apiKey, model, metricModels, timeout, maxRetries, backoff, maxBackoff, 0,
                    maxConcurrency, null, true, new JudgeProperties.CircuitBreaker(failureThreshold, openDuration));
        }
    }

    /** Records the waits asked for and returns at once. */
    static final class RecordingSleeper implements Sleeper {
        private final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }

        List<Duration> waits() {
            return List.copyOf(waits);
        }
    }

    /** A clock that moves only when told. */
    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
