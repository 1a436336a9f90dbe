package dev.assay.metrics.text;

import dev.assay.metrics.Metric;
import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import dev.assay.metrics.internal.PythonText;
import dev.assay.metrics.internal.RequiredParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Galtea's "METEOR": NLTK's {@code single_meteor_score(expected_output.split(),
 * actual_output.split())} with its defaults, Porter stemmer ({@code NLTK_EXTENSIONS}) and
 * Princeton WordNet 3.0 (metrics spec §3).
 *
 * <p>Tokens come from Python whitespace splitting and are lower-cased, so punctuation stays
 * attached ({@code mat.} never matches {@code mat}). Unigrams are aligned greedily in three stages
 * (exact, Porter stem, WordNet synonym of the stem; see {@link MeteorAlignment}); with {@code m}
 * matches, precision {@code P = m / |hypothesis|}, recall {@code R = m / |reference|}, {@code
 * Fmean = P R / (0.9 P + 0.1 R)}, and the score is {@code Fmean (1 - 0.5 (chunks / m)^3)}, or 0.0
 * without matches. A perfect match of n tokens therefore scores {@code 1 - 0.5 / n^3}, as in NLTK.
 *
 * <p>Deterministic; continuous in [0, 1]. Skips when {@code actual_output} or {@code
 * expected_output} is null or empty. The first call that reaches the synonym stage loads WordNet
 * (about half a second); if the dictionary cannot be loaded, such calls answer {@link
 * MetricResult.Failed}. Instances are stateless and thread-safe.
 */
public final class Meteor implements Metric {

    /** The Galtea display name, {@value}. */
    public static final String NAME = "METEOR";

    private static final double ALPHA = 0.9;
    private static final double BETA = 3.0;
    private static final double GAMMA = 0.5;

    /** Creates the metric; it holds no state (WordNet is shared and loaded on first use). */
    public Meteor() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MetricResult score(MetricInput input) {
        return RequiredParameters.scoreOutputs(input, NAME, Meteor::compare);
    }

    private static MetricResult compare(String actual, String expected) {
        List<String> hypothesis = lowerCased(PythonText.split(actual));
        List<String> reference = lowerCased(PythonText.split(expected));
        MeteorAlignment alignment = MeteorAlignment.align(hypothesis, reference);
        int matches = alignment.matchCount();
        if (matches == 0) {
            return new MetricResult.Scored(0.0, String.format(
                    Locale.ROOT,
                    "METEOR 0.0000: no aligned words (hypothesis %d tokens, reference %d)",
                    hypothesis.size(),
                    reference.size()));
        }
        double precision = (double) matches / hypothesis.size();
        double recall = (double) matches / reference.size();
        double fmean = (precision * recall) / (ALPHA * precision + (1 - ALPHA) * recall);
        int chunks = alignment.chunkCount();
        double fragmentation = (double) chunks / matches;
        double penalty = GAMMA * Math.pow(fragmentation, BETA);
        double score = Math.max(0.0, Math.min(1.0, (1 - penalty) * fmean));
        return new MetricResult.Scored(score, String.format(
                Locale.ROOT,
                "METEOR %.4f: %d aligned words (%d exact, %d stem, %d synonym) in %d chunks, precision %.4f"
                        + " (hypothesis %d tokens), recall %.4f (reference %d), fragmentation penalty %.4f",
                score,
                matches,
                alignment.exactMatches(),
                alignment.stemMatches(),
                alignment.synonymMatches(),
                chunks,
                precision,
                hypothesis.size(),
                recall,
                reference.size(),
                penalty));
    }

    private static List<String> lowerCased(List<String> tokens) {
        List<String> lower = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            lower.add(PythonText.lower(token));
        }
        return lower;
    }
}
