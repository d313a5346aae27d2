-- Each tenant's submission allowance, shared by every ingest replica: a token bucket, refilled evenly at the tenant's
-- rate per minute. A submit takes the row lock for a moment, so replicas never spend the same token twice.
create table rate_bucket (
    tenant      text primary key,
    tokens      double precision not null,
    refilled_at timestamptz      not null
);
