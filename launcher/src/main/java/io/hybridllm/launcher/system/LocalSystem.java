package io.hybridllm.launcher.system;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import io.hybridllm.contracts.ReplyTopics;
import io.hybridllm.contracts.Topics;
import io.hybridllm.launcher.simulate.SimulationPlan;
import io.hybridllm.launcher.simulate.SimulatorWiring;
import io.hybridllm.launcher.simulate.Simulators;
import io.hybridllm.testkit.kafka.EmbeddedKafka;
import io.hybridllm.testkit.kafka.TopicAdmin;
import io.hybridllm.testkit.postgres.EmbeddedPostgresServer;
import io.hybridllm.testkit.postgres.PostgresServer;
import io.hybridllm.testkit.simulators.OllamaSimulator;
import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.hybridllm.testkit.simulators.ProviderSimulator;
import io.hybridllm.testkit.support.FreePorts;

/**
 * The whole system on this machine. The services are supervised: one that exits unexpectedly is started again
 * ({@link SupervisedService}). Everything started is closed in reverse order: the services first (each drains on
 * SIGTERM), then simulators, PostgreSQL and Kafka, so no service loses its broker or database while stopping.
 */
public final class LocalSystem implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final LaunchOptions options;
    private final Deque<AutoCloseable> infrastructure = new ArrayDeque<>();
    private final List<SupervisedService> services = new ArrayList<>();
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hybrid-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final CompletableFuture<String> gaveUp = new CompletableFuture<>();
    private PrintStream out = System.out;
    private EmbeddedKafka kafka;
    private EmbeddedPostgresServer postgres;
    private Simulators simulators;
    private boolean closed;
    private final Map<Service, Map<String, String>> environments = new HashMap<>();

    /** A system not started yet: {@link #close()} may be hooked to the JVM's shutdown before {@link #start}. */
    public LocalSystem(LaunchOptions options) {
        this.options = options;
    }

    /** Stops the system when the JVM exits, e.g. on Ctrl-C or SIGTERM, so that no service outlives the command. */
    public LocalSystem stopOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "hybrid-stop"));
        return this;
    }

    /** Starts a system and returns once every service is ready; on any failure, stops what it started. */
    public static LocalSystem start(LaunchOptions options, PrintStream out) throws InterruptedException {
        LocalSystem system = new LocalSystem(options);
        system.start(out);
        return system;
    }

    /** Starts everything and returns once every service is ready; on any failure, stops what it started. */
    public void start(PrintStream out) throws InterruptedException {
        start(out, kafkaClient -> {
        });
    }

    /**
     * As {@link #start(PrintStream)}, with a step between the infrastructure and the services (benchmarks fill topics).
     */
    public void start(PrintStream out, Consumer<Map<String, Object>> beforeServices) throws InterruptedException {
        try {
            startAll(out, beforeServices);
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
    }

    private void startAll(PrintStream out, Consumer<Map<String, Object>> beforeServices) throws InterruptedException {
        this.out = out;
        try {
            Files.createDirectories(options.logDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println("Starting Kafka (KRaft) and PostgreSQL ...");
        // Every client authenticates, and each service may touch only its own topics (contracts' KafkaAccess).
        kafka = own(EmbeddedKafka.startSecured(options.kafkaPort() == 0 ? FreePorts.next() : options.kafkaPort()));
        TopicAdmin.createAll(kafka, Topics.ALL);
        KafkaPrincipals.writeAdminProperties(kafka, options.state());
        postgres = own(EmbeddedPostgresServer.start(FreePorts.next(), options.durable()));
        out.println("  PostgreSQL commits: " + postgres.durability() + (options.durable() ? " (--durable)"
                : " (not durable: a crash of the machine may lose the last commits; --durable to wait for the disk)"));

        Map<Service, Map<String, String>> env = ServiceEnvironments.of(options, kafka, postgres, replyPrefix());
        if (options.simulate()) {
            startSimulators(env, out);
        } else {
            RealProviders.report(out);
        }

        environments.putAll(env);
        beforeServices.accept(kafka.adminClientConfig());
        out.println("Starting the services (logs in " + options.logDir() + ") ...");
        for (Service service : Service.values()) {
            if (options.ports().containsKey(service)) {
                supervise(service, options.port(service), service.module());
            }
        }
        Instant deadline = Instant.now().plus(STARTUP);
        for (SupervisedService service : List.copyOf(services)) {
            service.awaitReady(deadline);
            out.println("  " + service.service().module() + " is ready at " + options.url(service.service()));
        }
    }

    private void startSimulators(Map<Service, Map<String, String>> env, PrintStream out) {
        simulators = own(Simulators.start(SimulationPlan.forLaunch(options), options.simulatedLatency()));
        SimulatorWiring.wire(simulators, options, env);
        simulators.describe(out, options.simulatedLatency());
    }

    /** The process ids of the running services, by name (a replica under its own name). */
    public synchronized Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach(service -> pids.put(service.name(), service.pid()));
        return pids;
    }

    public String url(Service service) {
        return options.url(service);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** How a client connects to this system's broker as its administrator (who may read and write anything). */
    public Map<String, Object> kafkaAdminClient() {
        return kafka.adminClientConfig();
    }

    /**
     * A principal for {@code tenant} on this system's broker, with the tenant's grants only (its own reply topics), and
     * how a client connects as it.
     */
    public Map<String, Object> kafkaTenantClient(String tenant) {
        return KafkaPrincipals.forTenant(kafka, tenant, replyPrefix());
    }

    private String replyPrefix() {
        return options.environment().getOrDefault("HYBRID_REPLY_TOPICS_PREFIX", ReplyTopics.DEFAULT_PREFIX);
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public LaunchOptions options() {
        return options;
    }

    /**
     * The simulated Ollama of a {@code --simulate} system, the policy's {@code ollama} (null otherwise): its latency
     * and faults can be changed.
     */
    public OllamaSimulator ollama() {
        return simulators == null ? null : simulators.ollama();
    }

    /** The simulated OpenAI of a {@code --simulate} system, the policy's {@code openai} (null otherwise). */
    public OpenAiSimulator openai() {
        return simulators == null ? null : simulators.openai();
    }

    /**
     * The value worker-cloud is given in {@code variable}, e.g. the simulated OpenAI's key of this run in
     * {@code OPENAI_API_KEY}: for a benchmark that points a peer gateway at the same simulator. Null when unset.
     */
    public String cloudWorkerVariable(String variable) {
        return environments.getOrDefault(Service.WORKER_CLOUD, Map.of()).get(variable);
    }

    /** The simulator standing in for the policy's provider {@code name} in a {@code --simulate} system, or null. */
    public ProviderSimulator simulator(String name) {
        return simulators == null ? null : simulators.of(name);
    }

    /**
     * SIGKILLs the running instance of {@code service} and keeps it down until {@link #restart} (not restarted by the
     * supervisor meanwhile).
     */
    public void kill(Service service) throws InterruptedException {
        supervised(service).kill();
    }

    /**
     * SIGKILLs the running instance of {@code service} as a crash would, and lets the supervisor start it again,
     * without bringing it nearer to being given up; returns false when no process was running (a restart was due).
     */
    public boolean crash(Service service) throws InterruptedException {
        return supervised(service).crash();
    }

    /** Stops {@code service} as a rolling deploy would (SIGTERM, drained), and holds it down until restarted. */
    public void stopGracefully(Service service) throws InterruptedException {
        supervised(service).stopGracefully();
    }

    /** Starts {@code service} again if it is down, and waits until it is ready; the previous log is kept beside. */
    public void restart(Service service) throws InterruptedException {
        startAgain(service);
        awaitReady(service);
    }

    /** Starts {@code service} again if it is down, without waiting for it to be ready. */
    public void startAgain(Service service) {
        supervised(service).restart();
    }

    /** Waits until {@code service} is ready, through the supervisor's restarts. */
    public void awaitReady(Service service) throws InterruptedException {
        supervised(service).awaitReady(Instant.now().plus(STARTUP));
    }

    /** The services whose process does not run now: held down, waiting for their restart, or given up on. */
    public synchronized List<String> notRunning() {
        return services.stream().filter(service -> !service.alive()).map(SupervisedService::name).toList();
    }

    /**
     * How many times the supervisor started each service again after its process exited by itself or was killed from
     * outside (not counting the fault suite's own crashes), by name.
     */
    public synchronized Map<String, Integer> supervisorRestarts() {
        Map<String, Integer> restarts = new LinkedHashMap<>();
        services.forEach(service -> restarts.put(service.name(), service.restarts()));
        return restarts;
    }

    /** Completes, with the reason, when the supervisor gives up on a service (it failed too often, too fast). */
    public CompletableFuture<String> gaveUp() {
        return gaveUp;
    }

    private synchronized SupervisedService supervised(Service service) {
        return services.stream().filter(s -> s.name().equals(service.module())).findFirst()
                .orElseThrow(() -> new IllegalStateException(service.module() + " was not started"));
    }

    /** Restarts the embedded broker on its port and data: every client loses its connections for a while. */
    public void restartKafka() {
        kafka.restart();
    }

    /** Restarts PostgreSQL on its port and data: every connection of ingest and cost breaks. */
    public void restartPostgres() {
        postgres.restart();
    }

    /** Whether every started service process is still running. */
    public synchronized boolean allAlive() {
        return services.stream().allMatch(SupervisedService::alive);
    }

    /** Starts one more instance of a running service, e.g. a second router replica, and waits until it is ready. */
    public String startReplica(Service service, int port, String name) throws InterruptedException {
        supervise(service, port, name).awaitReady(Instant.now().plus(STARTUP));
        return "http://localhost:" + port;
    }

    private synchronized SupervisedService supervise(Service service, int port, String name) {
        if (closed) {
            throw new IllegalStateException("stopped while starting");
        }
        SupervisedService supervised = new SupervisedService(service, port, name, options, environments.get(service),
                supervisor, out, gaveUp::complete);
        supervised.start();
        services.add(supervised);
        return supervised;
    }

    /** Keeps what was just started for closing, unless the system is being stopped already. */
    private synchronized <T extends AutoCloseable> T own(T started) {
        if (closed) {
            closeQuietly(started);
            throw new IllegalStateException("stopped while starting");
        }
        infrastructure.push(started);
        return started;
    }

    /** Stops what has been started, also while starting (Ctrl-C during startup); a second call does nothing. */
    @Override
    public synchronized void close() {
        closed = true;
        services.forEach(SupervisedService::requestStop);
        for (SupervisedService service : services) {
            try {
                service.awaitStopped();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        services.clear();
        supervisor.shutdownNow();
        while (!infrastructure.isEmpty()) {
            closeQuietly(infrastructure.pop());
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("hybrid: could not stop cleanly: " + e);
        }
    }
}
