-- Provider outages, derived from the provider_health reports workers publish on llm.control (see ProviderOutages).
-- The compacted topic is read again from its start at every restart; this state makes reading it again change nothing.

-- Each worker as llm.control last heard from it (any event scoped <what>@<worker>, e.g. its tier heartbeats): its
-- provider reports count while it is heard from within hybrid.provider-alerts.stale-after.
CREATE TABLE control_worker (
    worker   text        PRIMARY KEY,
    heard_at timestamptz NOT NULL
);

-- The latest provider_health report of each scope (provider:<name>@<worker> for a circuit,
-- provider-check:<name>@<worker> for health checks): a report replaces the row only if it is newer.
CREATE TABLE provider_report (
    scope    text        PRIMARY KEY,
    provider text        NOT NULL,
    worker   text        NOT NULL,
    state    text        NOT NULL CHECK (state IN ('closed', 'open', 'half_open')),
    detail   text        NOT NULL,
    at       timestamptz NOT NULL
);

CREATE INDEX provider_report_provider_idx ON provider_report (provider);
CREATE INDEX provider_report_worker_idx ON provider_report (worker);

-- One row per provider reported: whether an outage is alerted and not yet recovered (out_since), and when the last one
-- ended. Every decision on a provider first locks its row, so it is taken once across replicas, in the transaction
-- that writes its alert to the outbox.
CREATE TABLE provider_outage (
    provider     text        PRIMARY KEY,
    out_since    timestamptz,
    recovered_at timestamptz,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
