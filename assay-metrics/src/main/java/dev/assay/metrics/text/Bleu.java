package dev.assay.metrics.text;

import dev.assay.metrics.Metric;
import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import dev.assay.metrics.internal.RequiredParameters;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Galtea's "BLEU": sacrebleu {@code sentence_bleu(actual_output, [expected_output]).score / 100}
 * with sacrebleu's defaults (metrics spec §1).
 *
 * <p>Those defaults are the {@code 13a} tokenizer, case-sensitive matching, n-grams of order 1 to
 * 4, exponential smoothing of zero precisions and "effective order" (orders longer than the
 * hypothesis are left out of the geometric mean). Deterministic; the score is continuous in
 * [0, 1]. Skips when {@code actual_output} or {@code expected_output} is null or empty; a
 * whitespace-only side has no tokens and scores 0.0. Instances are stateless and thread-safe.
 */
public final class Bleu implements Metric {

    /** The Galtea display name, {@value}. */
    public static final String NAME = "BLEU";

    private static final int MAX_ORDER = 4;

    /** Creates the metric; it holds no state. */
    public Bleu() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MetricResult score(MetricInput input) {
        return RequiredParameters.scoreOutputs(input, NAME, Bleu::compare);
    }

    private static MetricResult compare(String actual, String expected) {
        List<String> hypothesis = SacrebleuTokenizer.tokenize(actual);
        List<String> reference = SacrebleuTokenizer.tokenize(expected);
        int hypothesisLength = hypothesis.size();
        int referenceLength = reference.size();

        int[] correct = new int[MAX_ORDER + 1];
        int[] total = new int[MAX_ORDER + 1];
        boolean anyCorrect = false;
        for (int order = 1; order <= MAX_ORDER; order++) {
            Map<String, Integer> referenceCounts = countNgrams(reference, order);
            Map<String, Integer> hypothesisCounts = countNgrams(hypothesis, order);
            total[order] = Math.max(0, hypothesisLength - order + 1);
            for (Map.Entry<String, Integer> entry : hypothesisCounts.entrySet()) {
                correct[order] += Math.min(entry.getValue(), referenceCounts.getOrDefault(entry.getKey(), 0));
            }
            anyCorrect |= correct[order] > 0;
        }
        if (!anyCorrect) {
            return new MetricResult.Scored(0.0, String.format(
                    Locale.ROOT,
                    "BLEU 0.0000: no n-gram of the hypothesis occurs in the reference (hypothesis %d tokens, reference %d)",
                    hypothesisLength,
                    referenceLength));
        }

        double brevityPenalty = hypothesisLength < referenceLength
                ? Math.exp(1.0 - (double) referenceLength / hypothesisLength)
                : 1.0;
        double[] precisions = new double[MAX_ORDER + 1];
        double smoothing = 1.0;
        int effectiveOrder = 0;
        for (int order = 1; order <= MAX_ORDER && total[order] > 0; order++) {
            effectiveOrder = order;
            if (correct[order] > 0) {
                precisions[order] = (double) correct[order] / total[order];
            } else {
                smoothing *= 2;
                precisions[order] = 1.0 / (smoothing * total[order]);
            }
        }
        double logSum = 0.0;
        for (int order = 1; order <= effectiveOrder; order++) {
            logSum += Math.log(precisions[order]);
        }
        double score = Math.min(1.0, brevityPenalty * Math.exp(logSum / effectiveOrder));
        return new MetricResult.Scored(score, reason(score, precisions, effectiveOrder, brevityPenalty, hypothesisLength, referenceLength));
    }

    private static Map<String, Integer> countNgrams(List<String> tokens, int order) {
        Map<String, Integer> counts = new HashMap<>();
        for (int start = 0; start + order <= tokens.size(); start++) {
            String ngram = order == 1 ? tokens.get(start) : String.join(" ", tokens.subList(start, start + order));
            counts.merge(ngram, 1, Integer::sum);
        }
        return counts;
    }

    private static String reason(
            double score,
            double[] precisions,
            int effectiveOrder,
            double brevityPenalty,
            int hypothesisLength,
            int referenceLength) {
        StringJoiner joined = new StringJoiner("/");
        for (int order = 1; order <= effectiveOrder; order++) {
            joined.add(String.format(Locale.ROOT, "%.2f", precisions[order]));
        }
        return String.format(
                Locale.ROOT,
                "BLEU %.4f: precisions %s, brevity penalty %.2f (hypothesis %d tokens, reference %d)",
                score,
                joined,
                brevityPenalty,
                hypothesisLength,
                referenceLength);
    }
}
