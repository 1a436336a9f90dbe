package dev.assay.analysis;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;

/** A candidate version compared with a base version, metric by metric. */
public record Comparison(UUID baseVersionId, UUID candidateVersionId, List<MetricComparison> metrics) {
    /** The level of the verdicts, applied to Holm-adjusted p-values. */
    public static final double SIGNIFICANCE = 0.05;

    public Comparison {
        requireNonNull(baseVersionId, "baseVersionId");
        requireNonNull(candidateVersionId, "candidateVersionId");
        metrics = List.copyOf(metrics);
    }
}
