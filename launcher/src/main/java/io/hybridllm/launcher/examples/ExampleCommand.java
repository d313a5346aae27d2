package io.hybridllm.launcher.examples;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.hybridllm.jobs.JobAlerts;
import io.hybridllm.jobs.JobClient;
import io.hybridllm.jobs.JobClientConfig;
import io.hybridllm.launcher.cost.JobCostsCommand;
import io.hybridllm.launcher.system.KafkaSettings;

/** {@code hybrid example swarm|paused-job}: the job client's examples, against the system of {@code ./hybrid up}. */
public final class ExampleCommand {

    public static final String USAGE = """
              example swarm [--tenant=ID] [--memory=FILE] [--status]
                                               Seed 001's swarm daemon on the job client: classify recent memory
                                               entries (FILE, one a line; default a built-in dozen) by topic, each step
                                               routed by its task type, printing its cost per tier. --status prints
                                               the daemon job's costs from the cost service instead.
              example paused-job [--tenant=ID] [--requests=N]
                                               A job that holds its submissions while its tenant is paused by a budget
                                               and goes on when the pause is lifted (needs a principal that may read
                                               llm.alerts: ./hybrid up's administrator by default).
            """;

    static final String SWARM_JOB = "swarm-daemon";

    private static final List<String> MEMORY = List.of("Customer asked why the invoice shows two charges in May.",
            "Parcel 4471 stuck in the Leipzig depot for three days.", "Password reset e-mail never arrived.",
            "Feature request: export the dashboard as PDF.", "Refund for order 9912 approved, not yet paid out.",
            "Courier left the package with a neighbour without notice.", "User wants to merge two accounts.",
            "The new firmware makes the device reboot twice a day.", "VAT number missing on the last invoice.",
            "Delivery promised for Monday, arrived Thursday.", "Two-factor codes are rejected after the phone change.",
            "Battery drains within four hours since the update.");

    private ExampleCommand() {
    }

    public static int run(Path state, List<String> args, PrintStream out) throws Exception {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("example: swarm or paused-job?\n\n" + USAGE);
        }
        Map<String, String> values = new HashMap<>();
        for (String arg : args.subList(1, args.size())) {
            int equals = arg.indexOf('=');
            values.put(equals < 0 ? arg : arg.substring(0, equals), equals < 0 ? "" : arg.substring(equals + 1));
        }
        List<String> known = List.of("--tenant", "--memory", "--status", "--requests", "--kafka-config",
                "--bootstrap-servers");
        values.keySet().stream().filter(key -> !known.contains(key)).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("example: unknown option '" + key + "'\n\n" + USAGE);
        });
        Map<String, Object> kafka = KafkaSettings.of(state, values.get("--kafka-config"),
                values.get("--bootstrap-servers"));
        return switch (args.getFirst()) {
            case "swarm" -> values.containsKey("--status") ? JobCostsCommand.run(List.of("--job=" + SWARM_JOB), out)
                    : swarm(kafka, values.getOrDefault("--tenant", "swarm"), memory(values.get("--memory")), out);
            case "paused-job" -> pausedJob(kafka, values.getOrDefault("--tenant", "paused"),
                    Integer.parseInt(values.getOrDefault("--requests", "20")), out);
            default -> throw new IllegalArgumentException("example: unknown example '" + args.getFirst() + "'");
        };
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

    private static List<String> memory(String file) throws java.io.IOException {
        return file == null ? MEMORY
                : Files.readAllLines(Path.of(file)).stream().filter(line -> !line.isBlank()).toList();
    }
}
