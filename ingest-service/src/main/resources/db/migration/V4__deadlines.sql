-- The request's hints.deadline, as a column so that the expiry sweep finds what is past it without reading JSON.
alter table llm_request add column deadline timestamptz;
update llm_request set deadline = (request -> 'hints' ->> 'deadline')::timestamptz
    where request -> 'hints' ->> 'deadline' is not null;
create index llm_request_deadline on llm_request (deadline)
    where deadline is not null and status in ('QUEUED', 'ROUTED', 'ESCALATED');
