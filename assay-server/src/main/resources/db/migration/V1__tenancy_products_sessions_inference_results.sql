-- Tenancy: organizations and their API keys (only a SHA-256 hash of each key is stored).
CREATE TABLE organizations (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    is_default  boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL
);
-- The organization that ASSAY_BOOTSTRAP_API_KEY administers; there is at most one.
CREATE UNIQUE INDEX organizations_default_uq ON organizations (is_default) WHERE is_default;

CREATE TABLE api_keys (
    id               uuid PRIMARY KEY,
    organization_id  uuid        NOT NULL REFERENCES organizations (id),
    name             text        NOT NULL,
    key_hash         bytea       NOT NULL UNIQUE,
    key_hint         text        NOT NULL,
    is_admin         boolean     NOT NULL,
    created_at       timestamptz NOT NULL,
    deleted_at       timestamptz
);
CREATE INDEX api_keys_organization_idx ON api_keys (organization_id, created_at);

CREATE TABLE products (
    id                   uuid PRIMARY KEY,
    organization_id      uuid        NOT NULL REFERENCES organizations (id),
    user_id              text,
    name                 text        NOT NULL,
    description          text,
    risk_level           text,
    operator_type        text,
    security_boundaries  text,
    capabilities         text,
    policies             text,
    inabilities          text,
    created_at           timestamptz NOT NULL,
    deleted_at           timestamptz
);
CREATE UNIQUE INDEX products_name_uq ON products (organization_id, name) WHERE deleted_at IS NULL;
CREATE INDEX products_created_idx ON products (organization_id, created_at, id);

CREATE TABLE versions (
    id                   uuid PRIMARY KEY,
    organization_id      uuid        NOT NULL REFERENCES organizations (id),
    product_id           uuid        NOT NULL REFERENCES products (id),
    name                 text        NOT NULL,
    description          text,
    system_prompt        text,
    model_id             text,
    dataset_description  text,
    dataset_uri          text,
    endpoint             text,
    guardrails           text,
    created_at           timestamptz NOT NULL,
    deleted_at           timestamptz
);
CREATE UNIQUE INDEX versions_name_uq ON versions (product_id, name) WHERE deleted_at IS NULL;
CREATE INDEX versions_created_idx ON versions (organization_id, created_at, id);

CREATE TABLE sessions (
    id               uuid PRIMARY KEY,
    organization_id  uuid        NOT NULL REFERENCES organizations (id),
    version_id       uuid        NOT NULL REFERENCES versions (id),
    custom_id        text,
    user_id          text,
    test_case_id     text,
    context          text,
    stopping_reason  text,
    error            text,
    status           text        NOT NULL,
    metadata         jsonb,
    created_at       timestamptz NOT NULL,
    deleted_at       timestamptz
);
CREATE UNIQUE INDEX sessions_custom_id_uq ON sessions (version_id, custom_id)
    WHERE deleted_at IS NULL AND custom_id IS NOT NULL;
CREATE INDEX sessions_created_idx ON sessions (organization_id, created_at, id);

-- One row per conversation turn. idx is the turn's order within its session.
CREATE TABLE inference_results (
    id                              uuid PRIMARY KEY,
    organization_id                 uuid             NOT NULL REFERENCES organizations (id),
    session_id                      uuid             NOT NULL REFERENCES sessions (id),
    user_id                         text,
    idx                             integer          NOT NULL,
    status                          text             NOT NULL,
    error                           text,
    input                           jsonb,
    actual_output                   text,
    retrieval_context               text,
    latency                         double precision,
    input_tokens                    bigint,
    output_tokens                   bigint,
    cache_read_input_tokens         bigint,
    tokens                          bigint,
    cost_per_input_token            double precision,
    cost_per_output_token           double precision,
    cost_per_cache_read_input_token double precision,
    cost                            double precision,
    credits_used                    integer,
    conversation_simulator_version  text,
    trace_id                        text,
    created_at                      timestamptz      NOT NULL,
    deleted_at                      timestamptz
);
-- Serves GET /inferenceResults?sessionIds=..&sort=createdAt (and the default order) and the
-- next-index lookup of a session.
CREATE INDEX inference_results_session_idx
    ON inference_results (session_id, created_at, idx, id);
CREATE INDEX inference_results_created_idx
    ON inference_results (organization_id, created_at, idx, id);
