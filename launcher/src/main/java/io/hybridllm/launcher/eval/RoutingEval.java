package io.hybridllm.launcher.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.RequestOutcome;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.ScoreFactor;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.http.Submission;

/**
 * {@code hybrid eval routing}: a seeded split of labelled prompts; the train part taught to a router as worker outcomes
 * of tenant {@value #TENANT}, the test part explained by it, and each scorer's routing curve ({@link RoutingCurve}).
 */
final class RoutingEval {

    static final String TENANT = "eval";
    /** The name of the decision's factor that carries the learned estimate. */
    static final String LEARNED_FACTOR = "learned";

    /** The train and the test part of the file. */
    record Split(List<LabelledPrompt> train, List<LabelledPrompt> test) {

        /** A seeded shuffle, then the first {@code trainShare} of the lines (rounded) for training. */
        static Split of(List<LabelledPrompt> prompts, double trainShare, long seed) {
            List<LabelledPrompt> shuffled = new ArrayList<>(prompts);
            Collections.shuffle(shuffled, new Random(seed));
            int train = (int) Math.round(prompts.size() * trainShare);
            if (train < 1 || train >= prompts.size()) {
                throw new IllegalArgumentException(
                        "--train-share " + trainShare + " of " + prompts.size() + " lines leaves " + train
                                + " to train on and " + (prompts.size() - train) + " to test: both need at least one");
            }
            return new Split(List.copyOf(shuffled.subList(0, train)),
                    List.copyOf(shuffled.subList(train, prompts.size())));
        }
    }

    /** What the router said of one test prompt: the fixed formula h, the learned estimate p (NaN: none), the score. */
    record Explained(double heuristic, double learned, double score) {

        boolean hasOpinion() {
            return !Double.isNaN(learned);
        }

        static Explained of(RoutingDecision decision) {
            double sum = 0;
            double weights = 0;
            double learned = Double.NaN;
            for (ScoreFactor factor : decision.factors()) {
                if (factor.name().equals(LEARNED_FACTOR)) {
                    learned = factor.weight() > 0 ? factor.value() : Double.NaN;
                } else {
                    sum += factor.contribution();
                    weights += factor.weight();
                }
            }
            return new Explained(weights > 0 ? sum / weights : 0, learned, decision.score());
        }
    }

    private RoutingEval() {
    }

    static void run(Path home, Path state, Path file, EvalSettings settings, PrintStream out) throws Exception {
        List<LabelledPrompt> prompts = LabelledPrompt.read(file);
        Split split = Split.of(prompts, settings.trainShare(), settings.seed());
        if (split.train().size() > EvalSettings.MAX_TRAIN) {
            throw new IllegalArgumentException(split.train().size() + " train prompts; the router keeps at most "
                    + EvalSettings.MAX_TRAIN + " outcomes per tenant");
        }
        Path policy = EvaluatedRouter.writePolicy(home, state, settings.policy(split.train().size()));
        RoutingCurve curve = new RoutingCurve(split.test());
        EvalReport report = new EvalReport(file, split, settings, curve, out);
        if (!curve.hasGap()) {
            report.noGap();
            throw new IllegalStateException("eval routing: no performance gap to recover on the test part");
        }
        List<Explained> explained = new ArrayList<>(split.test().size());
        try (EvaluatedRouter router = new EvaluatedRouter(home, state, policy, out)) {
            out.println("Embedding " + split.train().size() + " train prompts (the router's explain, as it embeds "
                    + "them) ...");
            List<RequestOutcome> outcomes = outcomes(router, split.train());
            out.println("Teaching the router " + outcomes.size() + " outcomes of tenant " + TENANT + " ...");
            router.publish(outcomes);
            router.awaitLearned(outcomes.size(), Duration.ofSeconds(60).plusMillis(20L * outcomes.size()));
            out.println("Explaining " + split.test().size() + " test prompts ...");
            for (LabelledPrompt prompt : split.test()) {
                explained.add(Explained.of(router.explain(submission(prompt), TENANT)));
            }
        }
        report.print(explained);
    }

    /**
     * Each train prompt as a worker's outcome: local-fast was enough, or it escalated to the cloud, which answered. The
     * embedding is the one the router's decision carries, as a worker copies it: exactly the text the router embeds.
     * Asked before any outcome is published, so no estimate is in play.
     */
    private static List<RequestOutcome> outcomes(EvaluatedRouter router, List<LabelledPrompt> train)
            throws InterruptedException {
        List<RequestOutcome> outcomes = new ArrayList<>(train.size());
        for (int i = 0; i < train.size(); i++) {
            LabelledPrompt prompt = train.get(i);
            RoutingDecision decision = router.explain(submission(prompt), TENANT);
            if (decision.embedding() == null) {
                throw new IllegalStateException(
                        "the router made no embedding of a prompt: is its [scoring] method " + "learned or blend?");
            }
            boolean weakOk = prompt.weakOk();
            outcomes.add(new RequestOutcome(SchemaVersion.CURRENT, "eval-train-" + i, TENANT,
                    RequestOutcome.Source.WORKER, submission(prompt).toRequest("eval").taskType(), Tier.LOCAL_FAST,
                    weakOk ? Tier.LOCAL_FAST : Tier.CLOUD, !weakOk, weakOk ? 0.9 : 0.2, null, decision.embedding(),
                    null));
        }
        return outcomes;
    }

    static Submission submission(LabelledPrompt prompt) {
        return new Submission(TENANT, null, prompt.taskType(), List.of(ChatMessage.user(prompt.prompt())), null, null,
                null, null);
    }
}
