/**
 * The local worker: consumes the two local tier topics ({@code llm.tier.local-fast} and {@code llm.tier.local-quality},
 * each in its own consumer group) and answers them on a pool of local model servers (Ollama; see
 * {@code hybrid.local.backends}), the least busy healthy one that has the model, within each server's slots. Answers
 * below the decision's quality bar, and requests no backend here can answer, escalate to the next tier.
 * <p>
 * Threading model: a consumer takes its next record once the current one holds a slot; the call then runs on a virtual
 * thread, and the record is acknowledged when its reply (or escalation) and usage are in Kafka. The slots, not threads,
 * bound the work: a GPU serves only a few requests at a time.
 */
package io.hybridllm.worker.local;
