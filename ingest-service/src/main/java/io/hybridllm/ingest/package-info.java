/**
 * Ingest: the front door. Accepts requests over HTTP (native, batches in JSON Lines, and the OpenAI-compatible API),
 * makes them durable (a row in PostgreSQL and a record in {@code llm.requests}, acknowledged by every in-sync replica)
 * before answering, and keeps every request's status from the tier topics and {@code llm.replies}, so that any request,
 * also one a job produced to Kafka directly, can be polled, long-polled, called back or cancelled.
 * <p>
 * Threading: blocking, on worker threads with JDBC through Hibernate ORM, except one thing: a client waiting for an
 * answer (a long poll, an OpenAI chat completion) holds no thread; its wait is a future that the status consumer
 * completes ({@code requests.Completions}). Sweeps (expiry, callbacks, long-poll rechecks) run on the scheduler.
 * <p>
 * Packages by role: {@code rest} (native HTTP API and errors), {@code requests} (intake, status, cancel, expiry),
 * {@code messaging} (Kafka in and out), {@code batches}, {@code callbacks}, {@code tenants} (keys, admin, limits),
 * {@code openai} (OpenAI's shapes), {@code config}.
 */
package io.hybridllm.ingest;
