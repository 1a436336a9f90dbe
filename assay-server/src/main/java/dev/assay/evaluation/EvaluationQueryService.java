package dev.assay.evaluation;

import dev.assay.auth.Caller;
import dev.assay.common.ErrorCode;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.ListQuery;
import dev.assay.common.NotFoundException;
import dev.assay.common.StrictIds;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading evaluations: one by id, or a filtered, sorted page (docs/reference/galtea-contract.md §2.7, §2.8). */
@Service
public class EvaluationQueryService {
    private final EvaluationRepository evaluations;
    private final EvaluationFilters filters;

    EvaluationQueryService(EvaluationRepository evaluations, EvaluationFilters filters) {
        this.evaluations = evaluations;
        this.filters = filters;
    }

    @Transactional(readOnly = true)
    public Evaluation get(Caller caller, String evaluationId) {
        return Ids.parse(IdKind.EVALUATION, evaluationId)
                .flatMap(id -> evaluations.find(caller.organizationId(), id))
                .orElseThrow(() -> notFound(evaluationId));
    }

    /**
     * Checks the query, then hands the matching evaluations to {@code sink} one by one while they
     * are read (nothing reaches the sink when the query is invalid).
     */
    @Transactional(readOnly = true)
    public void list(Caller caller, ListQuery query, Consumer<Evaluation> sink) {
        EvaluationFilter filter = filters.filter(caller, query, StrictIds.of(query, IdKind.EVALUATION));
        filter.ids().check(() -> evaluations.matchingIds(caller.organizationId(), filter), ErrorCode.EVALUATION_NOT_FOUND,
                "Evaluation");
        evaluations.stream(caller.organizationId(), filter, query.sort(EvaluationSort::fromWire), query.limit(), query.offset(),
                sink);
    }

    /** The one not-found error of evaluations, for every service of the feature. */
    static NotFoundException notFound(String evaluationId) {
        return new NotFoundException(ErrorCode.EVALUATION_NOT_FOUND, "Evaluation not found: " + evaluationId);
    }
}
