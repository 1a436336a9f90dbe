package dev.assay.analysis;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One version's scored evaluations of one metric, in a fixed order, each with its test case id
 * (null when the evaluation ran on no test case).
 */
record Sample(double[] scores, @Nullable String[] testCaseIds) {
    Sample {
        requireNonNull(scores, "scores");
        requireNonNull(testCaseIds, "testCaseIds");
        if (scores.length != testCaseIds.length) {
            throw new IllegalArgumentException("one test case id per score");
        }
    }

    static Sample empty() {
        return new Sample(new double[0], new String[0]);
    }

    int size() {
        return scores.length;
    }
}
