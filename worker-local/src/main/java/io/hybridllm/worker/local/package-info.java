/**
 * The local worker: consumes the two local tier topics ({@code llm.tier.local-fast} and {@code llm.tier.local-quality},
 * each in its own consumer group), calls Ollama's native chat API on the first target of the routing decision, and
 * publishes one reply per request and one usage event per provider call.
 * <p>
 * Threading model: blocking. An Ollama call holds a thread for seconds, so the consumers run
 * {@code @Blocking(value = "ollama-calls", ordered = false)} on a named worker pool whose size
 * ({@code smallrye.messaging.worker.ollama-calls.max-concurrency}, env {@code WORKER_MAX_CONCURRENCY}) is the bound on
 * calls in flight to the backend, shared by both tiers because they share the GPUs. A small platform-thread pool is
 * chosen over virtual threads because the limit is the backend, not threads: Ollama serves only a few requests at a
 * time (OLLAMA_NUM_PARALLEL), and a pool makes that bound explicit. Records beyond it wait in a bounded window (the
 * messaging merge window, then the paused Kafka consumer). The worker thread is released once the reply and usage
 * records are handed to the producer; the offset is acknowledged asynchronously when Kafka has acknowledged them.
 */
package io.hybridllm.worker.local;
