-- The router's complexity score of each answered request, from llm.replies (usage events carry no score). Savings
-- recommendations join it to cloud usage: cloud calls for requests that scored low could have run locally.
CREATE TABLE request_score (
    request_id    text             PRIMARY KEY,
    score         double precision NOT NULL CHECK (score >= 0 AND score <= 1),
    -- The workers' quality check of the answer, where they report one.
    quality_score double precision,
    tier          text,
    completed_at  timestamptz      NOT NULL
);
