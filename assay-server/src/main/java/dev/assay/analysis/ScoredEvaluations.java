package dev.assay.analysis;

import dev.assay.common.CreatedBetween;
import dev.assay.testcase.TestCaseSelection;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The live, scored evaluations of an organization that comparisons and agreement read, narrowed by
 * the query's filters; built by {@link AnalysisFilters}, turned into SQL by {@link ComparisonRepository#where}.
 *
 * @param metricIds evaluations of these metrics (none: any)
 * @param versionIds evaluations of these versions (none: any)
 */
record ScoredEvaluations(UUID organizationId, Collection<UUID> metricIds, TestCaseSelection tests, CreatedBetween created,
        List<UUID> versionIds) {

    ScoredEvaluations {
        metricIds = List.copyOf(metricIds);
        versionIds = List.copyOf(versionIds);
    }

    /** Narrowed to these versions as well. */
    ScoredEvaluations ofVersions(List<UUID> versions) {
        return new ScoredEvaluations(organizationId, metricIds, tests, created, versions);
    }
}
