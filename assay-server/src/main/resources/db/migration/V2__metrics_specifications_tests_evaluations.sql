-- Metrics: Galtea's built-ins (organization_id NULL, visible to every organization) and each
-- organization's own. A name is unique among an organization's live metrics and the built-ins;
-- the service checks the clash with built-in names.
CREATE TABLE metrics (
    id                    uuid PRIMARY KEY,
    organization_id       uuid REFERENCES organizations (id),
    user_id               text,
    name                  text        NOT NULL,
    source                text        NOT NULL,
    evaluation_params     text[]      NOT NULL DEFAULT '{}',
    judge_prompt          text,
    evaluator_model_name  text,
    description           text,
    documentation_url     text,
    tags                  text[]      NOT NULL DEFAULT '{}',
    user_group_ids        text[]      NOT NULL DEFAULT '{}',
    legacy_at             timestamptz,
    disabled_at           timestamptz,
    created_at            timestamptz NOT NULL,
    deleted_at            timestamptz
);
CREATE UNIQUE INDEX metrics_builtin_name_uq ON metrics (name) WHERE organization_id IS NULL AND deleted_at IS NULL;
CREATE UNIQUE INDEX metrics_name_uq ON metrics (organization_id, name) WHERE organization_id IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX metrics_created_idx ON metrics (organization_id, created_at, id);

CREATE TABLE specifications (
    id               uuid PRIMARY KEY,
    organization_id  uuid        NOT NULL REFERENCES organizations (id),
    product_id       uuid        NOT NULL REFERENCES products (id),
    user_id          text,
    name             text,
    description      text        NOT NULL,
    type             text        NOT NULL,
    test_type        text,
    test_variant     text,
    created_at       timestamptz NOT NULL,
    deleted_at       timestamptz
);
CREATE INDEX specifications_product_idx ON specifications (organization_id, product_id, created_at, id);

CREATE TABLE specification_metrics (
    specification_id  uuid NOT NULL REFERENCES specifications (id),
    metric_id         uuid NOT NULL REFERENCES metrics (id),
    PRIMARY KEY (specification_id, metric_id)
);

CREATE TABLE tests (
    id                          uuid PRIMARY KEY,
    organization_id             uuid        NOT NULL REFERENCES organizations (id),
    product_id                  uuid        NOT NULL REFERENCES products (id),
    name                        text        NOT NULL,
    type                        text        NOT NULL,
    language_code               text,
    ground_truth_uri            text,
    few_shot                    text,
    custom_user_persona         text,
    variants                    text[]      NOT NULL DEFAULT '{}',
    strategies                  text[]      NOT NULL DEFAULT '{}',
    custom_variant_description  text,
    max_test_cases              integer,
    uri                         text,
    status                      text        NOT NULL,
    created_at                  timestamptz NOT NULL,
    deleted_at                  timestamptz
);
CREATE INDEX tests_product_idx ON tests (organization_id, product_id, created_at, id);

CREATE TABLE test_cases (
    id                  uuid PRIMARY KEY,
    organization_id     uuid             NOT NULL REFERENCES organizations (id),
    test_id             uuid             NOT NULL REFERENCES tests (id),
    input               text,
    expected_output     text,
    context             text,
    expected_tools      text[],
    variant             text,
    strategy            text,
    source              text,
    user_persona        text,
    scenario            text,
    goal                text,
    max_iterations      integer,
    initial_prompt      text,
    stopping_criterias  text[],
    reviewed_by_id      text,
    language_code       text,
    user_score          integer,
    user_score_reason   text,
    confidence          double precision,
    confidence_reason   text,
    created_at          timestamptz      NOT NULL,
    deleted_at          timestamptz
);
CREATE INDEX test_cases_test_idx ON test_cases (organization_id, test_id, created_at, id);

-- Evaluations are also the work queue: workers claim PENDING rows whose next attempt is due and
-- whose lease has expired, with FOR UPDATE SKIP LOCKED.
CREATE TABLE evaluations (
    id                              uuid PRIMARY KEY,
    organization_id                 uuid             NOT NULL REFERENCES organizations (id),
    metric_id                       uuid             NOT NULL REFERENCES metrics (id),
    session_id                      uuid             NOT NULL REFERENCES sessions (id),
    inference_result_id             uuid REFERENCES inference_results (id),
    test_case_id                    text,
    user_id                         text,
    status                          text             NOT NULL,
    score                           double precision,
    reason                          text,
    error                           text,
    can_retry                       boolean          NOT NULL DEFAULT false,
    credits_used                    integer,
    conversation_simulator_version  text,
    human_evaluator_id              text,
    human_evaluator_started_at      timestamptz,
    human_evaluator_finished_at     timestamptz,
    human_score                     double precision,
    human_reason                    text,
    failed_turns                    text[]           NOT NULL DEFAULT '{}',
    attempts                        integer          NOT NULL DEFAULT 0,
    retries_attempted               integer          NOT NULL DEFAULT 0,
    next_attempt_at                 timestamptz      NOT NULL,
    lease_until                     timestamptz,
    created_at                      timestamptz      NOT NULL,
    evaluated_at                    timestamptz,
    deleted_at                      timestamptz
);
CREATE INDEX evaluations_queue_idx ON evaluations (next_attempt_at, id) WHERE status = 'PENDING' AND deleted_at IS NULL;
CREATE INDEX evaluations_created_idx ON evaluations (organization_id, created_at, id);
CREATE INDEX evaluations_session_idx ON evaluations (session_id, created_at, id);
CREATE INDEX evaluations_inference_result_idx ON evaluations (inference_result_id);
CREATE INDEX evaluations_human_queue_idx ON evaluations (organization_id, created_at, id) WHERE status = 'PENDING_HUMAN' AND deleted_at IS NULL;
