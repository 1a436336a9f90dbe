package dev.assay.testcase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.common.Where;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TestCaseSelectionTest {
    private static final UUID ORGANIZATION = UUID.fromString("0193a0c0-0000-7000-8000-000000000001");

    private static String sql(TestCaseSelection selection) {
        Where where = Where.tenant("s", ORGANIZATION);
        selection.addTo(where, "s.test_case_id");
        return where.sql();
    }

    @Test
    void all_addsNothing() {
        assertThat(sql(TestCaseSelection.ALL)).isEqualTo("WHERE s.organization_id = :organizationId");
    }

    @Test
    void included_matchesTheirTestCases_orRowsWithoutOne_whenAnEmptyValueWasGiven() {
        assertThat(sql(new TestCaseSelection(true, List.of("testCase_a"), false, List.of(), false)))
                .endsWith(" AND (s.test_case_id IN (:includedTestCaseIds))");
        assertThat(sql(new TestCaseSelection(true, List.of("testCase_a"), true, List.of(), false)))
                .endsWith(" AND (s.test_case_id IN (:includedTestCaseIds) OR s.test_case_id IS NULL)");
    }

    @Test
    void includedSuitesWithoutTestCases_matchNothing_butRowsWithoutOne_whenAsked() {
        assertThat(sql(new TestCaseSelection(true, List.of(), false, List.of(), false))).endsWith(" AND (false)");
        assertThat(sql(new TestCaseSelection(true, List.of(), true, List.of(), false)))
                .endsWith(" AND (false OR s.test_case_id IS NULL)");
    }

    @Test
    void excluded_keepsRowsWithoutATestCase_unlessAnEmptyValueWasGiven() {
        assertThat(sql(new TestCaseSelection(false, List.of(), false, List.of("testCase_b"), false)))
                .endsWith(" AND (s.test_case_id IS NULL OR s.test_case_id NOT IN (:excludedTestCaseIds))");
        assertThat(sql(new TestCaseSelection(false, List.of(), false, List.of(), true))).endsWith(" AND s.test_case_id IS NOT NULL");
    }
}
