package io.hybridllm.policy;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.policy.Policy.Provider;

/** Turns a merged policy tree into a {@link Policy}, or reports every problem in it. */
final class PolicyReader {

    private static final Pattern BUDGET_RULE = Pattern.compile("at_(\\d{1,3})_percent_budget");
    /** The [health] keys the workers follow; the others are accepted with a warning (InertKeys.HEALTH). */
    private static final Set<String> HEALTH_IN_EFFECT = Set.of("check_interval_seconds", "failure_threshold");
    private static final Set<String> HEALTH_SETTINGS = Set.of("check_interval_seconds", "auto_disable_on_failure",
            "auto_enable_on_recovery", "failure_threshold");
    /** A kind the seed names that no worker can serve. */
    private static final String COPILOT = "copilot";
    private static final Set<String> SCHEDULES = Set.of("weekday_9_to_5", "weekday_evening", "weekend");

    private final Problems problems;

    PolicyReader(Problems problems) {
        this.problems = problems;
    }

    Policy read(JsonNode tree, String version) {
        Table root = new Table(tree, "", problems);
        Map<String, Provider> providers = providers(root.table("providers"));
        Map<TaskType, Policy.TaskRule> taskTypes = TaskTypesReader.read(root.table("task_types"), problems);
        Map<String, Map<TaskType, Policy.Route>> routing = new RoutingReader(providers.keySet(), taskTypes, problems)
                .read(root.table("routing"));
        Policy.Ai ai = ai(root.table("ai"), providers.keySet(), routing.keySet());
        Policy.Scoring scoring = ScoringReader.read(root.table("scoring"), problems);
        Policy.Cost cost = cost(root.table("cost"), providers.keySet());
        Policy.Health health = health(root.table("health"), providers.keySet());
        Policy.DynamicSwitching switching = switching(root.table("dynamic_switching"), routing.keySet());
        Policy.Quality quality = QualityReader.read(root.table("quality"), taskTypes, problems);
        Policy.Cache cache = CacheReader.read(root.table("cache"), taskTypes, problems);
        root.text("version", null);
        root.rejectUnknown();
        if (problems.any()) {
            throw new PolicyException(problems.all());
        }
        return new Policy(version, ai, scoring, providers, taskTypes, routing, cost, health, switching, quality, cache);
    }

    private Policy.Ai ai(Table table, Set<String> providers, Set<String> modes) {
        String mode = table.text("mode", "hybrid");
        if (!modes.contains(mode)) {
            problems.add(table.key("mode"),
                    "is '" + mode + "', but [routing] defines only: " + String.join(", ", modes));
        }
        String primary = table.text("primary_provider", "auto");
        if (!primary.equals("auto") && !providers.contains(primary)) {
            problems.add(table.key("primary_provider"), "must be auto or a provider [providers] defines");
        }
        List<String> chain = table.texts("fallback_chain");
        if (chain.isEmpty()) {
            problems.add(table.key("fallback_chain"), "must name at least one provider");
        }
        List<String> seen = new ArrayList<>();
        for (String name : chain) {
            if (!providers.contains(name)) {
                problems.add(table.key("fallback_chain"), "names provider '" + name + "', which is not defined");
            } else if (seen.contains(name)) {
                problems.add(table.key("fallback_chain"), "names " + name + " twice: a chain must not loop");
            }
            seen.add(name);
        }
        table.rejectUnknown();
        return new Policy.Ai(mode, primary, List.copyOf(chain));
    }

    private Map<String, Provider> providers(Table table) {
        Map<String, Provider> providers = new LinkedHashMap<>();
        for (String name : table.names()) {
            Provider provider = provider(name, table.table(name));
            if (provider != null) {
                providers.put(name, provider);
            }
        }
        if (providers.isEmpty()) {
            problems.add("providers", "must define at least one provider");
        }
        return providers;
    }

