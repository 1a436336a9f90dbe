package dev.assay.api;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The metrics to link to or unlink from a specification. */
public record MetricIdsRequest(@NotNull @Nullable List<String> metricIds) {}
