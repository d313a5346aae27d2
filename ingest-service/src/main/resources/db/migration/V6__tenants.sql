-- Tenants and their API keys. A key is kept only as the SHA-256 of the key (keys are 256 random bits, so a hash
-- cannot be reversed by guessing), with a short prefix to tell keys apart in listings.
create table tenant (
    id                  text primary key,
    name                text        not null,
    requests_per_minute integer,
    created_at          timestamptz not null default now()
);

create table api_key (
    id         text primary key,
    tenant     text        not null references tenant (id),
    key_sha256 text        not null unique,
    prefix     text        not null,
    label      text,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
);

create index api_key_tenant on api_key (tenant);
