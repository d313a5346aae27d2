package io.hybridllm.worker.cloud;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts an OpenAI simulator that accepts {@link #API_KEY} and points the worker at it, with that key or with the one
 * given as init arg {@code api-key}.
 */
public class OpenAiSimulatorResource implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "sk-test-123";
    public static final List<String> MODELS = List.of("gpt-4o-mini", "gpt-4o", "text-embedding-3-small");

    /** Marks the test field that receives the running simulator. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Simulator {
    }

    private OpenAiSimulator simulator;
    private String workerKey = API_KEY;

    @Override
    public void init(Map<String, String> initArgs) {
        workerKey = initArgs.getOrDefault("api-key", API_KEY);
    }

    @Override
    public Map<String, String> start() {
        simulator = OpenAiSimulator.start(Duration.ofMillis(20), MODELS, API_KEY);
        // The tests here fail single calls on purpose; a circuit opened by one would skip openai in the next.
        return Map.of("hybrid.cloud.providers.openai.base-url", simulator.baseUrl() + "/v1",
                "hybrid.cloud.providers.openai.api-key", workerKey, "hybrid.cloud.circuit.failure-threshold", "1000");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(simulator,
                new TestInjector.AnnotatedAndMatchesType(Simulator.class, OpenAiSimulator.class));
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
