package dev.assay.inference;

import dev.assay.common.CreatedBetween;
import dev.assay.common.IdFilter;
import dev.assay.common.StrictIds;

/**
 * The filters of {@code GET /inferenceResults} and its export; {@link InferenceResultRepository#where}
 * turns them into SQL.
 *
 * @param evaluationIds turns that have one of these evaluations
 */
record InferenceResultFilter(IdFilter sessionIds, IdFilter evaluationIds, CreatedBetween created, StrictIds ids) {

    /** Only the strict ids, for a batch request naming its turns. */
    static InferenceResultFilter ids(StrictIds ids) {
        return new InferenceResultFilter(IdFilter.ANY, IdFilter.ANY, CreatedBetween.ANY, ids);
    }
}
