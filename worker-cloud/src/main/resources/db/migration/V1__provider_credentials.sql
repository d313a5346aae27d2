-- Provider API keys, sealed with AES-256-GCM under a master key that is never stored (docs/workers.md). The provider
-- and key name are the cipher's associated data, so a row's ciphertext opens under its own name only.
CREATE TABLE provider_credentials (
    id             bigserial PRIMARY KEY,
    provider       text        NOT NULL,
    key_name       text        NOT NULL,
    ciphertext     bytea       NOT NULL,
    nonce          bytea       NOT NULL CHECK (octet_length(nonce) = 12),
    master_key_id  text        NOT NULL,
    -- The first 8 hex digits of the key's SHA-256: tells keys apart in listings, reveals nothing of them.
    fingerprint    text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('active', 'retired')),
    retired_reason text,
    created_at     timestamptz NOT NULL,
    retired_at     timestamptz,
    UNIQUE (provider, key_name)
);
