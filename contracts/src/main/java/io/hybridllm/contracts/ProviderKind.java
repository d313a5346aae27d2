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

    OLLAMA("http://localhost:11434", null, true, Serves.BOTH),
    /** vLLM, LocalAI, llama.cpp's server...: the base URL is required, the key optional. */
    OPENAI_COMPATIBLE(null, null, true, Serves.BOTH),
    OPENAI("https://api.openai.com/v1", "OPENAI_API_KEY", false, Serves.BOTH),
    /** OpenAI's format behind a deployment URL of your own resource, with an {@code api-key} header. */
    AZURE_OPENAI(null, "AZURE_OPENAI_API_KEY", false, Serves.BOTH),
    /** Anthropic has no embeddings API (it refers to Voyage AI). */
    ANTHROPIC("https://api.anthropic.com", "ANTHROPIC_API_KEY", false, Serves.CHAT),
    GEMINI("https://generativelanguage.googleapis.com", "GEMINI_API_KEY", false, Serves.BOTH),
    COHERE("https://api.cohere.com", "COHERE_API_KEY", false, Serves.BOTH),
    MISTRAL("https://api.mistral.ai/v1", "MISTRAL_API_KEY", false, Serves.BOTH),
    /** xAI's API has no embeddings endpoint. */
    XAI("https://api.x.ai/v1", "XAI_API_KEY", false, Serves.CHAT),
    /**
     * The embedding model inside the local worker's own process (all-MiniLM-L6-v2): no server, no address, no key, no
     * cost per call; it computes vectors and cannot chat.
     */
    IN_PROCESS(null, null, true, Serves.EMBED);

    /** What a kind's API can answer: the router passes over a target that cannot serve the request's task. */
    public enum Serves {
        BOTH, CHAT, EMBED
    }

    private final String defaultBaseUrl;
    private final String defaultKeyEnv;
    private final boolean local;
    private final Serves serves;

    ProviderKind(String defaultBaseUrl, String defaultKeyEnv, boolean local, Serves serves) {
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultKeyEnv = defaultKeyEnv;
        this.local = local;
        this.serves = serves;
    }

    /** Whether the kind's API computes embeddings (task type {@code embed}); the one place that says which do. */
    public boolean embeds() {
        return serves != Serves.CHAT;
    }

    /** Whether the kind's API answers chat (every task type but {@code embed}). */
    public boolean chats() {
        return serves != Serves.EMBED;
    }

    /** Whether the kind can serve {@code request}: embeddings for an embed request, chat for any other. */
    public boolean serves(LlmRequest request) {
        return request.embeds() ? embeds() : chats();
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
