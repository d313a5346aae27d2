package io.hybridllm.worker.local.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * worker-local's wiring. Its providers come from the policy in force (every enabled local one: kind, base URL, key
 * variable, models per tier, timeout, concurrency, answer limit, rate limits); here are the hosts of a provider that
 * runs on several servers, each with its slots (e.g. its {@code OLLAMA_NUM_PARALLEL}), and the defaults for what the
 * policy leaves unset.
 */
@ConfigMapping(prefix = "hybrid.local")
public interface WorkerConfig {

    /**
     * Hosts for a local provider of the policy, by backend name, e.g. {@code hybrid.local.backends.gpu-1.url}: a
     * provider with several GPU boxes. A local provider without any takes its policy {@code base_url}.
     */
    Map<String, Backend> backends();

    /** The address of a provider named {@code ollama} that has no {@code base_url}: {@code OLLAMA_HOST}, as today. */
    Optional<String> ollamaHost();

    /** Calls in flight per host when the policy sets no {@code max_concurrent_requests}. */
    @WithDefault("4")
    int slots();

    /** The longest a chat call may take, when the policy sets no {@code timeout_ms}: local models are slow. */
    @WithDefault("120s")
    Duration timeout();

    @WithDefault("5s")
    Duration connectTimeout();

    /** Health checks must answer quickly, whatever the chat timeout. */
    @WithDefault("5s")
    Duration healthTimeout();

    /** The longest a request waits for a rate-limit permit (a policy's rate_limit_rpm/tpm) before it moves on. */
    @WithDefault("60s")
    Duration rateLimitMaxWait();

    /** How long a pulled model may take to download. */
    @WithDefault("30m")
    Duration pullTimeout();

    interface Backend {

        /** Ollama's address as {@code OLLAMA_HOST} gives it, or an OpenAI-compatible base URL ending in /v1. */
        String url();

        /** Calls in flight on this host; by default the provider's {@code max_concurrent_requests}. */
        OptionalInt slots();

        /** The local provider of the policy this host serves. */
        @WithDefault("ollama")
        String provider();
    }
}
