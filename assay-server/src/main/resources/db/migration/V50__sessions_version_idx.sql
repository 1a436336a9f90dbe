-- Comparisons read every evaluation of two versions: the sessions of a version come from this
-- index, their evaluations from evaluations_session_idx.
CREATE INDEX sessions_version_idx ON sessions (version_id) WHERE deleted_at IS NULL;
