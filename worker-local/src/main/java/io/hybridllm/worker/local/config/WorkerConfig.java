package io.hybridllm.worker.local.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The local model servers this worker calls, and which model serves a tier when the routing decision names none. Each
 * backend is one server (one GPU host) with its slots: the calls it may have in flight, e.g. its
 * {@code OLLAMA_NUM_PARALLEL}.
 */
@ConfigMapping(prefix = "hybrid.local")
public interface WorkerConfig {

    /** By name, e.g. {@code hybrid.local.backends.gpu-1.url=http://gpu-1:11434}. */
    Map<String, Backend> backends();

    /** Per tier wire name, e.g. {@code local-fast=llama3.2:1b}. */
    Map<String, String> defaultModels();

    /** The longest a chat call may take, first token to last: local models on small GPUs are slow. */
    @WithDefault("120s")
    Duration timeout();

    @WithDefault("5s")
    Duration connectTimeout();

    /** Health checks must answer quickly, whatever the chat timeout. */
    @WithDefault("5s")
    Duration healthTimeout();

    /** How long a pulled model may take to download. */
    @WithDefault("30m")
    Duration pullTimeout();

    interface Backend {

        @WithDefault("ollama")
        Kind kind();

        /** Ollama's address as {@code OLLAMA_HOST} gives it, or an OpenAI-compatible base URL ending in /v1. */
        String url();

        @WithDefault("4")
        int slots();

        /** The provider name routing decisions use; by default {@code ollama}, or the backend's name for others. */
        Optional<String> provider();

        /** For OpenAI-compatible servers that want a key: the environment variable holding it. */
        Optional<String> apiKeyEnv();
    }

    enum Kind {
        OLLAMA, OPENAI_COMPATIBLE
    }
}
