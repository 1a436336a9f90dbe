package dev.assay.evaluation;

import org.jspecify.annotations.Nullable;

/** One item of an evaluation request's {@code metrics}: a metric by id or name, with an optional pre-computed score. */
public record MetricReference(@Nullable String id, @Nullable String name, @Nullable Double score) {}
