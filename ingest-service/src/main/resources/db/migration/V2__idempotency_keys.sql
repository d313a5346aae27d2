-- A client's Idempotency-Key per tenant, the hash of the body it came with, and the request it created: a retried
-- submit finds its request here instead of creating another.
create table idempotency_key (
    tenant      text        not null,
    key         text        not null,
    body_sha256 text        not null,
    request_id  text        not null,
    created_at  timestamptz not null default now(),
    primary key (tenant, key)
);
