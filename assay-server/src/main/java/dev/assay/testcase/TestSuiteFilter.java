package dev.assay.testcase;

import dev.assay.common.CreatedBetween;
import dev.assay.common.IdFilter;
import dev.assay.common.StrictIds;
import java.util.List;

/** The filters of {@code GET /tests}; {@link TestSuiteRepository#where} turns them into SQL. */
record TestSuiteFilter(IdFilter productIds, List<String> names, CreatedBetween created, StrictIds ids) {}
