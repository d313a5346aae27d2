/**
 * Ingest: the front door. Accepts requests over HTTP, makes them durable (a row in PostgreSQL and a record in
 * {@code llm.requests}, acknowledged by every in-sync replica) before answering 202, and keeps every request's status
 * and result from {@code llm.replies} so that any request, also one a job produced to Kafka directly, can be polled.
 * <p>
 * Threading: blocking throughout. HTTP handlers and Kafka consumers run on worker threads and use JDBC through
 * Hibernate ORM; nothing here is reactive.
 */
package io.hybridllm.ingest;
