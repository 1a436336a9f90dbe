package dev.assay.judge;

import static java.util.Objects.requireNonNull;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the judge's answer: one JSON object {@code {"score": number, "reason": string}}, maybe
 * inside a Markdown code fence or after a sentence of preamble (models add them even in JSON
 * mode), with a score the metric's scale allows.
 */
final class JudgeAnswers {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JudgeAnswers() {}

    /** What the answer says, or what is wrong with it. */
    sealed interface Reading {
        record Verdict(double score, String reason) implements Reading {
            public Verdict {
                requireNonNull(reason, "reason");
            }
        }

        record Invalid(String problem) implements Reading {
            public Invalid {
                requireNonNull(problem, "problem");
            }
        }
    }

    static Reading read(String answer, ScoreScale scale) {
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        if (start < 0 || end < start) {
            return new Reading.Invalid("the answer holds no JSON object");
        }
        JsonNode object;
        try {
            object = JSON.readTree(answer.substring(start, end + 1));
        } catch (JacksonException e) {
            return new Reading.Invalid("the answer is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (!object.isObject()) {
            return new Reading.Invalid("the answer is not a JSON object");
        }
        JsonNode score = object.get("score");
        if (score == null || !score.isNumber()) {
            return new Reading.Invalid("\"score\" is missing or not a number");
        }
        double value = score.doubleValue();
        if (!scale.accepts(value)) {
            return new Reading.Invalid("score " + score + " is outside the metric's scale (" + scale.instruction() + ")");
        }
        JsonNode reason = object.get("reason");
        if (reason == null || !reason.isString() || reason.stringValue().isBlank()) {
            return new Reading.Invalid("\"reason\" is missing or not a non-empty string");
        }
        return new Reading.Verdict(value, reason.stringValue().strip());
    }
}
