package dev.assay.testcase;

import dev.assay.common.CreatedBetween;
import dev.assay.common.IdFilter;
import dev.assay.common.StrictIds;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The filters of {@code GET /testCases}; {@link TestCaseRepository#where} turns them into SQL.
 *
 * @param languages lower-case language codes
 * @param reviewed whether the test case was reviewed (a reviewer or a user score), or null for either
 */
record TestCaseFilter(IdFilter testIds, List<String> languages, List<String> variants, List<String> strategies,
        List<String> expectedTools, @Nullable Boolean reviewed, List<Integer> userScores, CreatedBetween created,
        StrictIds ids) {}
