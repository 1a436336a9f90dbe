-- Spans: the steps inside one turn (tool calls, model calls, retrievals), Galtea's wire path
-- /traces (docs/api.md "Traces"). A span belongs to exactly one turn; parent_id names another
-- span of the same turn. There is no foreign key on parent_id because OpenTelemetry exporters
-- send a child before its parent (a child ends first); the service checks nesting for the REST
-- API, and OTLP ids are derived so that a parent can only be a span of the same OTel trace.
CREATE TABLE spans (
    id                   uuid PRIMARY KEY,
    organization_id      uuid             NOT NULL REFERENCES organizations (id),
    inference_result_id  uuid             NOT NULL REFERENCES inference_results (id),
    session_id           uuid             NOT NULL REFERENCES sessions (id),
    parent_id            uuid,
    name                 text             NOT NULL,
    type                 text             NOT NULL,
    description          text,
    input_data           jsonb,
    output_data          jsonb,
    error                text,
    latency_ms           double precision,
    metadata             jsonb,
    start_time           timestamptz,
    end_time             timestamptz,
    created_at           timestamptz      NOT NULL,
    deleted_at           timestamptz
);
-- A turn's spans in start order: the tree of a turn, evaluation inputs, inferenceResultIds filter.
CREATE INDEX spans_turn_idx ON spans (inference_result_id, start_time, id);
-- The sessionIds filter.
CREATE INDEX spans_session_idx ON spans (session_id, created_at, id);
-- The default list order of an organization.
CREATE INDEX spans_created_idx ON spans (organization_id, created_at, id);

-- The W3C trace id of a turn correlates OpenTelemetry spans with it: one OTel trace is one turn,
-- so a live turn's trace id is unique in its organization (re-sent spans find the same turn).
CREATE UNIQUE INDEX inference_results_trace_id_uq ON inference_results (organization_id, trace_id)
    WHERE deleted_at IS NULL AND trace_id IS NOT NULL;
