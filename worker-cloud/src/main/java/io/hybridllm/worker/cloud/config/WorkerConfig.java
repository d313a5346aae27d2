package io.hybridllm.worker.cloud.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How to reach the cloud providers. The API key is a secret: nothing may log or echo it. */
@ConfigMapping(prefix = "hybrid.cloud")
public interface WorkerConfig {

    OpenAi openai();

    interface OpenAi {

        /** Up to and including the version, e.g. {@code https://api.openai.com/v1}. */
        String baseUrl();

        /** Empty when none is set: requests then fail with AUTHENTICATION and no call is made. */
        Optional<String> apiKey();

        /** Used when the routing decision's target names no model. */
        @WithDefault("gpt-4o-mini")
        String defaultModel();

        @WithDefault("120s")
        Duration timeout();

        @WithDefault("5s")
        Duration connectTimeout();

        /** The backends health check must answer quickly, whatever the chat timeout. */
        @WithDefault("5s")
        Duration healthTimeout();
    }
}
