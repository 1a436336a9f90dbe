-- OpenTelemetry spans whose turn is not known yet: a child often arrives before the root span
-- that carries the conversation key, or before the turn with its trace id is logged. They wait
-- here (as OTLP-decoded JSON) until a span of the same trace resolves the turn, or until they
-- expire (docs/api.md "OpenTelemetry").
CREATE TABLE otel_pending_spans (
    organization_id  uuid        NOT NULL REFERENCES organizations (id),
    trace_id         text        NOT NULL,
    span_id          text        NOT NULL,
    span             jsonb       NOT NULL,
    received_at      timestamptz NOT NULL,
    PRIMARY KEY (organization_id, trace_id, span_id)
);
CREATE INDEX otel_pending_spans_received_idx ON otel_pending_spans (received_at);
