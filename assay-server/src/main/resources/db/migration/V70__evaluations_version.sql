-- Comparisons read every scored evaluation of two versions. The version lives on the session, so
-- finding a version's evaluations meant joining the organization's evaluations to sessions. The
-- version on the evaluation row itself (a session never changes version) lets one index range per
-- (organization, version) hold a version's scores in (metric, test case) order, read without the
-- table (docs/decisions/0012-comparison-read-path.md).
ALTER TABLE evaluations ADD COLUMN version_id uuid REFERENCES versions (id);
UPDATE evaluations e SET version_id = s.version_id FROM sessions s WHERE s.id = e.session_id;
ALTER TABLE evaluations ALTER COLUMN version_id SET NOT NULL;

-- The rows comparisons read: live, scored. Keys in the order the per-test-case aggregation groups
-- and the items pick the latest evaluation of a test case; score included for index-only reads.
CREATE INDEX evaluations_version_scores_idx
    ON evaluations (organization_id, version_id, metric_id, test_case_id, created_at, id) INCLUDE (score)
    WHERE deleted_at IS NULL AND status = 'SUCCESS' AND score IS NOT NULL;