    private Provider provider(String name, Table table) {
        String kindName = table.text("kind", null);
        if (COPILOT.equals(kindName) || kindName == null && COPILOT.equals(name)) {
            problems.add(kindName == null ? table.path() : table.key("kind"), "is GitHub Copilot, which has no public "
                    + "API a worker could call: route to a provider of another kind");
            table.raw("use_github_auth");
            table.rejectUnknown();
            return null;
        }
        ProviderKind kind = kindName == null ? guessKind(name) : ProviderKind.byWireName(kindName).orElse(null);
        if (kind == null) {
            problems.add(table.key("kind"),
                    (kindName == null ? "is required for provider " + name : "is '" + kindName + "'")
                            + "; known kinds: " + ProviderKind.wireNames());
            kind = ProviderKind.OPENAI_COMPATIBLE;
        }
        String baseUrl = table.text("base_url", null);
        if (baseUrl != null && kind == ProviderKind.IN_PROCESS) {
            problems.add(table.key("base_url"), "has no effect: kind in-process runs inside the local worker");
        } else if (baseUrl != null && !baseUrl.matches("https?://.+")) {
            problems.add(table.key("base_url"), "must be an http:// or https:// URL");
        } else if (baseUrl != null) {
            try {
                URI.create(baseUrl);
            } catch (IllegalArgumentException e) {
                problems.add(table.key("base_url"), "is not a valid URL: " + e.getMessage());
            }
        }
        Map<Tier, String> tierModels = new EnumMap<>(Tier.class);
        Table tiers = table.table("tier_models");
        var entries = tiers.entries();
        while (entries.hasNext()) {
            var entry = entries.next();
            Tier tier = Arrays.stream(Tier.values()).filter(t -> t.wireName().equals(entry.getKey())).findFirst()
                    .orElse(null);
            if (tier == null || !tier.isLocal() || !kind.isLocal()) {
                problems.add(tiers.key(entry.getKey()),
                        "must name a local tier (local-fast, local-quality) of a " + "local provider");
            } else if (!entry.getValue().isTextual()) {
                problems.add(tiers.key(entry.getKey()), "must be a model name");
            } else {
                tierModels.put(tier, entry.getValue().asText());
            }
        }
        String apiKeyEnv = table.text("api_key_env", null);
        if (apiKeyEnv != null
                && !apiKeyEnv.matches("\\s*[A-Za-z_][A-Za-z0-9_]*\\s*(,\\s*[A-Za-z_][A-Za-z0-9_]*\\s*)*")) {
            problems.add(table.key("api_key_env"),
                    "must name environment variables (letters, digits, _), comma-separated, e.g. ANTHROPIC_API_KEY");
        }
        if (table.bool("use_github_auth", false)) {
            problems.add(table.key("use_github_auth"), "is not supported: no worker can sign in with GitHub; "
                    + "give the provider an api_key_env instead");
        }
        CapabilitiesReader.Read capabilities = CapabilitiesReader.read(table.table("capabilities"), kind);
        Provider provider = new Provider(name, kind, table.bool("enabled", true), baseUrl, table.text("model", null),
                table.texts("models"), tierModels, apiKeyEnv, millis(table.integer("timeout_ms", null, 1, 3_600_000)),
                table.integer("max_concurrent_requests", null, 1, 100_000),
                table.integer("max_tokens", null, 1, 10_000_000), table.integer("rate_limit_rpm", null, 1, 10_000_000),
                table.integer("rate_limit_tpm", null, 1, 1_000_000_000), table.text("region", null),
                capabilities.provider(), capabilities.models());
        table.rejectUnknown();
        return provider;
    }

    /** Null when unset: each worker then applies its own default (docs/workers.md). */
    private static Duration millis(Integer value) {
        return value == null ? null : Duration.ofMillis(value);
    }

    /** The seed names providers by what they are; a kind may be left out for those names. */
    private static ProviderKind guessKind(String name) {
        return switch (name) {
            case "ollama" -> ProviderKind.OLLAMA;
            case "openai", "gpt4" -> ProviderKind.OPENAI;
            case "claude", "anthropic" -> ProviderKind.ANTHROPIC;
            case "gemini" -> ProviderKind.GEMINI;
            case "cohere" -> ProviderKind.COHERE;
            case "mistral" -> ProviderKind.MISTRAL;
            case "grok", "xai" -> ProviderKind.XAI;
            default -> null;
        };
    }

