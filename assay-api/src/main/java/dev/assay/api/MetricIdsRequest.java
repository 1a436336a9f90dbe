package dev.assay.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The metrics to link to or unlink from a specification. */
public record MetricIdsRequest(@NotNull @Size(max = 1000) @Nullable List<String> metricIds) {}
