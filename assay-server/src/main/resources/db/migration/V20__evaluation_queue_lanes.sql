-- The evaluation queue by lane and organization (docs/decisions/0004-evaluation-queue.md).
-- judged: whether an LLM judge scores the row (its own worker lane), fixed when the row is
-- created, so a claim no longer joins metrics to tell the lanes apart.
ALTER TABLE evaluations ADD COLUMN judged boolean NOT NULL DEFAULT false;
UPDATE evaluations e SET judged = true
FROM metrics m
WHERE m.id = e.metric_id AND m.source IN ('FULL_PROMPT', 'PARTIAL_PROMPT', 'GEVAL', 'DEEPEVAL');

-- A claim walks the organizations with pending work of its lane (a skip scan over the leading
-- columns) and takes each one's due rows in order, so every organization gets its share.
CREATE INDEX evaluations_lane_queue_idx ON evaluations (judged, organization_id, next_attempt_at, id)
    WHERE status = 'PENDING' AND deleted_at IS NULL;
DROP INDEX evaluations_queue_idx;

-- Room on each page for the new row versions of claims and lease renewals, which change no
-- indexed column and can then stay on their page (heap-only updates).
ALTER TABLE evaluations SET (fillfactor = 85);
