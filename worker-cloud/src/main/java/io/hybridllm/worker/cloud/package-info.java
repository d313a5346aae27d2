/**
 * The cloud worker: consumes {@code llm.tier.cloud} (consumer group {@code worker-cloud}) and answers on the cloud
 * providers of the routing decision, publishing one reply per request and one usage event per provider call.
 * <p>
 * Threading model: a consumer takes its next record once the current one holds a slot on its provider; the call then
 * runs on a virtual thread, so a slow provider costs memory, not threads, and thousands of calls can be in flight
 * ({@code hybrid.cloud.providers.<name>.max-in-flight}). The record is acknowledged when its reply and usage are in
 * Kafka.
 */
package io.hybridllm.worker.cloud;
