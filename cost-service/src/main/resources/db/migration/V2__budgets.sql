-- Budgets set over HTTP (PUT /v1/budgets/{scope}/{period}). The policy's [cost] budgets are the defaults; a row here
-- replaces the policy's budget of the same scope and period.
CREATE TABLE budget (
    -- global, or tenant:<id>: the same names as the scopes of mode switches on llm.control.
    scope         text          NOT NULL,
    period        text          NOT NULL CHECK (period IN ('monthly', 'daily')),
    amount_usd    numeric(20, 6) NOT NULL CHECK (amount_usd > 0),
    warn_percent  integer       NOT NULL CHECK (warn_percent BETWEEN 1 AND 100),
    pause_percent integer       NOT NULL CHECK (pause_percent BETWEEN 1 AND 100),
    -- Counts changes, so that a list shows whether a budget was edited since it was read.
    revision      integer       NOT NULL DEFAULT 1,
    updated_by    text          NOT NULL,
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, period),
    CONSTRAINT budget_warn_below_pause CHECK (warn_percent < pause_percent)
);

-- Spend per scope and calendar period (period_key 2026-11 or 2026-11-22 in the configured time zone), added to in the
-- transaction that records each priced usage event, so it never counts an event twice.
CREATE TABLE budget_spend (
    scope      text            NOT NULL,
    period     text            NOT NULL,
    period_key text            NOT NULL,
    spend_usd  numeric(20, 10) NOT NULL CHECK (spend_usd >= 0),
    updated_at timestamptz     NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, period, period_key)
);

-- One row per scope that ever spent. Every budget decision on a scope first locks its row (global before any tenant),
-- so usage, budget changes and period ends are decided one at a time per scope, on every replica.
CREATE TABLE budget_scope (
    scope        text        PRIMARY KEY,
    -- The mode last published for this scope on llm.control; NULL when none ever was (the router then follows the
    -- global scope for a tenant, or the policy).
    mode         text,
    -- The highest [dynamic_switching.rules] percent the scope's own budgets reached, 0 for none.
    mode_percent integer     NOT NULL DEFAULT 0,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- How far each budget has gone in its current period: a crossing is a change of this row, made in the same
-- transaction as the usage, budget change or period end that caused it, and with the outbox rows that announce it.
CREATE TABLE budget_state (
    scope        text        NOT NULL,
    period       text        NOT NULL,
    period_key   text        NOT NULL,
    level        text        NOT NULL CHECK (level IN ('none', 'warn', 'pause')),
    -- The highest [dynamic_switching.rules] percent reached, 0 for none.
    rule_percent integer     NOT NULL DEFAULT 0,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, period)
);

-- Messages decided in a transaction and published after it (alerts to llm.alerts, mode switches to llm.control). The
-- id is fixed when the row is written, so a message sent again after a crash carries the same id.
CREATE TABLE outbox (
    seq         bigserial   PRIMARY KEY,
    id          text        NOT NULL UNIQUE,
    topic       text        NOT NULL,
    message_key text        NOT NULL,
    payload     text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz
);

CREATE INDEX outbox_unsent_idx ON outbox (seq) WHERE sent_at IS NULL;
