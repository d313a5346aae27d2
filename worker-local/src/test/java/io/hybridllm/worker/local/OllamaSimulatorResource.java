package io.hybridllm.worker.local;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.hybridllm.testkit.simulators.OllamaSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts an Ollama simulator with the two default models and points the worker at it. */
public class OllamaSimulatorResource implements QuarkusTestResourceLifecycleManager {

    public static final List<String> MODELS = List.of("llama3.2:1b", "llama3.1:8b");

    /** Marks the test field that receives the running simulator. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Simulator {
    }

    private OllamaSimulator simulator;

    @Override
    public Map<String, String> start() {
        simulator = OllamaSimulator.start(Duration.ofMillis(20), MODELS);
        // Without a scheme, as OLLAMA_HOST is often set: the worker must add it.
        return Map.of("hybrid.worker.ollama.base-url", "localhost:" + simulator.port());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(simulator,
                new TestInjector.AnnotatedAndMatchesType(Simulator.class, OllamaSimulator.class));
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
