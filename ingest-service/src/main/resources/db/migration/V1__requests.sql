-- Every request the system accepted and what became of it. request and reply hold the messages as they travelled.
create table llm_request (
    id           text primary key,
    tenant       text        not null,
    job_id       text,
    task_type    text,
    status       text        not null,
    source       text        not null,
    request      jsonb,
    reply        jsonb,
    submitted_at timestamptz not null,
    completed_at timestamptz,
    updated_at   timestamptz not null default now()
);

create index llm_request_tenant_submitted on llm_request (tenant, submitted_at);
create index llm_request_job on llm_request (job_id) where job_id is not null;
create index llm_request_open on llm_request (submitted_at) where status = 'QUEUED';
