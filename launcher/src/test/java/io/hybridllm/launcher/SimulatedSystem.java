package io.hybridllm.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.hybridllm.launcher.faults.FaultSuite;
import io.hybridllm.launcher.system.LaunchOptions;
import io.hybridllm.launcher.system.LocalSystem;
import io.hybridllm.launcher.system.Service;

/**
 * The whole system as {@code ./hybrid up --simulate} runs it, started once for all the integration tests of this JVM
 * that only submit work to it (starting it takes most of a minute), and stopped when the JVM exits.
 */
public final class SimulatedSystem {

    /** The admin token the services run with (budgets, tenants, policy). */
    public static final String ADMIN_TOKEN = "simulated-system-admin-token";

    private static LocalSystem system;
    private static TraceCollector traces;

    public static synchronized LocalSystem get() throws InterruptedException {
        if (system == null) {
            Map<Service, Integer> ports = FaultSuite.freePorts();
            Path home = Path.of(System.getProperty("hybrid.home", "..")).toAbsolutePath().normalize();
            traces = new TraceCollector();
            // As a fault run needs it (short call timeouts, no submission limit, the admin token), and every request
            // traced and its spans exported, as an operator would switch tracing on.
            Map<String, String> environment = new HashMap<>(FaultSuite.environment(ADMIN_TOKEN));
            environment.putAll(Map.of("OTEL_TRACES_SAMPLER", "parentbased_always_on", "OTEL_EXPORTER_OTLP_ENDPOINT",
                    traces.endpoint(), "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                    "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms"));
            LocalSystem started = new LocalSystem(LaunchOptions.defaults(home).withSimulation(true, Duration.ZERO)
                    .withPorts(0, ports).withEnvironment(environment)).stopOnExit();
            started.start(System.out);
            system = started;
        }
        return system;
    }

    /** The collector the system's services export their spans to. */
    public static synchronized TraceCollector traces() throws InterruptedException {
        get();
        return traces;
    }

    private SimulatedSystem() {
    }
}
