package dev.assay.inference;

import dev.assay.auth.Caller;
import dev.assay.common.ListQuery;
import dev.assay.common.ListQuery.SortKey;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code GET /inferenceResults/export}: the rows of {@code GET /inferenceResults} with its filters
 * and sort, unpaged, streamed through a cursor. The filters are checked first, so bad input answers
 * 400 or 404 before the first byte.
 */
@Service
class InferenceResultExporter {
    private final InferenceResultService results;
    private final InferenceResultRepository repository;

    InferenceResultExporter(InferenceResultService results, InferenceResultRepository repository) {
        this.results = results;
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public Export prepare(Caller caller, ListQuery query) {
        return new Export(caller.organizationId(), results.listFilter(caller, query), query.sort(InferenceResultSort::fromWire));
    }

    /** Hands every row to the sink in order, in one read-only transaction. */
    @Transactional(readOnly = true)
    public void stream(Export export, Consumer<InferenceResult> sink) {
        repository.forEach(export.organizationId(), export.filter(), export.sort(), sink);
    }

    /** A checked export query. */
    record Export(UUID organizationId, InferenceResultFilter filter, List<SortKey<InferenceResultSort>> sort) {}
}
