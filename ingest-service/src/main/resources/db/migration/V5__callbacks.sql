-- One callback per request that asked for one: the body as signed and sent, and how its delivery went. A delivery
-- is claimed by pushing next_attempt_at forward (a lease), so replicas never send the same attempt twice at once.
create table callback_delivery (
    request_id      text primary key,
    tenant          text        not null,
    url             text        not null,
    body            jsonb       not null,
    state           text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_status     integer,
    last_error      text,
    delivered_at    timestamptz,
    created_at      timestamptz not null default now()
);

create index callback_delivery_due on callback_delivery (next_attempt_at) where state = 'PENDING';
