package io.hybridllm.worker.cloud.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How to reach the cloud providers, one entry per provider under {@code hybrid.cloud.providers.<name>}, where the name
 * is the one routing decisions use. API keys are secrets: nothing may log or echo them.
 */
@ConfigMapping(prefix = "hybrid.cloud")
public interface WorkerConfig {

    Map<String, Provider> providers();

    /**
     * How many worker-cloud instances share each provider's rate limits: each takes {@code limit / instances}. Set it
     * to the most instances that run at once (the autoscaler's maximum).
     */
    @WithDefault("1")
    int instances();

    /** The longest a request waits for a rate-limit permit before it fails over to the next target. */
    @WithDefault("60s")
    Duration rateLimitMaxWait();

    Circuit circuit();

    Credentials credentials();

    /** The encrypted credential store in PostgreSQL (docs/workers.md, "Credential store"). */
    interface Credentials {

        /**
         * {@code postgresql} or {@code none}; unset, the store is on when a database URL
         * ({@code quarkus.datasource.jdbc.url}) is set.
         */
        Optional<String> store();

        /**
         * A file holding the master key (32 bytes, base64), for when {@code HYBRID_CREDENTIALS_MASTER_KEY} is not set.
         */
        Optional<Path> masterKeyFile();

        /** The id recorded with each row; defaults to a fingerprint of the master key itself. */
        Optional<String> masterKeyId();

        /** How often each worker reads the store again, so a key added or retired elsewhere counts everywhere. */
        @WithDefault("30s")
        Duration reloadInterval();
    }

    /** Every provider's circuit breaker. */
    interface Circuit {

        /** Provider-side failures in a row (5xx, overloaded, timeouts, connection errors, 429s) that open it. */
        @WithDefault("3")
        int failureThreshold();

        /** How long it stays open before one probe call may go through (half-open). */
        @WithDefault("60s")
        Duration recovery();
    }

    interface Provider {

        /**
         * The wire format: openai, azure-openai, anthropic, gemini, cohere, mistral, xai or openai-compatible. Defaults
         * to the provider's name when that is one of these.
         */
        Optional<String> kind();

        /** Empty for the kind's public endpoint; required for azure-openai and openai-compatible. */
        Optional<String> baseUrl();

        /** The key itself; better left unset here and read from {@link #apiKeyEnv()}. */
        Optional<String> apiKey();

        /**
         * The environment variables holding the keys, comma-separated, as the policy's {@code api_key_env} names them;
         * with several, calls rotate to the next key on 401, 403 and 429.
         */
        Optional<List<String>> apiKeyEnv();

        /** Used when the routing decision's target names no model; for azure-openai a deployment name. */
        Optional<String> defaultModel();

        /** Azure's api-version or Anthropic's anthropic-version; empty for the tested default. */
        Optional<String> apiVersion();

        /** Calls in flight to this provider, on virtual threads; size it to the account's rate limits. */
        @WithDefault("256")
        int maxInFlight();

        /** Requests per minute the account allows (the policy's {@code rate_limit_rpm}); empty for no limit. */
        OptionalInt rateLimitRpm();

        /** Tokens per minute the account allows (prompt and answer); empty for no limit. */
        OptionalInt rateLimitTpm();

        /** The answer budget for providers that require one (Anthropic) when a request sets none. */
        @WithDefault("4096")
        int maxTokens();

        /** The whole call, from sending to the last byte of the answer. */
        @WithDefault("120s")
        Duration timeout();

        @WithDefault("5s")
        Duration connectTimeout();

        /** The backends health check must answer quickly, whatever the chat timeout. */
        @WithDefault("5s")
        Duration healthTimeout();
    }
}
