package dev.assay.session;

import dev.assay.common.CreatedBetween;
import dev.assay.common.IdFilter;
import dev.assay.common.StrictIds;
import dev.assay.testcase.TestCaseSelection;
import java.util.List;

/**
 * The filters of {@code GET /sessions}; {@link SessionRepository#where} turns them into SQL.
 *
 * @param productVersionIds the versions of the {@code productIds} filter, resolved by the product feature
 * @param testCaseIds test case wire ids, as sessions hold them
 */
record SessionFilter(List<String> customIds, IdFilter versionIds, IdFilter productVersionIds, List<String> testCaseIds,
        TestCaseSelection tests, CreatedBetween created, StrictIds ids) {}
