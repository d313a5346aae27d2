package io.hybridllm.launcher.load;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.hybridllm.launcher.LaunchOptions;
import io.hybridllm.launcher.LocalSystem;

/**
 * {@code hybrid bench load}: the whole system as {@code hybrid up --simulate} runs it, driven at fixed rates through
 * the Kafka job path. Per rate: completed requests per second, the latency the system adds (p50, p95, p99, max, from
 * when each request was due), the CPU and memory of each process, and the largest consumer lag of each group.
 */
public final class LoadBench {

    public static void run(Path home, List<Integer> rates, Duration length, Duration modelLatency, PrintStream out)
            throws Exception {
        // Slots enough that the simulated GPU is not what limits: the system's own overhead is what is measured.
        LaunchOptions options = LaunchOptions.defaults(home).withSimulation(true, modelLatency)
                .withEnvironment(Map.of("WORKER_MAX_CONCURRENCY", "256"));
        try (LocalSystem system = new LocalSystem(options).stopOnExit()) {
            system.start(out);
            KafkaLoad load = new KafkaLoad(system.kafkaBootstrapServers());
            try (LagSampler lag = new LagSampler(system.kafkaBootstrapServers())) {
                out.println("Warming up for 10 s at " + rates.getFirst() + " requests/s ...");
                load.run(rates.getFirst(), Duration.ofSeconds(10), out);
                lag.takeMax();
                StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                        "%nKafka path, model time %d ms, %d s per rate, %d cores, JDK %s%n%n"
                                + "| rate | sent | answered | failed | completed | added p50 ms | p95 | p99 | max |"
                                + " total p50 ms |%n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |%n",
                        modelLatency.toMillis(), length.toSeconds(), Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version")));
                StringBuilder resources = new StringBuilder();
                for (int rate : rates) {
                    out.println("Running " + rate + " requests/s for " + length.toSeconds() + " s ...");
                    ProcessStats before = ProcessStats.of(system.pids());
                    KafkaLoad.Step step = load.run(rate, length, out);
                    ProcessStats after = ProcessStats.of(system.pids());
                    report.append(KafkaLoad.row(step)).append('\n');
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
