package io.hybridllm.launcher.faults;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hybridllm.launcher.system.LaunchOptions;
import io.hybridllm.launcher.system.LocalSystem;
import io.hybridllm.launcher.system.Service;
import io.hybridllm.testkit.support.FreePorts;

/**
 * {@code hybrid faults}: starts the simulated system as {@code hybrid up --simulate} does, with settings that let
 * faults show within a run (calls time out after 3 s, no per-tenant submission limit, an admin token for the budget),
 * runs {@link FaultRun} once per seed on it, and returns the failed checks. Each run leaves the system as it found it
 * (every service running, faults off), so the seeds share one system.
 */
public final class FaultSuite {

    /**
     * One run prints its whole report; several print one line per seed and a total, each seed's report going to
     * {@code faults-seed-<n>.txt} beside the logs.
     */
    public static List<String> run(Path home, List<FaultOptions> seeds, PrintStream out) throws Exception {
        String adminToken = UUID.randomUUID().toString();
        LaunchOptions launch = LaunchOptions.defaults(home).withSimulation(true, Duration.ofMillis(20))
                .withPorts(0, freePorts()).withEnvironment(environment(adminToken));
        List<String> failed = new ArrayList<>();
        int submitted = 0, lost = 0, twice = 0, passed = 0;
        try (LocalSystem system = new LocalSystem(launch).stopOnExit()) {
            system.start(out);
            for (FaultOptions options : seeds) {
                FaultReport report;
                if (seeds.size() == 1) {
                    report = new FaultRun(system, options, adminToken, out).run();
                } else {
                    Path file = launch.logDir().resolve("faults-seed-" + options.seed() + ".txt");
                    try (PrintStream seedOut = new PrintStream(Files.newOutputStream(file), true,
                            StandardCharsets.UTF_8)) {
                        report = new FaultRun(system, options, adminToken, seedOut).run();
                    }
                    out.println(report.oneLine() + "  (" + file + ")");
                }
                report.failedChecks().forEach(check -> failed.add("seed " + options.seed() + ": " + check));
                passed += report.failedChecks().isEmpty() ? 1 : 0;
                submitted += report.clients().submitted();
                lost += report.clients().lost();
                twice += report.clients().answeredTwice();
            }
        }
        if (seeds.size() > 1) {
            out.printf("Total: %d of %d seeds passed; %,d submitted, %,d lost, %,d answered twice%n", passed,
                    seeds.size(), submitted, lost, twice);
        }
        return failed;
    }

    /** {@code 1..10} (inclusive) or a single seed, as runs of the given size. */
    public static List<FaultOptions> seeds(String range, int requests, int rate) {
        String[] bounds = range.split("\\.\\.", 2);
        try {
            long first = Long.parseLong(bounds[0].strip());
            long last = bounds.length == 1 ? first : Long.parseLong(bounds[1].strip());
            if (last < first || last - first >= 1_000) {
                throw new IllegalArgumentException("--seeds takes FIRST..LAST with at most 1,000 seeds, not " + range);
            }
            List<FaultOptions> runs = new ArrayList<>();
            for (long seed = first; seed <= last; seed++) {
                runs.add(FaultOptions.full(requests, rate, seed));
            }
            return runs;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seeds takes FIRST..LAST (whole numbers), not '" + range + "'");
        }
    }

    /** What the services need for a fault run; also used by the quick run of the test suite. */
    public static Map<String, String> environment(String adminToken) {
        return Map.of("HYBRID_ADMIN_TOKEN", adminToken, "HYBRID_CLOUD_TIMEOUT", "3s", "HYBRID_LOCAL_TIMEOUT", "3s",
                "HYBRID_INGEST_LIMITS_REQUESTS_PER_MINUTE", "1000000", "WORKER_MAX_CONCURRENCY", "64");
    }

    /** Free ports for every service (and the broker): a run does not collide with a system already up. */
    public static Map<Service, Integer> freePorts() {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, FreePorts.next());
        }
        return ports;
    }

    private FaultSuite() {
    }
}
