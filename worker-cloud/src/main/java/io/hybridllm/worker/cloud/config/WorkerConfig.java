package io.hybridllm.worker.cloud.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * worker-cloud's wiring: its share of the rate limits, its circuit breakers, its credential store, and the few
 * per-provider values the policy cannot hold ({@code hybrid.cloud.providers.<name>}, by the policy's names). The
 * providers themselves come from the policy. API keys are secrets: nothing may log or echo them.
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

    /**
     * What the policy cannot know about a provider, by its policy name; everything else (kind, base URL, key variables,
     * model, timeout, concurrency, answer limit, rate limits) comes from the policy in force (docs/workers.md). A
     * provider the policy does not name here changes nothing and is warned of.
     */
    interface Provider {

        /** Replaces the policy's {@code base_url}, e.g. for a simulator; empty for the policy's (or the kind's). */
        Optional<String> baseUrl();

        /**
         * A fixed key, for tests; otherwise keys are read from the variables the policy's {@code api_key_env} names.
         */
        Optional<String> apiKey();

        /** Azure's api-version or Anthropic's anthropic-version; empty for the tested default. */
        Optional<String> apiVersion();

        @WithDefault("5s")
        Duration connectTimeout();

        /** The backends health check must answer quickly, whatever the chat timeout. */
        @WithDefault("5s")
        Duration healthTimeout();
    }

    /** Calls in flight per provider when the policy sets no {@code max_concurrent_requests}. */
    @WithDefault("256")
    int maxInFlight();

    /** The whole call, from sending to the last byte of the answer, when the policy sets no {@code timeout_ms}. */
    @WithDefault("120s")
    Duration timeout();
}
