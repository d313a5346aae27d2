package io.hybridllm.worker.local;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.hybridllm.testkit.simulators.OllamaSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts Ollama simulators and points the worker at them: one by default (backend {@code ollama}), or as many as the
 * {@code backends} argument says ({@code ollama}, {@code gpu-2}, ...), each with {@code slots} slots,
 * {@code latency-ms} of simulated model time and the {@code models} given (comma-separated); {@code pull-missing} lets
 * the worker pull the tier models a simulator lacks.
 */
public class OllamaSimulatorResource implements QuarkusTestResourceLifecycleManager {

    public static final List<String> MODELS = List.of("llama3.2:1b", "llama3.1:8b", "phi3:mini");

    /** Marks the test field that receives the (first) running simulator, or all of them as a list. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Simulator {
    }

    private final List<OllamaSimulator> simulators = new ArrayList<>();
    private int backends = 1;
    private int slots = 4;
    private Duration latency = Duration.ofMillis(20);
    private List<String> models = MODELS;
    private boolean pullMissing;

    @Override
    public void init(Map<String, String> args) {
        backends = Integer.parseInt(args.getOrDefault("backends", "1"));
        slots = Integer.parseInt(args.getOrDefault("slots", "4"));
        latency = Duration.ofMillis(Long.parseLong(args.getOrDefault("latency-ms", "20")));
        models = args.containsKey("models") ? List.of(args.get("models").split(",")) : MODELS;
        pullMissing = Boolean.parseBoolean(args.getOrDefault("pull-missing", "false"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (int i = 0; i < backends; i++) {
            OllamaSimulator simulator = OllamaSimulator.start(latency, models);
            simulators.add(simulator);
            String name = i == 0 ? "ollama" : "gpu-" + (i + 1);
            // Without a scheme, as OLLAMA_HOST is often set: the worker must add it.
            config.put("hybrid.local.backends." + name + ".url", "localhost:" + simulator.port());
            config.put("hybrid.local.backends." + name + ".slots", String.valueOf(slots));
        }
        config.put("hybrid.worker.health.interval", "200ms");
        config.put("hybrid.worker.health.failure-threshold", "2");
        config.put("hybrid.worker.models.pull-missing", String.valueOf(pullMissing));
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(simulators.getFirst(),
                new TestInjector.AnnotatedAndMatchesType(Simulator.class, OllamaSimulator.class));
        injector.injectIntoFields(List.copyOf(simulators),
                new TestInjector.AnnotatedAndMatchesType(Simulator.class, List.class));
    }

    @Override
    public void stop() {
        simulators.forEach(OllamaSimulator::close);
    }
}
