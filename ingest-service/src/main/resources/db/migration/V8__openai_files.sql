-- Files uploaded through the OpenAI Files API (purpose "batch"): a batch's input, kept as uploaded. Batch output and
-- error files are not stored: they are written from the batch's requests when read.
create table openai_file (
    id         text primary key,
    tenant     text        not null,
    purpose    text        not null,
    filename   text        not null,
    bytes      bigint      not null,
    content    bytea       not null,
    created_at timestamptz not null default now()
);

create index openai_file_tenant on openai_file (tenant, created_at);
