package io.hybridllm.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.TaskType;
import io.hybridllm.policy.Policy.Route;

/** Reads {@code [routing.<mode>]}: per task type, one of the seed's four route shapes, naming known providers. */
final class RoutingReader {

    private static final String SHAPES = "must be a provider name, a list of provider names, a table of quick/normal/"
            + "deep routes, or a table with provider, fallback and cache_ttl_hours";

    private final Set<String> providers;
    private final Problems problems;
    private final Map<TaskType, Policy.TaskRule> taskTypes;

    RoutingReader(Set<String> providers, Map<TaskType, Policy.TaskRule> taskTypes, Problems problems) {
        this.providers = providers;
        this.problems = problems;
        this.taskTypes = taskTypes;
    }

    Map<String, Map<TaskType, Route>> read(Table routing) {
        Map<String, Map<TaskType, Route>> modes = new LinkedHashMap<>();
        for (String mode : routing.names()) {
            Table table = routing.table(mode);
            Map<TaskType, Route> routes = new LinkedHashMap<>();
            var entries = table.entries();
            while (entries.hasNext()) {
                var entry = entries.next();
                String key = table.key(entry.getKey());
                TaskType type = TaskTypesReader.known(entry.getKey(), key, taskTypes, problems);
                if (type == null) {
                    continue;
                }
                Route route = route(entry.getValue(), key, true);
                if (route instanceof Route.Cached cached && type.equals(TaskType.EMBED)
                        && cached.cacheTtlHours() != null && cached.cacheTtlHours() > 0) {
                    problems.add(key + ".cache_ttl_hours", "embeddings are not cached (a cache entry keeps a text "
                            + "answer, not vectors); leave it out or set 0");
                }
                if (route != null) {
                    routes.put(type, route);
                }
            }
            modes.put(mode, Map.copyOf(routes));
        }
        return modes;
    }

    private Route route(JsonNode value, String key, boolean tablesAllowed) {
        if (value.isTextual() || value.isArray()) {
            return chain(value, key);
        }
        if (tablesAllowed && value.isObject() && value.has("provider")) {
            return cached(new Table(value, key, problems));
        }
        if (tablesAllowed && value.isObject()) {
            return byDepth(new Table(value, key, problems));
        }
        problems.add(key, tablesAllowed ? SHAPES : "must be a provider name or a list of provider names");
        return null;
    }

    private Route.Chain chain(JsonNode value, String key) {
        List<String> names = new ArrayList<>();
        if (value.isTextual()) {
            names.add(value.asText());
        } else {
            value.forEach(element -> names.add(element.isTextual() ? element.asText() : String.valueOf(element)));
        }
        if (names.isEmpty()) {
            problems.add(key, "is an empty chain; name at least one provider");
            return null;
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                problems.add(key, "names " + name + " twice; a chain must not loop back to a provider it has tried");
            }
            checkProvider(key, name);
        }
        return new Route.Chain(List.copyOf(names));
    }

    private Route byDepth(Table table) {
        JsonNode quick = table.raw("quick");
        JsonNode normal = table.raw("normal");
        JsonNode deep = table.raw("deep");
        table.rejectUnknown();
        if (quick == null && normal == null && deep == null) {
            table.problems().add(table.path(), SHAPES);
            return null;
        }
        Route q = quick == null ? null : route(quick, table.key("quick"), false);
        Route n = normal == null ? null : route(normal, table.key("normal"), false);
        Route d = deep == null ? null : route(deep, table.key("deep"), false);
        // A depth left out takes the nearest one given: quick and deep fall back on normal, normal on either.
        Route middle = n != null ? n : q != null ? q : d;
        return new Route.ByDepth(q != null ? q : middle, middle, d != null ? d : middle);
    }

    private Route cached(Table table) {
        String provider = table.text("provider", null);
        String fallback = table.text("fallback", null);
        Integer ttl = table.integer("cache_ttl_hours", null, 0, 24 * 365);
        table.rejectUnknown();
        checkProvider(table.key("provider"), provider);
        if (fallback != null) {
            checkProvider(table.key("fallback"), fallback);
            if (fallback.equals(provider)) {
                problems.add(table.key("fallback"), "is the provider itself; a fallback must be another provider");
            }
        }
        return new Route.Cached(provider, fallback, ttl);
    }

    private void checkProvider(String key, String name) {
        if (name != null && !providers.contains(name)) {
            problems.add(key, "names provider '" + name + "', which [providers] does not define; defined: "
                    + String.join(", ", providers));
        }
    }
}
