package dev.assay.evaluation;

import dev.assay.auth.Caller;
import dev.assay.common.IdKind;
import dev.assay.common.ListQuery;
import dev.assay.common.Where;
import dev.assay.testcase.TestCaseService;
import java.util.List;
import org.springframework.stereotype.Component;

/** The list filters of {@code GET /evaluations} (docs/reference/galtea-contract.md §2.7), as SQL conditions. */
@Component
class EvaluationFilters {
    private final TestCaseService testCases;

    EvaluationFilters(TestCaseService testCases) {
        this.testCases = testCases;
    }

    Where where(Caller caller, ListQuery query) {
        Where where = Where.tenant("e", caller.organizationId());
        if (!query.flag("includeDeleted").orElse(false)) {
            where.add("e.deleted_at IS NULL");
        }
        where.relation("e.session_id", "sessionIds", query.ids("sessionIds"), IdKind.SESSION);
        where.relation("e.inference_result_id", "inferenceResultIds", query.ids("inferenceResultIds"), IdKind.INFERENCE_RESULT);
        where.relation("e.metric_id", "metricIds", query.ids("metricIds"), IdKind.METRIC);
        // An evaluation carries its session's version (docs/decisions/0012-comparison-read-path.md).
        where.relation("e.version_id", "versionIds", query.ids("versionIds"), IdKind.VERSION);
        Where products = new Where().relation("v.product_id", "productIds", query.ids("productIds"), IdKind.PRODUCT);
        if (!query.ids("productIds").isEmpty()) {
            where.add("e.version_id IN (SELECT v.id FROM versions v " + products.sql() + ")");
            products.copyParametersTo(where);
        }
        List<String> testCaseIds = query.ids("testCaseIds");
        if (!testCaseIds.isEmpty()) {
            where.add("e.test_case_id IN (:testCaseIds)", "testCaseIds", testCaseIds);
        }
        testCases.selection(caller, query).addTo(where, "e.test_case_id");
        List<String> statuses = query.ids("statuses");
        if (!statuses.isEmpty()) {
            where.add("e.status IN (:statuses)", "statuses",
                    statuses.stream().map(status -> EvaluationStatus.fromWire(status).name()).toList());
        }
        query.flag("canRetry").ifPresent(canRetry -> where.add("e.can_retry = :canRetry", "canRetry", canRetry));
        return where.createdBetween("e", query);
    }
}
