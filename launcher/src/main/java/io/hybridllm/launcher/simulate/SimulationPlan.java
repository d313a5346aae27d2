package io.hybridllm.launcher.simulate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.hybridllm.launcher.system.LaunchOptions;
import io.hybridllm.policy.Policy;
import io.hybridllm.policy.PolicyException;
import io.hybridllm.policy.PolicyLoader;

/**
 * What {@code --simulate} stands in for: one simulator per provider of the policy the services will run with, speaking
 * that provider's own API. Disabled providers are simulated too, so that a live change enabling one reaches its
 * simulator, never the real endpoint with a simulated key.
 */
public final class SimulationPlan {

    /** The property naming a policy file on top of the layered lookup, as the services read it from their env. */
    static final String POLICY_FILE_VARIABLE = "HYBRID_POLICY_FILE";

    /** The simulators of testkit, one per wire format. */
    public enum Simulator {
        OLLAMA, OPENAI, AZURE_OPENAI, ANTHROPIC, GEMINI, COHERE
    }

    /**
     * One provider to simulate.
     *
     * @param models
     *            what its simulator serves: every model the policy names for it, and the price catalogue's models of
     *            its kind (a worker may fall back to one of them)
     * @param keyVariables
     *            the variables its worker reads its key from (the policy's {@code api_key_env}, or the kind's default);
     *            empty when it needs none
     */
    public record Planned(String provider, ProviderKind kind, boolean enabled, Simulator simulator, List<String> models,
            List<String> keyVariables) {

        public Planned {
            models = List.copyOf(models);
            keyVariables = List.copyOf(keyVariables);
        }

        /** The base URL its worker is given, from the simulator's address: OpenAI's format sits under /v1. */
        public String baseUrl(String simulatorAddress) {
            return simulator == Simulator.OPENAI ? simulatorAddress + "/v1" : simulatorAddress;
        }
    }

    /** The plan for the policy {@code ./hybrid up} with these options will run: see {@link #policyOf}. */
    public static List<Planned> forLaunch(LaunchOptions options) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(options.environment());
        return plan(policyOf(env, options.home(), Path.of(System.getProperty("user.home"))));
    }

    /**
     * The policy the services will load: the same layered lookup, from the environment they get and the directory they
     * run in, with the file {@code HYBRID_POLICY_FILE} ({@code hybrid.policy.file}) names on top.
     */
    public static Policy policyOf(Map<String, String> env, Path workingDir, Path home) {
        List<Path> layers = new ArrayList<>(PolicyLoader.lookup(env, workingDir, home));
        String extra = env.get(POLICY_FILE_VARIABLE);
        if (extra != null && !extra.isBlank()) {
            layers.add(Path.of(extra));
        }
        try {
            return PolicyLoader.load(layers).policy();
        } catch (PolicyException e) {
            throw new IllegalStateException("--simulate cannot plan its providers: the policy the services would run "
                    + "with is not valid (./hybrid config check shows it):\n" + e.getMessage(), e);
        }
    }

    /**
     * One simulator per provider the policy defines, in the policy's order. A name with a dot is refused: the workers'
     * overrides ({@code hybrid.cloud.providers.<name>.base-url}) split their keys at dots.
     */
    public static List<Planned> plan(Policy policy) {
        policy.providers().keySet().stream().filter(name -> name.contains(".")).findFirst().ifPresent(name -> {
            throw new IllegalStateException("--simulate cannot point the workers at a simulator for provider '" + name
                    + "': the workers' property overrides split their keys at dots; name it without one");
        });
        PriceCatalogue catalogue = PriceCatalogue.defaults();
        // The in-process embedding model is no server: nothing to simulate, it runs as it is.
        return policy.providers().values().stream().filter(provider -> simulatorFor(provider.kind()) != null)
                .map(provider -> planned(provider, catalogue)).toList();
    }

    private static Planned planned(Policy.Provider provider, PriceCatalogue catalogue) {
        Set<String> models = new LinkedHashSet<>();
        if (provider.model() != null) {
            models.add(provider.model());
        }
        models.addAll(provider.models());
        models.addAll(provider.tierModels().values());
        PriceCatalogue.ProviderPricing listed = catalogue.providers().get(provider.kind().wireName());
        if (listed != null) {
            models.addAll(listed.models().keySet());
        }
        return new Planned(provider.name(), provider.kind(), provider.enabled(), simulatorFor(provider.kind()),
                List.copyOf(models), keyVariables(provider));
    }

    private static List<String> keyVariables(Policy.Provider provider) {
        if (provider.apiKeyEnv() != null) {
            return Arrays.stream(provider.apiKeyEnv().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        String fallback = provider.kind().defaultKeyEnv();
        return fallback == null ? List.of() : List.of(fallback);
    }

    /**
     * Mistral, xAI and OpenAI-compatible servers speak OpenAI's format; the in-process model has no simulator (null).
     */
    public static Simulator simulatorFor(ProviderKind kind) {
        return switch (kind) {
            case OLLAMA -> Simulator.OLLAMA;
            case OPENAI, OPENAI_COMPATIBLE, MISTRAL, XAI -> Simulator.OPENAI;
            case AZURE_OPENAI -> Simulator.AZURE_OPENAI;
            case ANTHROPIC -> Simulator.ANTHROPIC;
            case GEMINI -> Simulator.GEMINI;
            case COHERE -> Simulator.COHERE;
            case IN_PROCESS -> null;
        };
    }

    private SimulationPlan() {
    }
}
