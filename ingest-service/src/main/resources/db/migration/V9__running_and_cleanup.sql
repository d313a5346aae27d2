-- running: the latest model call a worker announced for a request (the CallStarted message), and whether the request
-- was cancelled while such a call was under way (that call still ends, and is paid for).
alter table llm_request add column running jsonb;
alter table llm_request add column running_attempt integer;
alter table llm_request add column cancelled_running boolean not null default false;
-- When the request's cancellation was tombstoned on the compacted llm.cancellations; null while it is still there.
alter table llm_request add column cancellation_cleared_at timestamptz;

drop index llm_request_deadline;
create index llm_request_deadline on llm_request (deadline)
    where deadline is not null and status in ('QUEUED', 'ROUTED', 'ESCALATED', 'RUNNING');
create index llm_request_cancellation_uncleared on llm_request (completed_at)
    where status = 'CANCELLED' and cancellation_cleared_at is null;
create index idempotency_key_created on idempotency_key (created_at);
