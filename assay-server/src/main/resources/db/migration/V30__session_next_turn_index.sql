-- The next turn index of each session, kept on the session row that every append already locks:
-- appending costs the same whatever the session's length (it used to read MAX(idx) of the
-- session's turns). It counts deleted turns too, so an index is never handed out twice.
ALTER TABLE sessions ADD COLUMN next_idx bigint NOT NULL DEFAULT 0;
UPDATE sessions s
SET next_idx = m.next_idx
FROM (SELECT session_id, MAX(idx)::bigint + 1 AS next_idx FROM inference_results GROUP BY session_id) m
WHERE m.session_id = s.id;
