package dev.assay.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.judge.JudgeAnswers.Reading;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JudgeAnswersTest {

    @Test
    void read_plainObject_isTheVerdict() {
        assertThat(JudgeAnswers.read("{\"score\": 1, \"reason\": \" Relevant. \"}", ScoreScale.BINARY))
                .isEqualTo(new Reading.Verdict(1, "Relevant."));
    }

    @Test
    void read_objectInACodeFenceAfterPreamble_isTheVerdict() {
        String answer = "Here is my evaluation:\n```json\n{\"score\": 0.25, \"reason\": \"One of four.\"}\n```";

        assertThat(JudgeAnswers.read(answer, ScoreScale.CONTINUOUS)).isEqualTo(new Reading.Verdict(0.25, "One of four."));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "no json at all | holds no JSON object",
            "{\"score\": 1, \"reason\": } | not valid JSON",
            "{\"reason\": \"fine\"} | \"score\" is missing or not a number",
            "{\"score\": \"1\", \"reason\": \"fine\"} | \"score\" is missing or not a number",
            "{\"score\": 1} | \"reason\" is missing",
            "{\"score\": 1, \"reason\": \"  \"} | \"reason\" is missing",
            "{\"score\": 1, \"reason\": 5} | \"reason\" is missing",
            "{\"score\": 1.5, \"reason\": \"fine\"} | outside the metric's scale",
            "{\"score\": -0.1, \"reason\": \"fine\"} | outside the metric's scale"
    })
    void read_unusableAnswer_saysWhatIsWrong(String answer, String problem) {
        assertThat(JudgeAnswers.read(answer, ScoreScale.CONTINUOUS))
                .isInstanceOfSatisfying(Reading.Invalid.class, invalid -> assertThat(invalid.problem()).contains(problem));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 0.99, 2})
    void read_binaryScaleWithOtherScore_isInvalid(double score) {
        assertThat(JudgeAnswers.read("{\"score\": " + score + ", \"reason\": \"x\"}", ScoreScale.BINARY))
                .isInstanceOf(Reading.Invalid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "0.0", "1.0"})
    void read_binaryScaleWithZeroOrOne_isTheVerdict(String score) {
        assertThat(JudgeAnswers.read("{\"score\": " + score + ", \"reason\": \"x\"}", ScoreScale.BINARY))
                .isInstanceOf(Reading.Verdict.class);
    }
}
