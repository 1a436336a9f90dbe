package dev.assay.evaluation;

import dev.assay.common.CreatedBetween;
import dev.assay.common.IdFilter;
import dev.assay.common.StrictIds;
import dev.assay.testcase.TestCaseSelection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The filters of {@code GET /evaluations} (docs/reference/galtea-contract.md §2.7), its export and the
 * dashboard's figures, built by {@link EvaluationFilters}; {@link EvaluationRepository#where} turns them into SQL.
 *
 * @param productIds evaluations of versions of these products
 * @param testCaseIds test case wire ids, as evaluations hold them
 * @param canRetry whether the evaluation can be retried, or null for either
 */
record EvaluationFilter(boolean includeDeleted, IdFilter sessionIds, IdFilter inferenceResultIds, IdFilter metricIds,
        IdFilter versionIds, IdFilter productIds, List<String> testCaseIds, TestCaseSelection tests,
        List<EvaluationStatus> statuses, @Nullable Boolean canRetry, CreatedBetween created, StrictIds ids) {}
