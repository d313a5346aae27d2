package io.hybridllm.contracts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a provider is, whatever the operator calls it ({@code claude} is an {@link #ANTHROPIC}): the wire format it
 * speaks, where its public endpoint is, where its key is read from by default, and whether it runs on the operator's
 * own machines (local kinds serve the local tiers and cost nothing per call; the others serve the cloud tier). The one
 * list of kinds: the policy checks names against it, the workers pick their adapters by it, the price catalogue lists
 * its defaults under its wire names.
 */
public enum ProviderKind {

    OLLAMA("http://localhost:11434", null, true),
    /** vLLM, LocalAI, llama.cpp's server...: the base URL is required, the key optional. */
    OPENAI_COMPATIBLE(null, null, true), OPENAI("https://api.openai.com/v1", "OPENAI_API_KEY", false),
    /** OpenAI's format behind a deployment URL of your own resource, with an {@code api-key} header. */
    AZURE_OPENAI(null, "AZURE_OPENAI_API_KEY", false),
    ANTHROPIC("https://api.anthropic.com", "ANTHROPIC_API_KEY", false),
    GEMINI("https://generativelanguage.googleapis.com", "GEMINI_API_KEY", false),
    COHERE("https://api.cohere.com", "COHERE_API_KEY", false),
    MISTRAL("https://api.mistral.ai/v1", "MISTRAL_API_KEY", false), XAI("https://api.x.ai/v1", "XAI_API_KEY", false);

    private final String defaultBaseUrl;
    private final String defaultKeyEnv;
    private final boolean local;

    ProviderKind(String defaultBaseUrl, String defaultKeyEnv, boolean local) {
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultKeyEnv = defaultKeyEnv;
        this.local = local;
    }

    /** The name in policy files and messages: {@code azure-openai}, {@code openai-compatible}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean isLocal() {
        return local;
    }

    /** Null when there is no public default: Azure (a resource of yours) and OpenAI-compatible servers. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /**
     * The environment variable a key is read from when the policy names none ({@code ANTHROPIC_API_KEY}); null for the
     * kinds that need no key (local servers; one that wants a key names its variable).
     */
    public String defaultKeyEnv() {
        return defaultKeyEnv;
    }

    /** Whether a call without a key is sure to be refused, so that a missing key is reported before any call. */
    public boolean keyRequired() {
        return defaultKeyEnv != null;
    }

    public static Optional<ProviderKind> byWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(name)).findFirst();
    }

    /** Every wire name, for a message that lists them. */
    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(ProviderKind::wireName).toList());
    }
}
