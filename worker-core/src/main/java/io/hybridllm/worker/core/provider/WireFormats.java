package io.hybridllm.worker.core.provider;

/**
 * The wire format of each kind a {@link ProviderBackend} speaks. OpenAI, Mistral, xAI and any OpenAI-compatible
 * endpoint share one format and differ only in base URL (and in the name of the max-tokens field); Azure OpenAI is that
 * format behind a deployment URL and an {@code api-key} header. Ollama has its own client in worker-local.
 */
final class WireFormats {

    private WireFormats() {
    }

    static WireFormat of(ProviderSettings settings) {
        return switch (settings.kind()) {
            // OpenAI deprecated max_tokens, and its reasoning models refuse it; the others only know max_tokens.
            case OPENAI -> new OpenAiFormat(settings, "max_completion_tokens");
            case MISTRAL, XAI, OPENAI_COMPATIBLE -> new OpenAiFormat(settings, "max_tokens");
            case AZURE_OPENAI -> new AzureOpenAiFormat(settings);
            case ANTHROPIC -> new AnthropicFormat(settings);
            case GEMINI -> new GeminiFormat(settings);
            case COHERE -> new CohereFormat(settings);
            case OLLAMA -> throw new IllegalArgumentException("provider " + settings.name()
                    + " is an Ollama server: worker-local's Ollama client serves it, not an HTTP provider adapter");
            case IN_PROCESS -> throw new IllegalArgumentException("provider " + settings.name()
                    + " is the in-process embedding model: worker-local runs it, with no HTTP call");
        };
    }
}
