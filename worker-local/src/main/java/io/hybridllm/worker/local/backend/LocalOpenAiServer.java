package io.hybridllm.worker.local.backend;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Tier;
import io.hybridllm.worker.core.AnswerPieces;
import io.hybridllm.worker.core.CallResult;
import io.hybridllm.worker.core.ModelBackend;
import io.hybridllm.worker.core.provider.ProviderBackend;

/**
 * An OpenAI-compatible server on the user's own GPUs (vLLM, LocalAI, llama.cpp server, LightLLM...): the shared
 * OpenAI-format adapter, known by its own backend name among several of one provider, with the local tiers' default
 * models.
 */
public final class LocalOpenAiServer implements ModelBackend {

    private final String name;
    private final ProviderBackend server;
    private final Map<Tier, String> defaultModels;

    public LocalOpenAiServer(String name, ProviderBackend server, Map<Tier, String> defaultModels) {
        this.name = name;
        this.server = server;
        this.defaultModels = Map.copyOf(defaultModels);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String provider() {
        return server.provider();
    }

    @Override
    public String defaultModel(Tier tier) {
        return defaultModels.get(tier);
    }

    @Override
    public Optional<ErrorInfo> refusal() {
        return server.refusal();
    }

    @Override
    public CallResult chat(String model, LlmRequest request) throws InterruptedException {
        return server.chat(model, request);
    }

    @Override
    public CallResult embed(String model, LlmRequest request, Duration timeout) throws InterruptedException {
        return server.embed(model, request, timeout);
    }

    @Override
    public CallResult stream(String model, LlmRequest request, Duration timeout, AnswerPieces pieces)
            throws InterruptedException {
        return server.stream(model, request, timeout, pieces);
    }

    @Override
    public String baseUrl() {
        return server.baseUrl();
    }

    /** A self-hosted server lists every model it has loaded. */
    @Override
    public List<String> models() throws IOException, InterruptedException {
        return server.models();
    }
}
