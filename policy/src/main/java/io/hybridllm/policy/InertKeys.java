package io.hybridllm.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys the policy reads and validates but no service follows yet, each with what it does not do and where the value in
 * force comes from instead. An operator who sets one gets a warning naming file, key and that reason, so nothing is
 * accepted in silence; a key leaves this list in the change that gives it its effect.
 */
final class InertKeys {

    /** Under {@code [providers.<name>]}; {@code %s} is the provider's name. */
    static final Map<String, String> PROVIDER = new LinkedHashMap<>();
    /** Under {@code [health]} and {@code [health.<provider>]}. */
    static final String HEALTH = "has no effect: the workers' health checks follow their own settings "
            + "(hybrid.worker.health.interval and .failure-threshold), not [health]";
    static final String TRACK_USAGE = "has no effect: usage is always recorded (the budgets depend on it)";
    static final String CACHE_TTL = "has no effect: there is no answer cache yet; the route is its provider, then "
            + "its fallback";

    static {
        String connection = "has no effect: the workers do not take provider connections from the policy yet; ";
        PROVIDER.put("base_url", connection + "worker-local uses OLLAMA_HOST and hybrid.local.backends.*.url, "
                + "worker-cloud hybrid.cloud.providers.%s.base-url (default: the kind's public endpoint)");
        PROVIDER.put("api_key_env", connection + "worker-cloud reads the key from the variables "
                + "hybrid.cloud.providers.%s.api-key-env names");
        PROVIDER.put("timeout_ms",
                connection + "call timeouts are hybrid.local.timeout and " + "hybrid.cloud.providers.%s.timeout");
        PROVIDER.put("max_concurrent_requests", connection + "calls in flight are hybrid.local.backends.*.slots and "
                + "hybrid.cloud.providers.%s.max-in-flight");
        PROVIDER.put("max_tokens", connection + "the answer budget is hybrid.cloud.providers.%s.max-tokens");
        PROVIDER.put("rate_limit_rpm", connection + "the limit in force is hybrid.cloud.providers.%s.rate-limit-rpm");
        PROVIDER.put("rate_limit_tpm", connection + "the limit in force is hybrid.cloud.providers.%s.rate-limit-tpm");
    }

    private InertKeys() {
    }
}
