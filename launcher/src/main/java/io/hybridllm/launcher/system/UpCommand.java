package io.hybridllm.launcher.system;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.hybridllm.launcher.cli.Checks;
import io.hybridllm.launcher.cli.Context;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hybrid up}: the whole system on this machine until Ctrl-C. */
@Command(name = "up", description = "Run the whole system on this machine: embedded Kafka and PostgreSQL and the five "
        + "services, each started again if it exits. Ctrl-C stops the services first, then the infrastructure. "
        + "Exit 3 if a supervisor gave up on a service.")
public final class UpCommand implements Callable<Integer> {

    private final Context context;

    @Spec
    CommandSpec spec;

    @Option(names = "--simulate", description = "Add built-in Ollama- and OpenAI-compatible simulators: every answer "
            + "comes from them, not from a model.")
    boolean simulate;

    @Option(names = "--latency", paramLabel = "MS", defaultValue = "20", description = "With --simulate: the "
            + "simulators answer after MS milliseconds (default: ${DEFAULT-VALUE}).")
    int latencyMs;

    @Option(names = "--base-port", paramLabel = "N", description = "The services on N to N+4, the broker on N+5 "
            + "(default: 8080 to 8084, 9092).")
    Integer basePort;

    @Option(names = "--durable", description = "PostgreSQL commits wait for the disk (default: synchronous_commit off).")
    boolean durable;

    UpCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        Checks.onlyWith(spec, "--latency", simulate, "sets the simulators' latency: it needs --simulate");
        Checks.within(spec, "--latency", latencyMs, 0, 600_000);
        LaunchOptions options = LaunchOptions.defaults(context.home())
                .withSimulation(simulate, Duration.ofMillis(latencyMs)).withState(context.state()).withDurable(durable);
        if (basePort != null) {
            options = options.withBasePort(Checks.within(spec, "--base-port", basePort, 1024, 65_530));
        }
        LocalSystem system = new LocalSystem(options);
        CountDownLatch stopped = new CountDownLatch(1);
        // One hook, registered before anything starts, so that Ctrl-C at any time stops what runs, in order:
        // services drain first, then the infrastructure goes.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.out().println("\nStopping: services first, then PostgreSQL and Kafka ...");
            system.close();
            stopped.countDown();
        }, "hybrid-shutdown"));
        system.gaveUp().thenRun(stopped::countDown);
        system.start(context.out());
        printWelcome(system, context.out());
        stopped.await();
        if (system.gaveUp().isDone()) {
            // A supervisor that gave up stops everything and says so in its exit status, rather than leave a
            // system running without one of its parts.
            context.err().println("hybrid: stopping everything, the supervisor gave up on "
                    + system.gaveUp().join().lines().findFirst().orElse(""));
            return 3;
        }
        return 0;
    }

    private static void printWelcome(LocalSystem system, PrintStream out) {
        LaunchOptions options = system.options();
        out.println();
        out.println("hybrid-llm is up.");
        out.println("  ingest        " + options.url(Service.INGEST) + "   POST /v1/requests, GET /v1/requests/{id}");
        out.println("  router        " + options.url(Service.ROUTER));
        out.println("  worker-local  " + options.url(Service.WORKER_LOCAL));
        out.println("  worker-cloud  " + options.url(Service.WORKER_CLOUD));
        out.println("  cost          " + options.url(Service.COST) + "   GET /v1/costs/summary");
        out.println("  health        <service>/q/health, metrics <service>/q/metrics");
        out.println("  Kafka         " + system.kafkaBootstrapServers() + " (SASL/SCRAM; as its administrator: "
                + options.state().resolve(KafkaPrincipals.ADMIN_PROPERTIES) + ")");
        out.println("  PostgreSQL    " + system.postgres().jdbcUrl("{ingest,cost}") + " (user postgres)");
        out.println("  logs          " + options.logDir());
        if (options.simulate()) {
            out.println();
            out.println(
                    "  !!! SIMULATED PROVIDERS: every answer comes from a built-in simulator, not from a model. !!!");
        }
        out.println();
        out.println("Try:");
        out.println("  curl -s -X POST " + options.url(Service.INGEST)
                + "/v1/requests -H 'Content-Type: application/json' \\");
        out.println("       -d '{\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"}]}'");
        out.println("  curl -s " + options.url(Service.INGEST) + "/v1/requests/<id>");
        out.println();
        out.println("Ctrl-C stops everything.");
    }
}
