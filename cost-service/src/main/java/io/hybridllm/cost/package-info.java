/**
 * The cost service: consumes {@code llm.usage}, prices every provider call with the price catalogue through the policy
 * in force (by the provider's kind, with {@code [cost.providers]} on top), stores it once per event id in PostgreSQL,
 * keeps budgets (alerts on {@code llm.alerts}, mode switches on {@code llm.control}, through an outbox) and reports
 * spend and savings over HTTP.
 * <p>
 * Threading model: blocking, on worker threads. The consumers are {@code @Blocking} (one record at a time, in order,
 * off the Kafka event loop) because they write through JDBC; the REST resources return plain values, so Quarkus REST
 * runs them on worker threads too; scheduled work (period ends, gauges, the outbox poll) runs on the scheduler's worker
 * threads, and the outbox publisher, woken by commits, on a thread of its own. Nothing in this service is reactive, and
 * nothing blocks an event loop.
 */
package io.hybridllm.cost;
