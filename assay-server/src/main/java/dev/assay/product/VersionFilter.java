package dev.assay.product;

import dev.assay.common.CreatedBetween;
import dev.assay.common.IdFilter;
import dev.assay.common.StrictIds;
import java.util.List;

/** The filters of {@code GET /versions}; {@link VersionRepository#where} turns them into SQL. */
record VersionFilter(IdFilter productIds, List<String> names, CreatedBetween created, StrictIds ids) {}
