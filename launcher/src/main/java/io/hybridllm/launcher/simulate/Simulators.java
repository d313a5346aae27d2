package io.hybridllm.launcher.simulate;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.hybridllm.launcher.simulate.SimulationPlan.Planned;
import io.hybridllm.testkit.simulators.AnthropicSimulator;
import io.hybridllm.testkit.simulators.AzureOpenAiSimulator;
import io.hybridllm.testkit.simulators.CohereSimulator;
import io.hybridllm.testkit.simulators.GeminiSimulator;
import io.hybridllm.testkit.simulators.OllamaSimulator;
import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.hybridllm.testkit.simulators.ProviderSimulator;

/**
 * The simulators of a {@code --simulate} run, started from a {@link SimulationPlan}: one per provider, each requiring a
 * fresh {@code sk-simulated-...} key, the same for the providers that read their key from the same variable.
 * {@link SimulatorWiring} points the workers at them.
 */
public final class Simulators implements AutoCloseable {

    /** Started simulators by provider name, in the policy's order. */
    private final Map<Planned, ProviderSimulator> started;
    /** The key each variable holds for this run. */
    private final Map<String, String> keys;

    private Simulators(Map<Planned, ProviderSimulator> started, Map<String, String> keys) {
        this.started = started;
        this.keys = keys;
    }

    /** Starts every planned simulator; on a failure, stops those already started. */
    public static Simulators start(List<Planned> plan, Duration latency) {
        Map<String, String> keys = new LinkedHashMap<>();
        plan.forEach(planned -> planned.keyVariables()
                .forEach(variable -> keys.computeIfAbsent(variable, v -> "sk-simulated-" + UUID.randomUUID())));
        Map<Planned, ProviderSimulator> started = new LinkedHashMap<>();
        Simulators simulators = new Simulators(started, Map.copyOf(keys));
        try {
            for (Planned planned : plan) {
                String key = planned.keyVariables().isEmpty() ? null : keys.get(planned.keyVariables().getFirst());
                started.put(planned, start(planned, latency, key));
            }
        } catch (RuntimeException e) {
            simulators.close();
            throw e;
        }
        return simulators;
    }

    private static ProviderSimulator start(Planned planned, Duration latency, String key) {
        List<String> models = planned.models();
        return switch (planned.simulator()) {
            case OLLAMA -> OllamaSimulator.start(latency, models);
            case OPENAI -> OpenAiSimulator.start(latency, models, key);
            // A deployment per model, named after it: the model a decision names is the deployment called.
            case AZURE_OPENAI -> AzureOpenAiSimulator.start(latency,
                    models.stream().collect(Collectors.toMap(Function.identity(), Function.identity())), key);
            case ANTHROPIC -> AnthropicSimulator.start(latency, models, key);
            case GEMINI -> GeminiSimulator.start(latency, models, key);
            case COHERE -> CohereSimulator.start(latency, models, key);
        };
    }

    /** The simulator standing in for the policy's provider {@code name}, or null when it has none. */
    public ProviderSimulator of(String name) {
        return started.entrySet().stream().filter(entry -> entry.getKey().provider().equals(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The simulated {@code ollama} of the policy (the built-in default's), when it is an Ollama. */
    public OllamaSimulator ollama() {
        return of("ollama") instanceof OllamaSimulator ollama ? ollama : null;
    }

    /** The simulated {@code openai} of the policy (the built-in default's), when it speaks OpenAI's format. */
    public OpenAiSimulator openai() {
        return of("openai") instanceof OpenAiSimulator openai ? openai : null;
    }

    /** What was started: each provider with the base URL its worker is given. */
    Map<Planned, String> baseUrls() {
        Map<Planned, String> urls = new LinkedHashMap<>();
        started.forEach((planned, simulator) -> urls.put(planned, planned.baseUrl(simulator.baseUrl())));
        return urls;
    }

    /** The key of this run in each variable a worker reads one from. */
    Map<String, String> keys() {
        return keys;
    }

    /** One line per provider: {@code claude (anthropic) simulated at http://localhost:41234}. */
    public void describe(PrintStream out, Duration latency) {
        out.println("Simulated providers, each speaking its own API (" + latency.toMillis() + " ms per answer):");
        baseUrls().forEach((planned, url) -> out.println("  " + planned.provider() + " (" + planned.kind().wireName()
                + ") simulated at " + url + (planned.enabled() ? "" : " (disabled in the policy)")));
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (ProviderSimulator simulator : started.values()) {
            try {
                simulator.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
    }
}
