package dev.assay.judge;

import static java.util.Objects.requireNonNull;

/**
 * How the judge scores one built-in metric: the scale, whether it reads the whole conversation
 * (every turn's input and actual output, in order) instead of one turn, and the criteria.
 */
record Rubric(ScoreScale scale, boolean conversational, String criteria) {

    Rubric {
        requireNonNull(scale, "scale");
        requireNonNull(criteria, "criteria");
    }
}
