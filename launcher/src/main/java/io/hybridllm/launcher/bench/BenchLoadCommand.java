package io.hybridllm.launcher.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import io.hybridllm.launcher.cli.Checks;
import io.hybridllm.launcher.cli.Context;
import io.hybridllm.launcher.load.LoadBench;
import io.hybridllm.launcher.load.PeerBench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hybrid bench load}: one path at a series of open-loop rates, or with {@code --peer} against Portkey. */
@Command(name = "load", description = { "Run the simulated system and drive one path (Kafka jobs with reply_to, HTTP "
        + "submit + long-poll, or /v1/chat/completions) at each rate for S seconds, after a warm-up at the first rate: "
        + "completed/s, added latency p50/p95/p99/max, CPU and memory per process, consumer lag per group.",
        "--peer: instead, N closed-loop clients on /v1/chat/completions here and on the Portkey gateway (npm, into a "
                + "temporary folder) at the same simulator, A B A B." })
public final class BenchLoadCommand implements Callable<Integer> {

    private final Context context;

    @Spec
    CommandSpec spec;

    @Option(names = "--path", paramLabel = "kafka|http|openai", defaultValue = "kafka", description = "The path to "
            + "drive (default: ${DEFAULT-VALUE}).")
    String path;

    @Option(names = "--rates", paramLabel = "RATE", split = ",", defaultValue = "100,500,1000,2000", description = "Requests per second, one step each (default: ${DEFAULT-VALUE}).")
    List<Integer> rates;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "20", description = "Length of each step "
            + "(default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warm-up", paramLabel = "S", defaultValue = "10", description = "Warm-up (default: "
            + "${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--latency", paramLabel = "MS", defaultValue = "20", description = "Simulated model time "
            + "(default: ${DEFAULT-VALUE}).")
    int latencyMs;

    @Option(names = "--durable", description = "PostgreSQL commits wait for the disk.")
    boolean durable;

    @Option(names = "--peer", description = "Compare with the Portkey gateway instead (closed loop).")
    boolean peer;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "20", description = "With --peer: closed-loop "
            + "clients (default: ${DEFAULT-VALUE}).")
    int clients;

    BenchLoadCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Checks.onlyWith(spec, "--clients", peer, "is the closed loop of --peer: it needs --peer");
        Checks.onlyWith(spec, "--path", !peer, "does not apply to --peer (it drives /v1/chat/completions)");
        Checks.onlyWith(spec, "--rates", !peer, "does not apply to --peer (a closed loop of --clients)");
        Duration length = Duration.ofSeconds(Checks.atLeast(spec, "--seconds", seconds, 1));
        Duration warm = Duration.ofSeconds(Checks.atLeast(spec, "--warm-up", warmUp, 0));
        Duration latency = Duration.ofMillis(Checks.atLeast(spec, "--latency", latencyMs, 0));
        if (peer) {
            PeerBench.run(context.home(), Checks.atLeast(spec, "--clients", clients, 1), length, warm, latency, durable,
                    context.out());
        } else {
            rates.forEach(rate -> Checks.atLeast(spec, "--rates", rate, 1));
            LoadBench.run(context.home(), durable, path, rates, length, warm, latency, context.out());
        }
        return 0;
    }
}
