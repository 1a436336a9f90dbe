-- Every order an organization-wide list offers on a large table is served by an index, in both
-- directions (a backward scan serves DESC), so a page costs its own rows, not a sort of every
-- matching row. created_at orders already have theirs (V1); these add the other sort keys.
-- Lists read live rows only, so the new indexes leave deleted rows out.

-- GET /inferenceResults?sort=index, for the organization and within one session (which also
-- serves the check of an explicit index against the session's live turns).
CREATE INDEX inference_results_index_idx
    ON inference_results (organization_id, idx, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX inference_results_session_index_idx
    ON inference_results (session_id, idx, created_at, id) WHERE deleted_at IS NULL;

-- GET /evaluations?sort=score: NULL scores come last in both directions, so each direction needs
-- its own index (a backward scan would put them first).
CREATE INDEX evaluations_score_idx
    ON evaluations (organization_id, score ASC NULLS LAST, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX evaluations_score_desc_idx
    ON evaluations (organization_id, score DESC NULLS LAST, created_at DESC, id DESC) WHERE deleted_at IS NULL;
