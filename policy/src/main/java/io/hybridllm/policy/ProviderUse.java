package io.hybridllm.policy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.contracts.Tier;

/**
 * What a worker uses for one enabled provider of the policy, each value with where it comes from (a policy key, a
 * documented property override, or a default), as {@link WorkerProviders} works it out. Value-equal: a worker that
 * follows a policy change keeps a provider whose use is unchanged, with its circuit and rate-limit state.
 *
 * @param worker
 *            {@code worker-local} for local kinds, {@code worker-cloud} for the others
 * @param maxTokens
 *            the most tokens an answer may have (null: no limit of the policy's)
 * @param rateLimitRpm
 *            this instance's share of the provider's limit (0: none)
 * @param hosts
 *            where calls go: one host at {@code baseUrl}, or the local backends that serve this provider
 */
public record ProviderUse(String name, ProviderKind kind, String worker, Sourced<String> baseUrl,
        Sourced<List<String>> keyVariables, Sourced<String> model, Sourced<Map<Tier, String>> tierModels,
        Sourced<Duration> timeout, Sourced<Integer> maxConcurrentRequests, Sourced<Integer> maxTokens,
        Sourced<Integer> rateLimitRpm, Sourced<Integer> rateLimitTpm, List<Host> hosts) {

    public static final String WORKER_LOCAL = "worker-local";
    public static final String WORKER_CLOUD = "worker-cloud";

    /** A value and where it comes from, e.g. {@code providers.claude.base_url}. */
    public record Sourced<T>(T value, String from) {

        @Override
        public String toString() {
            return value + " (" + from + ")";
        }
    }

    /** One server calls go to: its backend name, address and calls in flight. */
    public record Host(String name, String url, int slots, String from) {
    }

    /** The model a tier uses when a routing decision names none: the tier's own, else the provider's model. */
    public String modelFor(Tier tier) {
        return tierModels.value().getOrDefault(tier, model.value());
    }

    /** One line per value, for a startup log or {@code hybrid config check}. */
    public String describe() {
        StringBuilder out = new StringBuilder(
                name + " (" + kind.wireName() + ", " + worker + "):\n  base_url " + baseUrl + "\n");
        if (!hosts.isEmpty() && !(hosts.size() == 1 && hosts.getFirst().name().equals(name))) {
            hosts.forEach(h -> out.append("  host ").append(h.name()).append(' ').append(h.url()).append(", ")
                    .append(h.slots()).append(" slots (").append(h.from()).append(")\n"));
        }
        out.append("  keys from ").append(keyVariables).append("\n  model ").append(model).append("\n  tier_models ")
                .append(tierModels).append("\n  timeout ").append(timeout).append("\n  max_concurrent_requests ")
                .append(maxConcurrentRequests).append("\n  max_tokens ").append(maxTokens).append("\n  rate_limit_rpm ")
                .append(rateLimitRpm).append("\n  rate_limit_tpm ").append(rateLimitTpm);
        return out.toString();
    }
}
