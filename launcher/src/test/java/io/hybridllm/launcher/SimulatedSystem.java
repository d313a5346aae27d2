package io.hybridllm.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.hybridllm.launcher.faults.FaultSuite;

/**
 * The whole system as {@code ./hybrid up --simulate} runs it, started once for all the integration tests of this JVM
 * that only submit work to it (starting it takes most of a minute), and stopped when the JVM exits.
 */
public final class SimulatedSystem {

    /** The admin token the services run with (budgets, tenants, policy). */
    public static final String ADMIN_TOKEN = "simulated-system-admin-token";

    private static LocalSystem system;

    public static synchronized LocalSystem get() throws InterruptedException {
        if (system == null) {
            Map<Service, Integer> ports = FaultSuite.freePorts();
            Path home = Path.of(System.getProperty("hybrid.home", "..")).toAbsolutePath().normalize();
            LocalSystem started = new LocalSystem(
                    LaunchOptions.defaults(home).withSimulation(true, Duration.ZERO).withPorts(0, ports)
                            // As a fault run needs it: short call timeouts, no submission limit, the admin token.
                            .withEnvironment(FaultSuite.environment(ADMIN_TOKEN))).stopOnExit();
            started.start(System.out);
            system = started;
        }
        return system;
    }

    private SimulatedSystem() {
    }
}
