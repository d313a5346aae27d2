package io.hybridllm.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.policy.ProviderUse.Host;
import io.hybridllm.policy.ProviderUse.Sourced;

/**
 * What the workers use per provider, and from where: a pure function of the policy in force, the workers' documented
 * property overrides and their defaults. worker-cloud serves every enabled provider of a non-local kind, worker-local
 * every enabled local one. The policy sets each value; the properties may override only where a worker cannot know
 * (where a simulator or a GPU box is):
 * <ul>
 * <li>{@code hybrid.cloud.providers.<name>.base-url} replaces the policy's {@code base_url}; {@code .api-key},
 * {@code .api-version}, {@code .connect-timeout} and {@code .health-timeout} are worker-cloud's own;</li>
 * <li>{@code hybrid.local.backends.<backend>.url} (with {@code .provider}, default {@code ollama}, and {@code .slots})
 * gives a local provider its hosts instead of its {@code base_url}.</li>
 * </ul>
 * A property naming a provider the policy does not enable changes nothing and is reported in {@link Plan#notes()}.
 */
public final class WorkerProviders {

    public static final String CLOUD_PREFIX = "hybrid.cloud.providers.";
    public static final String LOCAL_PREFIX = "hybrid.local.backends.";
    /** The settings worker-cloud takes per provider from its properties; the rest come from the policy. */
    public static final List<String> CLOUD_SETTINGS = List.of("base-url", "api-key", "api-version", "connect-timeout",
            "health-timeout");
    /** The settings of a local host; its provider's other values come from the policy. */
    public static final List<String> LOCAL_SETTINGS = List.of("url", "provider", "slots");

    /**
     * The workers' own defaults, for what the policy leaves unset. {@code ollamaHost} ({@code OLLAMA_HOST}) is the
     * default address of a local provider named {@code ollama}; null when unset.
     */
    public record Defaults(Duration timeout, int cloudSlots, int localSlots, int cloudInstances, String ollamaHost) {

        public static final Defaults STANDARD = new Defaults(Duration.ofSeconds(120), 256, 4, 1, null);
    }

    /** Every enabled provider's use, in policy order, and what the policy or the properties leave without effect. */
    public record Plan(List<ProviderUse> uses, List<String> notes) {

        public List<ProviderUse> of(String worker) {
            return uses.stream().filter(use -> use.worker().equals(worker)).toList();
        }

        public String describe() {
            StringBuilder out = new StringBuilder();
            uses.forEach(use -> out.append(use.describe()).append('\n'));
            notes.forEach(note -> out.append("note: ").append(note).append('\n'));
            return out.toString();
        }
    }

    private WorkerProviders() {
    }

    /** {@code properties}: the workers' settings under the two prefixes above (others are ignored). */
    public static Plan plan(Policy policy, Map<String, String> properties, Defaults defaults) {
        List<String> notes = new ArrayList<>();
        Map<String, Map<String, String>> cloud = byName(properties, CLOUD_PREFIX);
        Map<String, Map<String, String>> local = byName(properties, LOCAL_PREFIX);
        List<ProviderUse> uses = new ArrayList<>();
        for (Policy.Provider provider : policy.providers().values()) {
            if (!provider.enabled()) {
                notes.add("providers." + provider.name() + " is disabled (enabled = false): no worker calls it");
                continue;
            }
            uses.add(use(provider, cloud.getOrDefault(provider.name(), Map.of()), hosts(provider, local, defaults),
                    defaults));
        }
        cloud.forEach((name, settings) -> settings.keySet().forEach(setting -> {
            Policy.Provider provider = policy.providers().get(name);
            if (!CLOUD_SETTINGS.contains(setting)) {
                notes.add(CLOUD_PREFIX + name + "." + setting + " has no effect: worker-cloud takes only "
                        + String.join(", ", CLOUD_SETTINGS) + " from its properties; the rest is the policy's"
                        + " [providers." + name + "] (docs/workers.md)");
            } else if (provider == null || !provider.enabled() || provider.isLocal()) {
                notes.add(CLOUD_PREFIX + name + "." + setting + " has no effect: the policy names no enabled cloud"
                        + " provider " + name);
            }
        }));
        local.forEach((backend, settings) -> settings.keySet().stream().filter(s -> !LOCAL_SETTINGS.contains(s))
                .forEach(setting -> notes.add(LOCAL_PREFIX + backend + "." + setting + " has no effect: a local host"
                        + " takes only " + String.join(", ", LOCAL_SETTINGS) + "; the rest is its provider's in the"
                        + " policy (docs/workers.md)")));
        local.forEach((backend, settings) -> {
            String name = settings.getOrDefault("provider", "ollama");
            Policy.Provider provider = policy.providers().get(name);
            if (provider == null || !provider.enabled() || !provider.isLocal()) {
                notes.add(LOCAL_PREFIX + backend + " has no effect: the policy names no enabled local provider " + name
                        + " (set " + LOCAL_PREFIX + backend + ".provider)");
            }
        });
        return new Plan(List.copyOf(uses), List.copyOf(notes));
    }

