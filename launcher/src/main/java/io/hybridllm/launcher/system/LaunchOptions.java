package io.hybridllm.launcher.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How to run the system locally.
 *
 * @param home
 *            the repository root, where each service's built application is found
 * @param simulate
 *            start provider simulators and point the workers at them
 * @param simulatedLatency
 *            how long a simulated model takes to answer
 * @param kafkaPort
 *            the embedded broker's port (0: any free port)
 * @param ports
 *            each service's HTTP port; only the services named here are started
 * @param environment
 *            variables every service gets besides the addresses (e.g. an admin token)
 * @param state
 *            where the logs and the run's master key go ({@code .hybrid} under the home by default)
 * @param durable
 *            PostgreSQL commits wait for the disk ({@code --durable}); by default they do not (synchronous_commit off)
 */
public record LaunchOptions(Path home, boolean simulate, Duration simulatedLatency, int kafkaPort,
        Map<Service, Integer> ports, Map<String, String> environment, Path state, boolean durable) {

    public LaunchOptions {
        ports = Map.copyOf(ports);
        environment = Map.copyOf(environment);
    }

    public static LaunchOptions defaults(Path home) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, service.defaultPort());
        }
        return new LaunchOptions(home, false, Duration.ofMillis(20), 9092, ports, Map.of(), home.resolve(".hybrid"),
                false);
    }

    public LaunchOptions withSimulation(boolean simulate, Duration latency) {
        return new LaunchOptions(home, simulate, latency, kafkaPort, ports, environment, state, durable);
    }

    public LaunchOptions withPorts(int kafkaPort, Map<Service, Integer> ports) {
        return new LaunchOptions(home, simulate, simulatedLatency, kafkaPort, ports, environment, state, durable);
    }

    public LaunchOptions withEnvironment(Map<String, String> environment) {
        return new LaunchOptions(home, simulate, simulatedLatency, kafkaPort, ports, environment, state, durable);
    }

    public LaunchOptions withDurable(boolean durable) {
        return new LaunchOptions(home, simulate, simulatedLatency, kafkaPort, ports, environment, state, durable);
    }

    public LaunchOptions withState(Path state) {
        return new LaunchOptions(home, simulate, simulatedLatency, kafkaPort, ports, environment, state, durable);
    }

    /**
     * Every service on consecutive ports from {@code base} (ingest, router, worker-local, worker-cloud, cost), the
     * broker on the next one: a second system beside one on the default ports.
     */
    public LaunchOptions withBasePort(int base) {
        Map<Service, Integer> consecutive = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            consecutive.put(service, base + service.ordinal());
        }
        return withPorts(base + Service.values().length, consecutive);
    }

    public int port(Service service) {
        return ports.get(service);
    }

    public String url(Service service) {
        return "http://localhost:" + port(service);
    }

    public Path logDir() {
        return state.resolve("logs");
    }

    public Path application(Service service) {
        return home.resolve(service.module()).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }
}