    private Policy.Cost cost(Table table, Set<String> providers) {
        int warn = table.integer("warn_at_percent", 80, 1, 100);
        int pause = table.integer("pause_at_percent", 95, 1, 100);
        if (warn >= pause) {
            problems.add(table.key("warn_at_percent"), "is " + warn + ", not below pause_at_percent (" + pause + ")");
        }
        Map<String, Policy.ProviderPrice> prices = CostProvidersReader.read(table.table("providers"), providers);
        if (table.raw("track_usage") != null) {
            problems.warn(table.key("track_usage"), InertKeys.TRACK_USAGE);
        }
        String unpriced = table.text("unpriced_models", "most_expensive");
        if (!Set.of("most_expensive", "refuse").contains(unpriced)) {
            problems.add(table.key("unpriced_models"), "is '" + unpriced + "', must be most_expensive (count a paid"
                    + " call the price catalogue does not list at its provider's highest prices) or refuse (route no"
                    + " request to it while a budget is in force)");
        }
        Policy.Cost cost = new Policy.Cost(table.money("monthly_budget_usd", null),
                table.money("daily_budget_usd", null), warn, pause, table.bool("track_usage", true), prices,
                unpriced.equals("refuse") ? Policy.UnpricedModels.REFUSE : Policy.UnpricedModels.MOST_EXPENSIVE);
        table.rejectUnknown();
        return cost;
    }

    private Policy.Health health(Table table, Set<String> providers) {
        Integer interval = table.integer("check_interval_seconds", null, 1, 86_400);
        boolean disable = table.bool("auto_disable_on_failure", true);
        boolean enable = table.bool("auto_enable_on_recovery", true);
        Integer threshold = table.integer("failure_threshold", null, 1, 1_000);
        Map<String, Policy.HealthCheck> checks = new LinkedHashMap<>();
        for (String name : table.names()) {
            JsonNode value = table.raw(name);
            if (!value.isObject()) {
                if (!HEALTH_SETTINGS.contains(name)) {
                    problems.add(table.key(name), "is not a known key here; known: "
                            + String.join(", ", HEALTH_SETTINGS) + ", or a [health.<provider>] table");
                }
                continue;
            }
            Table check = table.table(name);
            if (!providers.contains(name)) {
                problems.add(check.path(), "checks provider '" + name + "', which [providers] does not define");
            }
            checks.put(name,
                    new Policy.HealthCheck(check.text("ping_endpoint", null), check.texts("expected_models"),
                            check.text("test_prompt", null), check.integer("max_response_time_ms", null, 1, 600_000),
                            check.bool("check_auth", false)));
            check.rejectUnknown();
        }
        table.names().stream().filter(name -> !HEALTH_IN_EFFECT.contains(name))
                .forEach(name -> problems.warn(table.key(name), InertKeys.HEALTH));
        return new Policy.Health(interval, disable, enable, threshold, checks);
    }

    private Policy.DynamicSwitching switching(Table table, Set<String> modes) {
        boolean enabled = table.bool("enabled", false);
        List<Policy.BudgetRule> rules = new ArrayList<>();
        Table ruleTable = table.table("rules");
        var entries = ruleTable.entries();
        while (entries.hasNext()) {
            var entry = entries.next();
            Matcher matcher = BUDGET_RULE.matcher(entry.getKey());
            int percent = matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
            if (percent < 1 || percent > 100) {
                problems.add(ruleTable.key(entry.getKey()), "must be named at_<1-100>_percent_budget");
            } else if (mode(ruleTable.key(entry.getKey()), entry.getValue(), modes) != null) {
                rules.add(new Policy.BudgetRule(percent, entry.getValue().asText()));
            }
        }
        rules.sort(Comparator.comparingInt(Policy.BudgetRule::atPercent));
        Table schedule = table.table("schedule");
        String zone = schedule.text("time_zone", "UTC");
        try {
            ZoneId.of(zone);
        } catch (RuntimeException e) {
            problems.add(schedule.key("time_zone"), "is not a time zone (e.g. Europe/Berlin, UTC)");
        }
        Map<String, String> scheduled = new LinkedHashMap<>();
        for (String name : SCHEDULES) {
            JsonNode value = schedule.raw(name);
            if (value != null && mode(schedule.key(name), value, modes) != null) {
                scheduled.put(name, value.asText());
            }
        }
        schedule.rejectUnknown();
        Map<String, String> context = new LinkedHashMap<>();
        Table contextTable = table.table("context");
        var contexts = contextTable.entries();
        while (contexts.hasNext()) {
            var entry = contexts.next();
            if (mode(contextTable.key(entry.getKey()), entry.getValue(), modes) != null) {
                context.put(entry.getKey(), entry.getValue().asText());
            }
        }
        table.rejectUnknown();
        return new Policy.DynamicSwitching(enabled, List.copyOf(rules), scheduled, zone, context);
    }

    private String mode(String key, JsonNode value, Set<String> modes) {
        if (!value.isTextual() || !modes.contains(value.asText())) {
            problems.add(key, "must name a mode [routing] defines: " + String.join(", ", modes));
            return null;
        }
        return value.asText();
    }
}
