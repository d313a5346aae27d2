package io.hybridllm.worker.local.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How to reach Ollama and which model serves a tier when the routing decision names none. */
@ConfigMapping(prefix = "hybrid.worker")
public interface WorkerConfig {

    Ollama ollama();

    interface Ollama {

        /** Ollama's address, as {@code OLLAMA_HOST} gives it; a bare {@code host:port} means http. */
        String baseUrl();

        /** The longest a chat call may take, first token to last: local models on small GPUs are slow. */
        @WithDefault("120s")
        Duration timeout();

        @WithDefault("5s")
        Duration connectTimeout();

        /** The backends health check must answer quickly, whatever the chat timeout. */
        @WithDefault("5s")
        Duration healthTimeout();

        /** Per tier wire name, e.g. {@code local-fast=llama3.2:1b}. */
        Map<String, String> defaultModels();
    }
}
