package dev.assay.evaluation;

import dev.assay.auth.Caller;
import dev.assay.common.CreatedBetween;
import dev.assay.common.IdFilter;
import dev.assay.common.IdKind;
import dev.assay.common.ListQuery;
import dev.assay.common.StrictIds;
import dev.assay.testcase.TestCaseSelection;
import dev.assay.testcase.TestCaseService;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reads the list filters of {@code GET /evaluations} (docs/reference/galtea-contract.md §2.7) from the request. */
@Component
class EvaluationFilters {
    private final TestCaseService testCases;

    EvaluationFilters(TestCaseService testCases) {
        this.testCases = testCases;
    }

    /** The filters of the query, without its strict {@code ids}. */
    EvaluationFilter filter(Caller caller, ListQuery query) {
        return filter(caller, query, StrictIds.none());
    }

    /** The filters of the query with the strict {@code ids} given. */
    EvaluationFilter filter(Caller caller, ListQuery query, StrictIds ids) {
        boolean includeDeleted = query.flag("includeDeleted").orElse(false);
        IdFilter sessionIds = IdFilter.of(query, "sessionIds", IdKind.SESSION);
        IdFilter inferenceResultIds = IdFilter.of(query, "inferenceResultIds", IdKind.INFERENCE_RESULT);
        IdFilter metricIds = IdFilter.of(query, "metricIds", IdKind.METRIC);
        IdFilter versionIds = IdFilter.of(query, "versionIds", IdKind.VERSION);
        IdFilter productIds = IdFilter.of(query, "productIds", IdKind.PRODUCT);
        List<String> testCaseIds = query.ids("testCaseIds");
        TestCaseSelection tests = testCases.selection(caller, query);
        List<EvaluationStatus> statuses = query.ids("statuses").stream().map(EvaluationStatus::fromWire).toList();
        Boolean canRetry = query.flag("canRetry").orElse(null);
        return new EvaluationFilter(includeDeleted, sessionIds, inferenceResultIds, metricIds, versionIds, productIds, testCaseIds,
                tests, statuses, canRetry, CreatedBetween.of(query), ids);
    }
}
