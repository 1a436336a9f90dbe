package dev.assay.metric;

import dev.assay.common.CreatedBetween;
import dev.assay.common.StrictIds;
import java.util.List;

/** The filters of {@code GET /metrics}; {@link MetricRepository#where} turns them into SQL. */
record MetricFilter(List<String> names, List<String> tags, boolean includeLegacy, CreatedBetween created, StrictIds ids) {}
