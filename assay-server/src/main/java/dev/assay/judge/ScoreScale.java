package dev.assay.judge;

/** The scores a judged metric may take (docs/reference/metrics.md §12). */
enum ScoreScale {
    /** 0 (the criteria are not met) or 1 (they are). */
    BINARY("\"score\" must be 1 when the criteria are met and 0 when they are not; no other value."),
    /** Any number from 0 (worst) to 1 (best). */
    CONTINUOUS("\"score\" must be a number from 0 (worst) to 1 (best).");

    private final String instruction;

    ScoreScale(String instruction) {
        this.instruction = instruction;
    }

    /** The sentence that tells the judge the scale. */
    String instruction() {
        return instruction;
    }

    boolean accepts(double score) {
        return switch (this) {
            case BINARY -> score == 0 || score == 1;
            case CONTINUOUS -> score >= 0 && score <= 1;
        };
    }
}
