package io.hybridllm.launcher.examples;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.hybridllm.jobs.JobAlerts;
import io.hybridllm.jobs.JobClient;
import io.hybridllm.jobs.JobClientConfig;
import io.hybridllm.launcher.cli.Checks;
import io.hybridllm.launcher.cli.Context;
import io.hybridllm.launcher.cli.Group;
import io.hybridllm.launcher.cli.KafkaConnection;
import io.hybridllm.launcher.cost.JobCostsCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hybrid example swarm|paused-job}: the job client's examples, against the system of {@code ./hybrid up}. */
@Command(name = "example", description = "The job client's examples, against the system of ./hybrid up.", subcommands = {
        ExampleCommand.Swarm.class, ExampleCommand.PausedJob.class })
public final class ExampleCommand extends Group {

    static final String SWARM_JOB = "swarm-daemon";

    private static final List<String> MEMORY = List.of("Customer asked why the invoice shows two charges in May.",
            "Parcel 4471 stuck in the Leipzig depot for three days.", "Password reset e-mail never arrived.",
            "Feature request: export the dashboard as PDF.", "Refund for order 9912 approved, not yet paid out.",
            "Courier left the package with a neighbour without notice.", "User wants to merge two accounts.",
            "The new firmware makes the device reboot twice a day.", "VAT number missing on the last invoice.",
            "Delivery promised for Monday, arrived Thursday.", "Two-factor codes are rejected after the phone change.",
            "Battery drains within four hours since the update.");

    @Command(name = "swarm", description = "Seed 001's swarm daemon on the job client: classify recent memory "
            + "entries by topic, each step routed by its task type, printing its cost per tier.")
    static final class Swarm implements Callable<Integer> {

        private final Context context;

        @Option(names = "--tenant", paramLabel = "ID", defaultValue = "swarm", description = "The tenant (default: "
                + "${DEFAULT-VALUE}).")
        String tenant;

        @Option(names = "--memory", paramLabel = "FILE", description = "The memory entries, one a line (default: a "
                + "built-in dozen).")
        Path memory;

        @Option(names = "--status", description = "Print the daemon job's costs from the cost service instead.")
        boolean status;

        @Mixin
        KafkaConnection kafka;

        @Spec
        CommandSpec spec;

        Swarm(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            if (status) {
                Checks.onlyWith(spec, "--memory", false, "does not apply to --status");
                return JobCostsCommand.report(new JobCostsCommand.Filter(SWARM_JOB, null, null, null, null),
                        JobCostsCommand.DEFAULT_COST_URL, context.out());
            }
            return swarm(kafka.settings(context.state()), tenant, memory(memory), context.out());
        }
    }

    @Command(name = "paused-job", description = "A job that holds its submissions while its tenant is paused by a "
            + "budget and goes on when the pause is lifted (needs a principal that may read llm.alerts: ./hybrid up's "
            + "administrator by default).")
    static final class PausedJob implements Callable<Integer> {

        private final Context context;

        @Option(names = "--tenant", paramLabel = "ID", defaultValue = "paused", description = "The tenant (default: "
                + "${DEFAULT-VALUE}).")
        String tenant;

        @Option(names = "--requests", paramLabel = "N", defaultValue = "20", description = "Requests (default: "
                + "${DEFAULT-VALUE}).")
        int requests;

        @Mixin
        KafkaConnection kafka;

        @Spec
        CommandSpec spec;

        PausedJob(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            return pausedJob(kafka.settings(context.state()), tenant, Checks.atLeast(spec, "--requests", requests, 1),
                    context.out());
        }
    }

    private static int swarm(Map<String, Object> kafka, String tenant, List<String> memory, PrintStream out) {
        JobClientConfig config = JobClientConfig.builder(kafka.get("bootstrap.servers").toString(), tenant, SWARM_JOB)
                .kafka(kafka).maxInFlight(16, JobClientConfig.WhenFull.BLOCK).timeout(Duration.ofMinutes(5)).build();
        try (JobClient client = JobClient.open(config)) {
            new SwarmDaemon(client, tenant, "swarm-" + Instant.now().getEpochSecond()).run(memory, out);
        }
        return 0;
    }

    private static int pausedJob(Map<String, Object> kafka, String tenant, int requests, PrintStream out)
            throws InterruptedException {
        JobClientConfig config = JobClientConfig
                .builder(kafka.get("bootstrap.servers").toString(), tenant, "paused-job").kafka(kafka)
                .timeout(Duration.ofHours(1)).build();
        try (JobAlerts alerts = JobAlerts.open(kafka, tenant, Duration.ofDays(1), a -> PausingJob.print(a, out));
                JobClient client = JobClient.open(config)) {
            int answered = PausingJob.run(client, alerts, tenant, requests, Duration.ofSeconds(1), out).size();
            out.printf("%d requests answered%n", answered);
        }
        return 0;
    }

    private static List<String> memory(Path file) throws java.io.IOException {
        return file == null ? MEMORY : Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
    }
}
