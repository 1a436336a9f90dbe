package dev.assay.judge;

import dev.assay.evaluation.EvaluationInput;
import dev.assay.evaluation.ModelUsage;
import dev.assay.evaluation.ScoreOutcome;
import dev.assay.evaluation.Scorer;
import dev.assay.metric.MetricDefinition;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Scores the LLM-judged metrics (GEVAL, DEEPEVAL, FULL_PROMPT, PARTIAL_PROMPT) through the
 * configured judge; without one it supports nothing, and the runner skips those evaluations with
 * a message saying how to configure a judge. Missing parameters are SKIPPED without a call. An
 * answer that cannot be read is asked for once more, then FAILED with the raw answers kept.
 * Runs on the worker's virtual threads and blocks on the judge (docs/decisions/0005-judge-client.md).
 */
public final class JudgeScorer implements Scorer {
    private static final int KEPT_ANSWER_CHARACTERS = 2000;

    private final JudgeProperties properties;
    private final @Nullable JudgeClient client;

    JudgeScorer(JudgeProperties properties, @Nullable JudgeClient client) {
        this.properties = properties;
        this.client = client;
    }

    @Override
    public boolean supports(MetricDefinition metric) {
        return client != null && metric.source().isJudged();
    }

    @Override
    public ScoreOutcome score(MetricDefinition metric, EvaluationInput input) {
        JudgeClient judge = client;
        if (judge == null) {
            throw new IllegalStateException("No judge is configured");
        }
        return switch (JudgePrompts.build(metric, input)) {
            case JudgePrompts.Result.Missing missing -> new ScoreOutcome.Skipped("Missing evaluation parameters for "
                    + metric.name() + ": " + String.join(", ", missing.parameters()), true, missing.parameters());
            case JudgePrompts.Result.Unusable unusable -> new ScoreOutcome.Failed(unusable.reason(), false);
            case JudgePrompts.Result.Ready ready -> judge(judge, modelFor(metric), ready.prompt());
        };
    }

    /** The model asked: the metric's own evaluator model, else the configured one. */
    String modelFor(MetricDefinition metric) {
        String own = metric.evaluatorModelName();
        return properties.metricModels() && own != null && !own.isBlank() ? own.strip() : properties.model();
    }

    private static ScoreOutcome judge(JudgeClient judge, String model, JudgePrompts.JudgePrompt prompt) {
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user())));
        List<String> answers = new ArrayList<>();
        ModelUsage usage = null;
        for (int round = 1;; round++) {
            JudgeReply reply = judge.ask(model, messages);
            switch (reply) {
                case JudgeReply.Unavailable unavailable -> {
                    return new ScoreOutcome.Retryable(unavailable.reason(), unavailable.notBefore(), usage);
                }
                case JudgeReply.Rejected rejected -> {
                    return new ScoreOutcome.Failed(rejected.reason(), true, usage);
                }
                case JudgeReply.Answered answered -> {
                    usage = usage == null ? answered.usage() : usage.plus(answered.usage());
                    answers.add(answered.text());
                    switch (JudgeAnswers.read(answered.text(), prompt.scale())) {
                        case JudgeAnswers.Reading.Verdict verdict -> {
                            return new ScoreOutcome.Scored(verdict.score(), verdict.reason(), usage.calls(), usage);
                        }
                        case JudgeAnswers.Reading.Invalid invalid -> {
                            if (round == 2) {
                                return new ScoreOutcome.Failed("The LLM judge's answer could not be used twice (" + invalid.problem()
                                        + "). Raw answers: " + quoted(answers), true, usage);
                            }
                            messages.add(AiMessage.from(answered.text().isEmpty() ? "(empty)" : answered.text()));
                            messages.add(UserMessage.from("That answer cannot be used: " + invalid.problem()
                                    + ". Answer again with only the JSON object {\"score\": <number>, \"reason\": \"<text>\"}. "
                                    + prompt.scale().instruction()));
                        }
                    }
                }
            }
        }
    }

    private static String quoted(List<String> answers) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            String answer = answers.get(i);
            String shortened = answer.length() <= KEPT_ANSWER_CHARACTERS ? answer : answer.substring(0, KEPT_ANSWER_CHARACTERS) + "...";
            kept.add((i + 1) + ") «" + shortened + "»");
        }
        return String.join(" ", kept);
    }
}
