-- A batch: many requests submitted at once, each line of its input one item. An item is a request, or the reason its
-- line could not be read. Results are read in line order by joining items to their requests.
create table batch (
    id           text primary key,
    tenant       text        not null,
    source       text        not null,
    total        integer     not null,
    accepted     integer     not null,
    openai       jsonb,
    created_at   timestamptz not null default now(),
    cancelled_at timestamptz
);

create index batch_tenant on batch (tenant, created_at);

create table batch_item (
    batch_id    text    not null references batch (id),
    line        integer not null,
    request_id  text,
    custom_id   text,
    error_field text,
    error       text,
    primary key (batch_id, line)
);

create index batch_item_request on batch_item (request_id) where request_id is not null;
