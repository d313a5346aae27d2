/**
 * The {@code hybrid bench} measurements that start their own system: end-to-end latency, and the throughput of one
 * router, one local worker and one cloud worker working off a backlog. The load and peer benches are in {@code load}.
 */
package io.hybridllm.launcher.bench;
