package dev.assay.evaluation;

import dev.assay.auth.Caller;
import dev.assay.common.ErrorCode;
import dev.assay.common.IdKind;
import dev.assay.common.ListQuery;
import dev.assay.common.ListQuery.SortKey;
import dev.assay.common.StrictIds;
import dev.assay.common.Where;
import java.util.List;
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
        Where where = filters.where(caller, query);
        StrictIds strict = StrictIds.addTo(where, "e", query, IdKind.EVALUATION);
        strict.check(() -> evaluations.matchingIds(where), ErrorCode.EVALUATION_NOT_FOUND, "Evaluation");
        return new Export(where, query.sort(EvaluationSort::fromWire));
    }

    /** Hands every row to the sink in order, in one read-only transaction. */
    @Transactional(readOnly = true)
    public void stream(Export export, Consumer<Evaluation> sink) {
        evaluations.forEach(export.where(), export.sort(), sink);
    }

    /** A checked export query. */
    record Export(Where where, List<SortKey<EvaluationSort>> sort) {}
}
