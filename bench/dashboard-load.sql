-- Loads a dashboard benchmark organization straight into PostgreSQL (not through the API):
-- :sessions sessions over two versions, :turns_per_session turns each, one scored evaluation per
-- turn (about 0.05 lower in the candidate) and 1000 evaluations waiting for a human, spread over
-- the last 30 days. Variables: org, base, candidate, metric, human_metric (uuids), sessions, turns_per_session.
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO sessions (id, organization_id, version_id, custom_id, test_case_id, status, created_at)
SELECT gen_random_uuid(), :'org', CASE WHEN i % 2 = 0 THEN :'base'::uuid ELSE :'candidate'::uuid END,
       'bench-' || i, 'testCase_bench' || (i / 2 % 1000), 'COMPLETED',
       now() - (i::float8 / :sessions) * interval '30 days'
FROM generate_series(1, :sessions) AS i;

INSERT INTO inference_results (id, organization_id, session_id, idx, status, input, actual_output, retrieval_context,
                               latency, input_tokens, output_tokens, tokens, cost, created_at)
SELECT gen_random_uuid(), s.organization_id, s.id, t, 'GENERATED',
       jsonb_build_object('user_message', 'Question ' || t || ' of ' || s.custom_id),
       'Answer ' || t || ' with some words of output text', 'Context passage ' || t,
       50 + random() * 500, 100 + t, 40 + t, 140 + 2 * t, 0.0015 + random() * 0.001,
       s.created_at + t * interval '1 second'
FROM sessions s CROSS JOIN generate_series(0, :turns_per_session - 1) AS t
WHERE s.organization_id = :'org';

INSERT INTO evaluations (id, organization_id, metric_id, session_id, version_id, inference_result_id, test_case_id, status,
                         score, reason, next_attempt_at, created_at, evaluated_at)
SELECT gen_random_uuid(), r.organization_id, :'metric', r.session_id, s.version_id, r.id, s.test_case_id, 'SUCCESS',
       greatest(0, least(1, random() * 0.6 + 0.35 - CASE WHEN s.version_id = :'candidate'::uuid THEN 0.05 ELSE 0 END)),
       'Loaded for the dashboard benchmark', r.created_at, r.created_at, r.created_at
FROM inference_results r JOIN sessions s ON s.id = r.session_id
WHERE r.organization_id = :'org';

INSERT INTO evaluations (id, organization_id, metric_id, session_id, version_id, inference_result_id, status,
                         next_attempt_at, created_at)
SELECT gen_random_uuid(), r.organization_id, :'human_metric', r.session_id, s.version_id, r.id, 'PENDING_HUMAN',
       r.created_at, r.created_at
FROM inference_results r JOIN sessions s ON s.id = r.session_id
WHERE r.organization_id = :'org' AND r.idx = 0
ORDER BY r.created_at DESC
LIMIT 1000;
COMMIT;
ANALYZE sessions;
ANALYZE inference_results;
ANALYZE evaluations;
