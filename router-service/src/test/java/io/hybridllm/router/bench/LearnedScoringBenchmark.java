package io.hybridllm.router.bench;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.embedding.MiniLmEmbedder;
import io.hybridllm.embedding.Vectors;
import io.hybridllm.policy.Policy;
import io.hybridllm.policy.PolicyLoader;
import io.hybridllm.router.Prompts;
import io.hybridllm.router.ShippedConfig;
import io.hybridllm.router.cache.ResponseCache;
import io.hybridllm.router.control.ModeSwitchState;
import io.hybridllm.router.control.TierHealthState;
import io.hybridllm.router.learning.LearnedEstimate;
import io.hybridllm.router.learning.LearningScorer;
import io.hybridllm.router.learning.OutcomeMemory;
import io.hybridllm.router.privacy.SensitiveContentDetector;
import io.hybridllm.router.routing.PolicyInForce;
import io.hybridllm.router.routing.TierRouter;
import io.hybridllm.router.scoring.HeuristicComplexityScorer;

/**
 * The learned scorer's cost: the nearest-outcomes estimate over one tenant's held outcomes (the embedding made
 * beforehand), and a whole routing decision with {@code [scoring] method = "blend"}, the prompt's embedding included.
 * Held outcomes lie around the probe at spread similarities, so that the scan keeps and orders neighbours. Run with
 * bin/bench-router-decision LearnedScoringBenchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LearnedScoringBenchmark {

    private static final String TENANT = "acme";

    @Param({ "100", "1000", "5000" })
    int outcomes;

    private final OutcomeMemory memory = new OutcomeMemory();
    private final LlmRequest request = Prompts.request("b-1", TaskType.CHAT,
            "Prove that the square root of 3 is irrational, step by step.", RequestHints.NONE);
    private final Policy.Learned settings = Policy.Learned.DEFAULTS;
    private float[] probe;
    private TierRouter router;

    @Setup
    public void fill() {
        probe = new ResponseCache.Embedders().prompt(request);
        Random random = new Random(7);
        OutcomeMemory.Limits limits = new OutcomeMemory.Limits(outcomes, outcomes, 1);
        Tier[] tiers = Tier.values();
        for (int i = 0; i < outcomes; i++) {
            float[] vector = new float[MiniLmEmbedder.DIMENSIONS];
            double share = random.nextDouble();
            for (int d = 0; d < vector.length; d++) {
                vector[d] = (float) (share * probe[d] + (1 - share) * random.nextGaussian() / 20);
            }
            Tier tier = tiers[i % tiers.length];
            memory.learn(TENANT, new OutcomeMemory.Held("r-" + i, Vectors.normalised(vector), tier,
                    io.hybridllm.router.learning.Difficulty.level(tier)), limits);
        }
        PolicyInForce policies = new PolicyInForce(Optional.empty());
        policies.replace(PolicyLoader.fromText("[scoring]\nmethod = \"blend\"\n", "benchmark"));
        router = new TierRouter(
                new LearningScorer(new HeuristicComplexityScorer(ShippedConfig.scoring()), memory,
                        new ResponseCache.Embedders()),
                new SensitiveContentDetector(ShippedConfig.privacy()), new TierHealthState(Duration.ofSeconds(90)),
                policies, new ModeSwitchState());
    }

    @Benchmark
    public LearnedEstimate nearestOutcomesEstimate() {
        return LearnedEstimate.of(memory.nearest(TENANT, probe, settings.neighbours(), settings.minSimilarity()),
                settings);
    }

    @Benchmark
    public RoutingDecision wholeDecisionWithBlend() {
        return router.decide(request);
    }
}
