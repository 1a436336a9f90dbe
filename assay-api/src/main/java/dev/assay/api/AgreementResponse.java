package dev.assay.api;

import java.util.List;

/**
 * The answer of {@code GET /agreement}: how well machine scores agree with the human scores given
 * to the same evaluations, one entry per metric.
 *
 * @param passThreshold the score at or above which either score counts as a pass, for κ and the confusion matrix
 * @param metrics one entry per metric, ordered by metric name then id
 */
public record AgreementResponse(double passThreshold, List<MetricAgreementResponse> metrics) {}
