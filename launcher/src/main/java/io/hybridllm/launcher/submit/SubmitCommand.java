package io.hybridllm.launcher.submit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.hybridllm.launcher.cli.Checks;
import io.hybridllm.launcher.cli.Context;
import io.hybridllm.launcher.cli.KafkaConnection;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hybrid submit FILE.jsonl [options]}: the options, and Ctrl-C as a stop that leaves a journal to resume from.
 */
@Command(name = "submit", description = { "Submit every line of FILE (native POST /v1/requests bodies or OpenAI batch "
        + "lines) over Kafka as one job, with a live progress bar; write the results in input order to --output. "
        + "Ctrl-C and the same command again resumes without submitting anything twice (the journal PATH.journal).",
        "Exit 0 if every line succeeded, 1 if not, 130 if stopped. Connects to ./hybrid up's broker as its "
                + "administrator unless --kafka-config names other settings." })
public final class SubmitCommand implements Callable<Integer> {

    private final Context context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.jsonl", description = "The requests, one a line.")
    Path input;

    @Option(names = "--output", paramLabel = "PATH", description = "The results (default: FILE.results.jsonl).")
    Path output;

    @Option(names = "--tenant", paramLabel = "ID", defaultValue = "default", description = "The tenant (default: "
            + "${DEFAULT-VALUE}).")
    String tenant;

    @Option(names = "--job", paramLabel = "ID", description = "The job id (default: from the file's name).")
    String job;

    @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "64", description = "Requests submitted and "
            + "not yet answered, at most (default: ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "600", description = "Each request's deadline in "
            + "seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--shared-topic", description = "Replies on the tenant's shared reply topic, not the job's own.")
    boolean sharedTopic;

    @Option(names = "--progress-every", paramLabel = "S", defaultValue = "10", description = "Off a terminal: a "
            + "progress line every S seconds (default: ${DEFAULT-VALUE}).")
    int progressEvery;

    @Mixin
    KafkaConnection kafka;

    SubmitCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        SubmitOptions options = new SubmitOptions(input, output != null ? output : SubmitOptions.defaultOutput(input),
                tenant, job != null ? job : SubmitOptions.defaultJobId(input), kafka.settings(context.state()),
                sharedTopic, Checks.atLeast(spec, "--max-in-flight", maxInFlight, 1),
                Duration.ofSeconds(Checks.atLeast(spec, "--timeout", timeoutSeconds, 1)), System.console() != null,
                Duration.ofSeconds(Checks.atLeast(spec, "--progress-every", progressEvery, 1)));
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                finished.await(30, TimeUnit.SECONDS); // let the run close its journal and flush its sends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hybrid-submit-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return new SubmitRun(options, context.out()).run(stop::get);
        } finally {
            finished.countDown();
        }
    }
}
