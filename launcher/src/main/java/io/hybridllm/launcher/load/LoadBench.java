package io.hybridllm.launcher.load;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.hybridllm.launcher.faults.FaultSuite;
import io.hybridllm.launcher.system.LaunchOptions;
import io.hybridllm.launcher.system.LocalSystem;
import io.hybridllm.launcher.system.Service;

/**
 * {@code hybrid bench load}: the whole system as {@code hybrid up --simulate} runs it, driven at fixed rates through
 * one path: Kafka jobs, HTTP with long-poll, or the OpenAI-compatible endpoint. Per rate: completed requests per
 * second, the latency the system adds (p50, p95, p99, max, from when each request was due), the CPU and memory of each
 * process, and the largest consumer lag of each group.
 */
public final class LoadBench {

    /** The paths {@code --path} names. */
    public static final List<String> PATHS = List.of("kafka", "http", "openai");

    public static void run(Path home, boolean durable, String path, List<Integer> rates, Duration length,
            Duration warmUp, Duration modelLatency, PrintStream out) throws Exception {
        if (!PATHS.contains(path)) {
            throw new IllegalArgumentException("--path is one of " + PATHS + ", not '" + path + "'");
        }
        // Slots enough that the simulated GPU is not what limits, and no per-tenant submission limit: the system's
        // own overhead is what is measured.
        LaunchOptions options = LaunchOptions.defaults(home).withSimulation(true, modelLatency).withDurable(durable)
                .withPorts(0, FaultSuite.freePorts()).withEnvironment(Map.of("WORKER_MAX_CONCURRENCY", "256",
                        "HYBRID_INGEST_LIMITS_REQUESTS_PER_MINUTE", "100000000"));
        try (LocalSystem system = new LocalSystem(options).stopOnExit()) {
            system.start(out);
            LoadPath load = switch (path) {
                case "http" -> new LongPollLoad(system.url(Service.INGEST));
                case "openai" -> new OpenAiLoad(system.url(Service.INGEST), modelLatency);
                default -> new KafkaLoad(system.kafkaAdminClient());
            };
            try (LagSampler lag = new LagSampler(system.kafkaAdminClient())) {
                // Seven JVMs compile on two cores: a short warm-up measures the JIT, not the system.
                out.println("Warming up for " + warmUp.toSeconds() + " s at " + rates.getFirst() + " requests/s ...");
                load.run(rates.getFirst(), warmUp);
                lag.takeMax();
                StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                        "%n%s, model time %d ms, %d s per rate, %d cores, JDK %s, PostgreSQL %s%n%n"
                                + "| rate | sent | answered | failed | completed | added p50 ms | p95 | p99 | max |"
                                + " total p50 ms |%n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |%n",
                        load.name(), modelLatency.toMillis(), length.toSeconds(),
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                        system.postgres().durability()));
                StringBuilder resources = new StringBuilder();
                for (int rate : rates) {
                    out.println("Running " + rate + " requests/s for " + length.toSeconds() + " s ...");
                    ProcessStats before = ProcessStats.of(system.pids());
                    LoadPath.Step step = load.run(rate, length);
                    ProcessStats after = ProcessStats.of(system.pids());
                    report.append(step.row()).append('\n');
                    if (!step.failures().isEmpty()) {
                        resources.append(String.format(Locale.ROOT, "%n%,d /s: failures %s", rate, step.failures()));
                    }
                    resources.append(
                            String.format(Locale.ROOT, "%n%,d /s: CPU %% of a core: %s; RSS MiB: %s; max lag: %s", rate,
                                    format(after.cpuPercentSince(before), "%.0f"),
                                    format(after.rssKib().entrySet().stream().collect(
                                            Collectors.toMap(Map.Entry::getKey, e -> e.getValue() / 1024.0)), "%.0f"),
                                    lag.takeMax()));
                }
                out.println(report);
                out.println("Resources per rate:" + resources);
            }
        }
    }

    private static String format(Map<String, Double> values, String pattern) {
        return values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, pattern, e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private LoadBench() {
    }
}
