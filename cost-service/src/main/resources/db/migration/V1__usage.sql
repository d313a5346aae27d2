-- One row per provider call, as reported on llm.usage and priced by this service. The event id is the key, so a
-- redelivered event is absorbed by INSERT ... ON CONFLICT (event_id) DO NOTHING.
CREATE TABLE usage_event (
    event_id          text        PRIMARY KEY,
    request_id        text        NOT NULL,
    tenant            text        NOT NULL,
    job_id            text,
    task_type         text        NOT NULL,
    tier              text,
    provider          text        NOT NULL,
    model             text,
    prompt_tokens     integer     NOT NULL CHECK (prompt_tokens >= 0),
    completion_tokens integer     NOT NULL CHECK (completion_tokens >= 0),
    -- What this service priced the call at; NULL when the catalogue did not know the provider or model.
    cost_usd          numeric(20, 10),
    -- False when the catalogue did not know the provider or model: such calls are flagged, not counted as free.
    priced            boolean     NOT NULL,
    -- The catalogue version the call was priced with (or found unknown in), so it can be re-priced later.
    price_version     text        NOT NULL,
    -- What the worker reported; kept to reconcile with, never summed as the truth.
    reported_cost_usd numeric(20, 10),
    latency_ms        bigint      NOT NULL CHECK (latency_ms >= 0),
    outcome           text        NOT NULL,
    error_code        text,
    occurred_at       timestamptz NOT NULL,
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT usage_event_priced_has_cost CHECK (priced = (cost_usd IS NOT NULL))
);

-- Reports always filter on a time range; these lead with the usual grouping keys so per-tenant and per-model reports
-- read only their own rows.
CREATE INDEX usage_event_occurred_at_idx ON usage_event (occurred_at);
CREATE INDEX usage_event_tenant_occurred_at_idx ON usage_event (tenant, occurred_at);
CREATE INDEX usage_event_provider_model_occurred_at_idx ON usage_event (provider, model, occurred_at);
-- Reconciling with a request (ingest, replies) looks usage up by request.
CREATE INDEX usage_event_request_id_idx ON usage_event (request_id);
-- Unpriced calls are few and are what an operator re-prices after adding a model to the catalogue.
CREATE INDEX usage_event_unpriced_idx ON usage_event (occurred_at) WHERE NOT priced;
