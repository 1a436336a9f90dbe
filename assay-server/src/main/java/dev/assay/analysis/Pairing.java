package dev.assay.analysis;

/** How the two versions' scores of a metric are matched. */
public enum Pairing {
    /** Both versions were scored on the same test cases: one unit per test case. */
    PAIRED,
    /** Otherwise: one unit per evaluation, two independent samples. */
    UNPAIRED
}
