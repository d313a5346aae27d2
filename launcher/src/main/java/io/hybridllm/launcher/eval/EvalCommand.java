package io.hybridllm.launcher.eval;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.hybridllm.launcher.cli.Checks;
import io.hybridllm.launcher.cli.Context;
import io.hybridllm.launcher.cli.Group;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hybrid eval routing} and {@code hybrid eval make-data}. */
@Command(name = "eval", description = "Judge the router against labelled prompts.", subcommands = {
        EvalCommand.Routing.class, MakeDataCommand.class })
public final class EvalCommand extends Group {

    @Command(name = "routing", description = "Start Kafka and one router with the learned scorer on, teach it the "
            + "train part of FILE.jsonl as outcomes, explain the test part, and print each scorer's routing curve "
            + "(APGR, strong-call share for 50 % and 80 % of the performance gap) against prompt-length and random "
            + "baselines. Lines: {\"prompt\": \"...\", \"weak_ok\": true, \"strong_ok\": true} (optional task_type).")
    static final class Routing implements Callable<Integer> {

        private final Context context;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE.jsonl", description = "The labelled prompts, one a line.")
        Path file;

        @Option(names = "--train-share", paramLabel = "S", defaultValue = "0.5", description = "The share of the "
                + "lines taught as outcomes; the rest are tested (default: ${DEFAULT-VALUE}).")
        double trainShare;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seeds the split, the tie order "
                + "and the random baseline (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--method", paramLabel = "learned|blend", defaultValue = "blend", description = "The policy's "
                + "[scoring] method (default: ${DEFAULT-VALUE}).")
        String method;

        @Option(names = "--weight", paramLabel = "W", description = "[scoring.learned] weight, blend only (default: "
                + "the router's).")
        Double weight;

        @Option(names = "--neighbours", paramLabel = "K", description = "[scoring.learned] neighbours (default: the "
                + "router's).")
        Integer neighbours;

        @Option(names = "--min-neighbours", paramLabel = "N", description = "[scoring.learned] min_neighbours "
                + "(default: the router's).")
        Integer minNeighbours;

        @Option(names = "--min-similarity", paramLabel = "S", description = "[scoring.learned] min_similarity "
                + "(default: the router's).")
        Double minSimilarity;

        Routing(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            if (!(trainShare > 0 && trainShare < 1)) {
                throw new ParameterException(spec.commandLine(),
                        "--train-share is " + trainShare + "; expected a share between 0 and 1 (exclusive)");
            }
            if (!method.equals("learned") && !method.equals("blend")) {
                throw new ParameterException(spec.commandLine(),
                        "--method is " + method + "; expected learned or blend (heuristic has nothing to learn)");
            }
            Checks.onlyWith(spec, "--weight", method.equals("blend"),
                    "is the learned estimate's share of a blend: it " + "needs --method=blend");
            // The policy's own ranges are the router's to check: it refuses a bad value, naming the key, at start.
            EvalSettings settings = new EvalSettings(trainShare, seed, method, weight, neighbours, minNeighbours,
                    minSimilarity);
            RoutingEval.run(context.home(), context.state().resolve("eval"), file, settings, context.out());
            return 0;
        }
    }
}
