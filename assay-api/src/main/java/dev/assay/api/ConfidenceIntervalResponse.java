package dev.assay.api;

/** A two-sided confidence interval, {@code low <= high}. */
public record ConfidenceIntervalResponse(double low, double high) {}
