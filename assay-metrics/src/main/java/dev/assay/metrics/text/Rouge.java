package dev.assay.metrics.text;

import dev.assay.metrics.Metric;
import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import dev.assay.metrics.internal.PythonText;
import dev.assay.metrics.internal.RequiredParameters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Galtea's "ROUGE": the ROUGE-L F-measure of Google's {@code rouge-score}, {@code
 * RougeScorer(["rougeL"], use_stemmer=False).score(expected_output, actual_output)["rougeL"].fmeasure}
 * (metrics spec §2).
 *
 * <p>Tokens are the maximal runs of {@code [a-z0-9]} after lower-casing, so every non-ASCII
 * character separates tokens ({@code niño} gives {@code ni}, {@code o}), exactly as rouge-score
 * does. No stemming. The longest common subsequence of the token lists gives precision (over the
 * actual output) and recall (over the expected output); the score is their harmonic mean, 0.0 when
 * either side has no token. Deterministic; continuous in [0, 1]. Skips when {@code actual_output}
 * or {@code expected_output} is null or empty. The LCS runs bit-parallel in linear memory, so very
 * long texts are fine. Instances are stateless and thread-safe.
 */
public final class Rouge implements Metric {

    /** The Galtea display name, {@value}. */
    public static final String NAME = "ROUGE";

    /** Creates the metric; it holds no state. */
    public Rouge() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MetricResult score(MetricInput input) {
        return RequiredParameters.scoreOutputs(input, NAME, Rouge::compare);
    }

    private static MetricResult compare(String actual, String expected) {
        List<String> prediction = tokenize(actual);
        List<String> target = tokenize(expected);
        if (prediction.isEmpty() || target.isEmpty()) {
            return new MetricResult.Scored(0.0, String.format(
                    Locale.ROOT,
                    "ROUGE-L 0.0000: no word tokens to compare (actual %d tokens, expected %d)",
                    prediction.size(),
                    target.size()));
        }
        Map<String, Integer> ids = new HashMap<>();
        int[] predictionIds = toIds(prediction, ids);
        int[] targetIds = toIds(target, ids);
        int commonLength = LongestCommonSubsequence.length(targetIds, predictionIds);
        double precision = (double) commonLength / prediction.size();
        double recall = (double) commonLength / target.size();
        double score = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
        return new MetricResult.Scored(score, String.format(
                Locale.ROOT,
                "ROUGE-L %.4f: longest common subsequence %d tokens, precision %.4f (actual %d tokens), recall %.4f (expected %d)",
                score,
                commonLength,
                precision,
                prediction.size(),
                recall,
                target.size()));
    }

    /** rouge-score's default tokenizer without stemming. */
    static List<String> tokenize(String text) {
        String lower = PythonText.lower(text);
        List<String> tokens = new ArrayList<>();
        int length = lower.length();
        int index = 0;
        while (index < length) {
            while (index < length && !isAsciiAlphanumeric(lower.charAt(index))) {
                index++;
            }
            int start = index;
            while (index < length && isAsciiAlphanumeric(lower.charAt(index))) {
                index++;
            }
            if (index > start) {
                tokens.add(lower.substring(start, index));
            }
        }
        return tokens;
    }

    private static boolean isAsciiAlphanumeric(char character) {
        return (character >= 'a' && character <= 'z') || (character >= '0' && character <= '9');
    }

    private static int[] toIds(List<String> tokens, Map<String, Integer> ids) {
        int[] result = new int[tokens.size()];
        for (int index = 0; index < result.length; index++) {
            result[index] = ids.computeIfAbsent(tokens.get(index), token -> ids.size());
        }
        return result;
    }
}
