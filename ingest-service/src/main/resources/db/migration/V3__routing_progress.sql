-- What ingest learns from the tier topics before a reply: the tier a request waits on, the latest decision (with the
-- reasons of any escalation) and the attempts made so far.
alter table llm_request add column tier      text;
alter table llm_request add column routing   jsonb;
alter table llm_request add column attempts  jsonb;
alter table llm_request add column routed_at timestamptz;
