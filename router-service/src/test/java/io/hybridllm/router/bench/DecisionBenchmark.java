package io.hybridllm.router.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.router.Prompts;
import io.hybridllm.router.ShippedConfig;
import io.hybridllm.router.control.ModeSwitchState;
import io.hybridllm.router.control.TierHealthState;
import io.hybridllm.router.privacy.SensitiveContentDetector;
import io.hybridllm.router.routing.PolicyInForce;
import io.hybridllm.router.routing.TierRouter;
import io.hybridllm.router.scoring.HeuristicComplexityScorer;

/**
 * One routing decision (scoring, privacy detectors, mode selection, policy route, health), as the router makes it for
 * every request, on the built-in policy and the shipped scorer and detectors. Run with bin/bench-router-decision.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecisionBenchmark {

    private final TierRouter router = new TierRouter(new HeuristicComplexityScorer(ShippedConfig.scoring()),
            new SensitiveContentDetector(ShippedConfig.privacy()), new TierHealthState(Duration.ofSeconds(90)),
            new PolicyInForce(Optional.empty()), new ModeSwitchState());

    private final LlmRequest simple = Prompts.request("b-1", TaskType.CHAT, Prompts.SIMPLE, RequestHints.NONE);
    private final LlmRequest complex = Prompts.request("b-2", TaskType.REFACTOR, Prompts.COMPLEX, RequestHints.NONE);
    private final LlmRequest sensitive = Prompts.request("b-3", TaskType.REVIEW,
            "Review the login flow for jane.doe@example.com and explain the race condition step by step.",
            new RequestHints(null, null, false, null, null, null, Map.of("file", "src/main/java/Login.java")));

    @Benchmark
    public RoutingDecision simpleQuestion() {
        return router.decide(simple);
    }

    @Benchmark
    public RoutingDecision longRefactoringWithCode() {
        return router.decide(complex);
    }

    @Benchmark
    public RoutingDecision personalDataDetected() {
        return router.decide(sensitive);
    }
}
