package io.hybridllm.worker.core.provider;

import java.util.Arrays;
import java.util.Optional;

/**
 * The wire formats the cloud worker speaks. OpenAI, Mistral, xAI and any OpenAI-compatible endpoint share one format
 * and differ only in base URL (and in the name of the max-tokens field); Azure OpenAI is that format behind a
 * deployment URL and an {@code api-key} header.
 */
public enum ProviderKind {

    OPENAI("openai", "https://api.openai.com/v1", true), AZURE_OPENAI("azure-openai", null, true),
    ANTHROPIC("anthropic", "https://api.anthropic.com", true),
    GEMINI("gemini", "https://generativelanguage.googleapis.com", true),
    COHERE("cohere", "https://api.cohere.com", true), MISTRAL("mistral", "https://api.mistral.ai/v1", true),
    XAI("xai", "https://api.x.ai/v1", true),
    /** OpenRouter, gateways, vLLM, LocalAI...: the base URL is required, the key optional. */
    OPENAI_COMPATIBLE("openai-compatible", null, false);

    private final String wireName;
    private final String defaultBaseUrl;
    private final boolean keyRequired;

    ProviderKind(String wireName, String defaultBaseUrl, boolean keyRequired) {
        this.wireName = wireName;
        this.defaultBaseUrl = defaultBaseUrl;
        this.keyRequired = keyRequired;
    }

    public String wireName() {
        return wireName;
    }

    /** Null when there is no public default: Azure (a resource of yours) and OpenAI-compatible endpoints. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    public boolean keyRequired() {
        return keyRequired;
    }

    public static Optional<ProviderKind> byWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }

    WireFormat format(ProviderSettings settings) {
        return switch (this) {
            // OpenAI deprecated max_tokens, and its reasoning models refuse it; the others only know max_tokens.
            case OPENAI -> new OpenAiFormat(settings, "max_completion_tokens");
            case MISTRAL, XAI, OPENAI_COMPATIBLE -> new OpenAiFormat(settings, "max_tokens");
            case AZURE_OPENAI -> new AzureOpenAiFormat(settings);
            case ANTHROPIC -> new AnthropicFormat(settings);
            case GEMINI -> new GeminiFormat(settings);
            case COHERE -> new CohereFormat(settings);
        };
    }
}
