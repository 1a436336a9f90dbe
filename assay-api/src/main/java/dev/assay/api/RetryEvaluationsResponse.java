package dev.assay.api;

import java.util.List;

/**
 * The outcome of a retry request: how many evaluations went back to a queue, how many could not,
 * and one message per evaluation that could not.
 */
public record RetryEvaluationsResponse(int retried, int skipped, List<String> errors) {}
