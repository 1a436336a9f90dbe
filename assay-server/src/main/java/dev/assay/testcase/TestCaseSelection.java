package dev.assay.testcase;

import dev.assay.common.Where;
import java.util.List;

/**
 * The {@code testIds} and {@code excludeTestIds} list filters (docs/reference/galtea-contract.md §3.3) of
 * sessions, evaluations and comparisons, resolved by {@link TestCaseService#selection} to the wire ids
 * of the test cases of those test suites. An empty value ({@code testIds=}) stands for rows without a
 * test case.
 *
 * @param restricted whether {@code testIds} was given: rows must then have a test case of {@code included}
 *        (or none, with {@code includeNone})
 * @param included the test cases of the test suites of {@code testIds}
 * @param includeNone {@code testIds=} was given: rows without a test case match too
 * @param excluded the test cases of the test suites of {@code excludeTestIds}
 * @param excludeNone {@code excludeTestIds=} was given: rows without a test case do not match
 */
public record TestCaseSelection(boolean restricted, List<String> included, boolean includeNone, List<String> excluded,
        boolean excludeNone) {
    public static final TestCaseSelection ALL = new TestCaseSelection(false, List.of(), false, List.of(), false);

    public TestCaseSelection {
        included = List.copyOf(included);
        excluded = List.copyOf(excluded);
    }

    /**
     * Adds the selection's conditions on a column that holds a test case's wire id. The repository
     * of the table that references test cases calls it with its own column.
     */
    public void addTo(Where where, String testCaseColumn) {
        if (restricted) {
            String matching = included.isEmpty() ? "false" : testCaseColumn + " IN (:includedTestCaseIds)";
            where.add("(" + matching + (includeNone ? " OR " + testCaseColumn + " IS NULL" : "") + ")");
            if (!included.isEmpty()) {
                where.param("includedTestCaseIds", included);
            }
        }
        if (!excluded.isEmpty()) {
            where.add("(" + testCaseColumn + " IS NULL OR " + testCaseColumn + " NOT IN (:excludedTestCaseIds))",
                    "excludedTestCaseIds", excluded);
        }
        if (excludeNone) {
            where.add(testCaseColumn + " IS NOT NULL");
        }
    }
}
