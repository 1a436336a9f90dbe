package dev.assay.trace;

import dev.assay.common.CreatedBetween;
import dev.assay.common.IdFilter;
import dev.assay.common.StrictIds;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The filters of {@code GET /traces}; {@link TraceRepository#where} turns them into SQL.
 *
 * @param types span type names ({@link SpanType#name()})
 */
record SpanFilter(IdFilter inferenceResultIds, IdFilter sessionIds, List<String> types, List<String> names,
        @Nullable Instant fromStartTime, @Nullable Instant toStartTime, CreatedBetween created, StrictIds ids) {}