    private static ProviderUse use(Policy.Provider p, Map<String, String> overrides, List<Host> hosts,
            Defaults defaults) {
        String key = "providers." + p.name() + ".";
        boolean local = p.isLocal();
        Sourced<String> baseUrl = overrides.containsKey("base-url")
                ? new Sourced<>(overrides.get("base-url"), CLOUD_PREFIX + p.name() + ".base-url")
                : local && !hosts.isEmpty() ? new Sourced<>(hosts.getFirst().url(), hosts.getFirst().from())
                        : new Sourced<>(p.baseUrl() != null ? p.baseUrl() : p.kind().defaultBaseUrl(),
                                p.baseUrl() != null ? key + "base_url" : "the default of kind " + p.kind().wireName());
        int slotDefault = local ? defaults.localSlots() : defaults.cloudSlots();
        return new ProviderUse(p.name(), p.kind(), local ? ProviderUse.WORKER_LOCAL : ProviderUse.WORKER_CLOUD, baseUrl,
                new Sourced<>(p.keyVariables(),
                        p.apiKeyEnv() != null ? key + "api_key_env" : "the default of kind " + p.kind().wireName()),
                new Sourced<>(p.model(), p.model() != null ? key + "model" : "unset: the routing decision's model"),
                new Sourced<>(Map.copyOf(p.tierModels()), p.tierModels().isEmpty() ? "unset" : key + "tier_models"),
                or(p.timeout(), defaults.timeout(), key + "timeout_ms"),
                or(p.maxConcurrentRequests(), slotDefault, key + "max_concurrent_requests"),
                new Sourced<>(p.maxTokens(),
                        p.maxTokens() != null ? key + "max_tokens"
                                : "unset: the request's own (4096 where the provider requires one)"),
                share(p.rateLimitRpm(), key + "rate_limit_rpm", local, defaults),
                share(p.rateLimitTpm(), key + "rate_limit_tpm", local, defaults), hosts);
    }

    /** A local provider's hosts: the backends that name it, else one at its base URL. */
    private static List<Host> hosts(Policy.Provider p, Map<String, Map<String, String>> local, Defaults defaults) {
        if (!p.isLocal()) {
            return List.of();
        }
        int slots = p.maxConcurrentRequests() != null ? p.maxConcurrentRequests() : defaults.localSlots();
        List<Host> hosts = new ArrayList<>();
        local.forEach((backend, settings) -> {
            if (settings.getOrDefault("provider", "ollama").equals(p.name()) && settings.containsKey("url")) {
                hosts.add(new Host(backend, settings.get("url"),
                        settings.containsKey("slots") ? Integer.parseInt(settings.get("slots").strip()) : slots,
                        LOCAL_PREFIX + backend + ".url"));
            }
        });
        if (hosts.isEmpty()) {
            String from = p.baseUrl() != null ? "providers." + p.name() + ".base_url"
                    : p.kind() == ProviderKind.OLLAMA && p.name().equals("ollama") && defaults.ollamaHost() != null
                            ? "OLLAMA_HOST"
                            : "the default of kind " + p.kind().wireName();
            String url = switch (from) {
                case "OLLAMA_HOST" -> defaults.ollamaHost();
                default -> p.baseUrl() != null ? p.baseUrl() : p.kind().defaultBaseUrl();
            };
            hosts.add(new Host(p.name(), url, slots, from));
        }
        return List.copyOf(hosts);
    }

    private static <T> Sourced<T> or(T value, T fallback, String key) {
        return value != null ? new Sourced<>(value, key) : new Sourced<>(fallback, "the workers' default");
    }

    /** Each cloud worker takes an equal part of a limit, at least 1; 0 means no limit. */
    private static Sourced<Integer> share(Integer limit, String key, boolean local, Defaults defaults) {
        if (limit == null) {
            return new Sourced<>(0, "unset: no limit");
        }
        int instances = local ? 1 : Math.max(1, defaults.cloudInstances());
        return instances == 1 ? new Sourced<>(limit, key)
                : new Sourced<>(Math.max(1, limit / instances),
                        key + " (" + limit + ") / hybrid.cloud.instances (" + instances + ")");
    }

    /** {@code prefix<name>.<setting>=value} grouped by name; blank values count as unset. */
    private static Map<String, Map<String, String>> byName(Map<String, String> properties, String prefix) {
        Map<String, Map<String, String>> named = new TreeMap<>();
        properties.forEach((property, value) -> {
            if (property.startsWith(prefix) && value != null && !value.isBlank()) {
                String rest = property.substring(prefix.length());
                int dot = rest.lastIndexOf('.');
                if (dot > 0) {
                    named.computeIfAbsent(rest.substring(0, dot), n -> new LinkedHashMap<>())
                            .put(rest.substring(dot + 1), value.strip());
                }
            }
        });
        return named;
    }
}
