/**
 * The cloud worker: consumes {@code llm.tier.cloud}, calls the provider of the routing decision's first target through
 * the adapter of its wire format ({@link io.hybridllm.worker.cloud.provider.ProviderBackend}), and publishes one reply
 * per request and one usage event per provider call.
 * <p>
 * Threading model: blocking. A provider call holds a thread for seconds, so the consumer runs
 * {@code @Blocking(value = "cloud-calls", ordered = false)} on a named worker pool whose size
 * ({@code smallrye.messaging.worker.cloud-calls.max-concurrency}, env {@code WORKER_MAX_CONCURRENCY}) is the bound on
 * calls in flight. A pool of platform threads is chosen over virtual threads because the limit that matters is the
 * account's rate limit, not threads: a fixed, visible bound keeps one worker from bursting into 429s. Records beyond it
 * wait in a bounded window (the messaging merge window, then the paused Kafka consumer). The worker thread is released
 * once the reply and usage records are handed to the producer; the offset is acknowledged asynchronously when Kafka has
 * acknowledged them.
 */
package io.hybridllm.worker.cloud;
