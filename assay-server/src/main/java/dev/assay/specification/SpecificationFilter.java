package dev.assay.specification;

import dev.assay.common.CreatedBetween;
import dev.assay.common.IdFilter;
import dev.assay.common.StrictIds;
import java.util.List;

/**
 * The filters of {@code GET /specifications}; {@link SpecificationRepository#where} turns them into SQL.
 *
 * @param types specification type names ({@link SpecificationType#name()})
 * @param testTypes test types as stored
 */
record SpecificationFilter(IdFilter productIds, List<String> types, List<String> testTypes, CreatedBetween created,
        StrictIds ids) {}
