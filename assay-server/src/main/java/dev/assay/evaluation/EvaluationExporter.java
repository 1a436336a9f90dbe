package dev.assay.evaluation;

import dev.assay.auth.Caller;
import dev.assay.common.ErrorCode;
import dev.assay.common.IdKind;
import dev.assay.common.ListQuery;
import dev.assay.common.ListQuery.SortKey;
import dev.assay.common.StrictIds;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code GET /evaluations/export}: the rows of {@code GET /evaluations} with its filters and sort,
 * unpaged, streamed through a cursor. The filters are checked first, so bad input answers 400 or
 * 404 before the first byte.
 */
@Service
class EvaluationExporter {
    private final EvaluationRepository evaluations;
    private final EvaluationFilters filters;

    EvaluationExporter(EvaluationRepository evaluations, EvaluationFilters filters) {
        this.evaluations = evaluations;
        this.filters = filters;
    }

    @Transactional(readOnly = true)
    public Export prepare(Caller caller, ListQuery query) {
        EvaluationFilter filter = filters.filter(caller, query, StrictIds.of(query, IdKind.EVALUATION));
        filter.ids().check(() -> evaluations.matchingIds(caller.organizationId(), filter), ErrorCode.EVALUATION_NOT_FOUND,
                "Evaluation");
        return new Export(caller.organizationId(), filter, query.sort(EvaluationSort::fromWire));
    }

    /** Hands every row to the sink in order, in one read-only transaction. */
    @Transactional(readOnly = true)
    public void stream(Export export, Consumer<Evaluation> sink) {
        evaluations.forEach(export.organizationId(), export.filter(), export.sort(), sink);
    }

    /** A checked export query. */
    record Export(UUID organizationId, EvaluationFilter filter, List<SortKey<EvaluationSort>> sort) {}
}
