package dev.assay.analysis;

/** What a comparison concludes for one metric. */
public enum Verdict {
    /** The candidate scores significantly higher (Holm-adjusted p below the significance level). */
    IMPROVED,
    /** The candidate scores significantly lower. */
    REGRESSED,
    /** No significant difference. */
    NO_CHANGE,
    /** Too few scores to test: fewer than two units (pairs, or evaluations of a side). */
    INSUFFICIENT_DATA
}
