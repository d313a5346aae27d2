package io.hybridllm.policy;

import java.util.Locale;

/** What a provider speaks; local kinds serve the local tiers, the others the cloud tier. */
public enum ProviderKind {
    OLLAMA(true), OPENAI_COMPATIBLE(true), OPENAI(false), AZURE_OPENAI(false), ANTHROPIC(false), GEMINI(false),
    COHERE(false), MISTRAL(false), XAI(false);

    private final boolean local;

    ProviderKind(boolean local) {
        this.local = local;
    }

    public boolean isLocal() {
        return local;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
