package io.hybridllm.launcher.faults;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hybridllm.launcher.LaunchOptions;
import io.hybridllm.launcher.LocalSystem;
import io.hybridllm.launcher.Service;
import io.hybridllm.testkit.support.FreePorts;

/**
 * {@code hybrid faults}: starts the simulated system as {@code hybrid up --simulate} does, with settings that let
 * faults show within a run (calls time out after 3 s, no per-tenant submission limit, an admin token for the budget),
 * runs {@link FaultRun}, and returns the failed checks.
 */
public final class FaultSuite {

    public static List<String> run(Path home, FaultOptions options, PrintStream out) throws Exception {
        String adminToken = UUID.randomUUID().toString();
        LaunchOptions launch = LaunchOptions.defaults(home).withSimulation(true, Duration.ofMillis(20))
                .withPorts(0, freePorts()).withEnvironment(environment(adminToken));
        try (LocalSystem system = new LocalSystem(launch).stopOnExit()) {
            system.start(out);
            return new FaultRun(system, options, adminToken, out).run();
        }
    }

    /** What the services need for a fault run; also used by the quick run of the test suite. */
    public static Map<String, String> environment(String adminToken) {
        return Map.of("HYBRID_ADMIN_TOKEN", adminToken, "HYBRID_CLOUD_PROVIDERS_OPENAI_TIMEOUT", "3s",
                "HYBRID_LOCAL_TIMEOUT", "3s", "HYBRID_INGEST_LIMITS_REQUESTS_PER_MINUTE", "1000000",
                "WORKER_MAX_CONCURRENCY", "64");
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
