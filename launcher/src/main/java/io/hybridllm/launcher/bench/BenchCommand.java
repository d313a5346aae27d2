package io.hybridllm.launcher.bench;

import java.time.Duration;
import java.util.concurrent.Callable;

import io.hybridllm.launcher.cli.Checks;
import io.hybridllm.launcher.cli.Context;
import io.hybridllm.launcher.load.StreamBench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hybrid bench [router|load|worker|cloud|stream|embed]}: alone, the end-to-end latency; each subcommand a
 * throughput.
 */
@Command(name = "bench", description = "Start a simulated system with a zero-latency model and measure the end-to-end "
        + "latency of N sequential HTTP requests; or one of the benches below.", subcommands = {
                BenchCommand.Router.class, BenchLoadCommand.class, BenchCommand.Worker.class, BenchCommand.Cloud.class,
                BenchCommand.Stream.class, BenchCommand.Embed.class })
public final class BenchCommand implements Callable<Integer> {

    private final Context context;

    @Spec
    CommandSpec spec;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "1000", description = "Requests (default: "
            + "${DEFAULT-VALUE}).")
    int requests;

    BenchCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        LatencyBench.run(context.home(), Checks.atLeast(spec, "--requests", requests, 1), context.out());
        return 0;
    }

    @Command(name = "router", description = "Fill llm.requests with N requests, start one router, and measure how "
            + "many it routes per second.")
    static final class Router implements Callable<Integer> {

        private final Context context;

        @Spec
        CommandSpec spec;

        @Option(names = "--requests", paramLabel = "N", defaultValue = "50000", description = "Requests (default: "
                + "${DEFAULT-VALUE}).")
        int requests;

        Router(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            RouterThroughputBench.run(context.home(), Checks.atLeast(spec, "--requests", requests, 1), context.out());
            return 0;
        }
    }

    @Command(name = "worker", description = "Fill llm.tier.local-fast with N requests, start one local worker with S "
            + "slots on a simulated Ollama answering after MS ms, and compare its rate with the S/latency limit.")
    static final class Worker implements Callable<Integer> {

        private final Context context;

        @Spec
        CommandSpec spec;

        @Option(names = "--requests", paramLabel = "N", defaultValue = "5000", description = "Requests (default: "
                + "${DEFAULT-VALUE}).")
        int requests;

        @Option(names = "--slots", paramLabel = "S", defaultValue = "8", description = "The worker's slots (default: "
                + "${DEFAULT-VALUE}).")
        int slots;

        @Option(names = "--latency", paramLabel = "MS", defaultValue = "100", description = "Simulated model time "
                + "(default: ${DEFAULT-VALUE}).")
        int latencyMs;

        Worker(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            WorkerThroughputBench.run(context.home(), Checks.atLeast(spec, "--requests", requests, 1),
                    Checks.atLeast(spec, "--slots", slots, 1),
                    Duration.ofMillis(Checks.atLeast(spec, "--latency", latencyMs, 0)), context.out());
            return 0;
        }
    }

    @Command(name = "cloud", description = "Fill llm.tier.cloud with N requests, start one cloud worker (-Xmx512m) with "
            + "--in-flight slots on a simulated OpenAI answering after MS ms; report its rate, peak calls in flight "
            + "and heap.")
    static final class Cloud implements Callable<Integer> {

        private final Context context;

        @Spec
        CommandSpec spec;

        @Option(names = "--requests", paramLabel = "N", defaultValue = "20000", description = "Requests (default: "
                + "${DEFAULT-VALUE}).")
        int requests;

        @Option(names = "--latency", paramLabel = "MS", defaultValue = "2000", description = "Simulated model time "
                + "(default: ${DEFAULT-VALUE}).")
        int latencyMs;

        @Option(names = "--in-flight", paramLabel = "N", defaultValue = "5000", description = "The worker's slots "
                + "(default: ${DEFAULT-VALUE}).")
        int inFlight;

        Cloud(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            CloudThroughputBench.run(context.home(), Checks.atLeast(spec, "--requests", requests, 1),
                    Checks.atLeast(spec, "--in-flight", inFlight, 1),
                    Duration.ofMillis(Checks.atLeast(spec, "--latency", latencyMs, 0)), context.out());
            return 0;
        }
    }

    @Command(name = "stream", description = "Time to first chunk and gap between chunks of streamed chat completions "
            + "through a simulated system, against the same simulated OpenAI streamed directly (N pairs, A B A B).")
    static final class Stream implements Callable<Integer> {

        private final Context context;

        @Spec
        CommandSpec spec;

        @Option(names = "--requests", paramLabel = "N", defaultValue = "200", description = "Pairs of requests "
                + "(default: ${DEFAULT-VALUE}).")
        int requests;

        @Option(names = "--latency", paramLabel = "MS", defaultValue = "20", description = "Simulated model time "
                + "before the first frame (default: ${DEFAULT-VALUE}).")
        int latencyMs;

        @Option(names = "--frame-gap", paramLabel = "MS", defaultValue = "20", description = "Simulated time between "
                + "frames (default: ${DEFAULT-VALUE}).")
        int frameGapMs;

        Stream(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            StreamBench.run(context.home(), Checks.atLeast(spec, "--requests", requests, 1),
                    Duration.ofMillis(Checks.atLeast(spec, "--latency", latencyMs, 0)),
                    Duration.ofMillis(Checks.atLeast(spec, "--frame-gap", frameGapMs, 0)), context.out());
            return 0;
        }
    }

    @Command(name = "embed", description = "Embed N texts with the in-process model on one thread, in batches of 1 and "
            + "of 16: texts and tokens per second.")
    static final class Embed implements Callable<Integer> {

        private final Context context;

        @Spec
        CommandSpec spec;

        @Option(names = "--texts", paramLabel = "N", defaultValue = "2000", description = "Texts (default: "
                + "${DEFAULT-VALUE}).")
        int texts;

        Embed(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            EmbeddingBench.run(Checks.atLeast(spec, "--texts", texts, 1), context.out());
            return 0;
        }
    }
}
