/**
 * The cost service: consumes {@code llm.usage}, prices every provider call with the price catalogue, stores it once per
 * event id in PostgreSQL and reports spend over HTTP.
 * <p>
 * Threading model: blocking, on worker threads. The usage consumer is {@code @Blocking} (one record at a time, in
 * order, off the Kafka event loop) because it writes through JDBC; the REST resources return plain values, so Quarkus
 * REST runs them on worker threads too. Nothing in this service is reactive, and nothing blocks an event loop.
 */
package io.hybridllm.cost;
