package io.hybridllm.launcher.deploy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** deploy/observability/metrics.txt: each metric name the dashboards and rules may use, with its sources. */
record MetricCatalogue(Map<String, Set<String>> sourcesByName) {

    static MetricCatalogue load() {
        Map<String, Set<String>> sources = new LinkedHashMap<>();
        DeployFiles.read("deploy/observability/metrics.txt").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
                    String[] parts = line.split("\\s+");
                    if (parts.length != 2) {
                        throw new IllegalStateException("metrics.txt: expected '<source> <name>', found: " + line);
                    }
                    sources.computeIfAbsent(parts[1], name -> new LinkedHashSet<>()).add(parts[0]);
                });
        return new MetricCatalogue(sources);
    }

    boolean knows(String name) {
        return sourcesByName.containsKey(name);
    }

    boolean pending(String name) {
        return sourcesByName.getOrDefault(name, Set.of()).stream().anyMatch(source -> source.startsWith("pending:"));
    }

    /** The names each service module must export: module to names. */
    Map<String, Set<String>> byService(Set<String> modules) {
        Map<String, Set<String>> byService = new LinkedHashMap<>();
        sourcesByName.forEach((name, sources) -> sources.stream().filter(modules::contains)
                .forEach(module -> byService.computeIfAbsent(module, m -> new LinkedHashSet<>()).add(name)));
        return byService;
    }
}
