package io.hybridllm.launcher.load;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.hybridllm.launcher.faults.FaultSuite;
import io.hybridllm.launcher.system.LaunchOptions;
import io.hybridllm.launcher.system.LocalSystem;
import io.hybridllm.launcher.system.Service;

/**
 * {@code hybrid bench load --peer}: the OpenAI path against a peer gateway on the same machine. The system runs as
 * {@code bench load} runs it; the Portkey gateway forwards to the same simulated OpenAI, with the run's key. The same
 * closed-loop clients post the same chat completion to each in turn, A B A B after a warm-up of both, and the report
 * gives each run, the ratios of the medians, and the CPU per request of every process involved.
 */
public final class PeerBench {

    public static void run(Path home, int clients, Duration length, Duration warmUp, Duration modelLatency,
            boolean durable, PrintStream out) throws Exception {
        LaunchOptions options = LaunchOptions.defaults(home).withSimulation(true, modelLatency).withDurable(durable)
                .withPorts(0, FaultSuite.freePorts()).withEnvironment(Map.of("WORKER_MAX_CONCURRENCY", "256",
                        "HYBRID_INGEST_LIMITS_REQUESTS_PER_MINUTE", "100000000"));
        try (LocalSystem system = new LocalSystem(options).stopOnExit()) {
            system.start(out);
            try (PeerGateway peer = PeerGateway.install(out)) {
                ClosedLoop.Target hybrid = new ClosedLoop.Target("hybrid-llm",
                        system.url(Service.INGEST) + "/v1/chat/completions", Map.of());
                ClosedLoop.Target portkey = new ClosedLoop.Target("Portkey " + PeerGateway.PACKAGE,
                        peer.url() + "/v1/chat/completions",
                        Map.of("x-portkey-provider", "openai", "x-portkey-custom-host",
                                system.openai().baseUrl() + "/v1", "Authorization",
                                "Bearer " + system.cloudWorkerVariable("OPENAI_API_KEY")));
                Map<String, Long> hybridPids = new LinkedHashMap<>(system.pids());
                hybridPids.put("launcher (broker, simulators, clients)", ProcessHandle.current().pid());
                Map<String, Long> peerPids = Map.of("portkey (node)", peer.pid(), "launcher (simulators, clients)",
                        ProcessHandle.current().pid());
                ClosedLoop loop = new ClosedLoop(clients);
                out.println("Warming up each for " + warmUp.toSeconds() + " s with " + clients + " clients ...");
                loop.run(hybrid, warmUp);
                loop.run(portkey, warmUp);
                List<String> rows = new ArrayList<>(ClosedLoop.header());
                List<String> cpu = new ArrayList<>();
                List<ClosedLoop.Result> ours = new ArrayList<>();
                List<ClosedLoop.Result> theirs = new ArrayList<>();
                for (int round = 1; round <= 2; round++) {
                    ours.add(measure(loop, hybrid, hybridPids, length, round, rows, cpu, out));
                    theirs.add(measure(loop, portkey, peerPids, length, round, rows, cpu, out));
                }
                out.printf(Locale.ROOT,
                        "%n%d closed-loop clients, %d s per run, model time %d ms, %d cores, JDK %s,"
                                + " PostgreSQL %s%n%n",
                        clients, length.toSeconds(), modelLatency.toMillis(),
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                        system.postgres().durability());
                rows.forEach(out::println);
                out.printf(Locale.ROOT,
                        "%nhybrid-llm / Portkey, mean of the runs: requests/s %.2f, p50 %.2f, p90 %.2f,"
                                + " p99 %.2f%n",
                        ratio(ours, theirs, ClosedLoop.Result::perSecond), ratio(ours, theirs, r -> r.ms(50)),
                        ratio(ours, theirs, r -> r.ms(90)), ratio(ours, theirs, r -> r.ms(99)));
                out.println("\nCPU ms per answered request, by process:");
                cpu.forEach(out::println);
            }
        }
    }

    private static ClosedLoop.Result measure(ClosedLoop loop, ClosedLoop.Target target, Map<String, Long> pids,
            Duration length, int round, List<String> rows, List<String> cpu, PrintStream out)
            throws InterruptedException {
        out.println("Run " + round + ": " + target.name() + " for " + length.toSeconds() + " s ...");
        ProcessStats before = ProcessStats.of(pids);
        ClosedLoop.Result result = loop.run(target, length);
        ProcessStats after = ProcessStats.of(pids);
        rows.add(result.row(String.valueOf(round)));
        StringBuilder line = new StringBuilder(target.name() + ", run " + round + ":");
        double seconds = (after.nanos() - before.nanos()) / 1e9;
        after.cpuPercentSince(before).forEach((name, percent) -> line.append(String.format(Locale.ROOT, " %s %.2f;",
                name, percent / 100 * seconds * 1000 / Math.max(1, result.answered()))));
        if (!result.failures().isEmpty()) {
            line.append(" failures ").append(result.failures());
        }
        cpu.add(line.toString());
        return result;
    }

    private static double ratio(List<ClosedLoop.Result> ours, List<ClosedLoop.Result> theirs,
            java.util.function.ToDoubleFunction<ClosedLoop.Result> figure) {
        return ours.stream().mapToDouble(figure).average().orElse(0)
                / theirs.stream().mapToDouble(figure).average().orElse(1);
    }

    private PeerBench() {
    }
}
