package io.hybridllm.worker.local.backend;

import java.time.Duration;
import java.util.List;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.embedding.Embeddings;
import io.hybridllm.embedding.MiniLmEmbedder;
import io.hybridllm.worker.core.CallResult;
import io.hybridllm.worker.core.ModelBackend;
import io.hybridllm.worker.core.provider.EmbeddingReads;

/**
 * The embedding model inside this process (provider kind {@code in-process}): all-MiniLM-L6-v2, 384 dimensions, no
 * server and nothing per call. It reads at most {@value MiniLmEmbedder#WINDOW_TOKENS} word pieces of a text; a longer
 * input is refused with {@code context_too_long} before any work, so the request fails over to a target with a wider
 * window instead of getting the vector of the text's beginning. It cannot chat. It runs on the caller's thread: the
 * backend's slots bound how many batches run at once.
 */
public final class InProcessEmbedder implements ModelBackend {

    private final String provider;
    private final MiniLmEmbedder model;

    public InProcessEmbedder(String provider, MiniLmEmbedder model) {
        this.provider = provider;
        this.model = model;
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public boolean chats() {
        return false;
    }

    @Override
    public String defaultModel(Tier tier) {
        return MiniLmEmbedder.MODEL;
    }

    @Override
    public CallResult chat(String model, LlmRequest request) {
        return failed(ErrorCode.TARGET_UNSUITABLE, provider + " is an embedding model: it cannot chat");
    }

    @Override
    public CallResult embed(String wanted, LlmRequest request, Duration timeout) {
        if (!MiniLmEmbedder.MODEL.equals(wanted)) {
            return failed(ErrorCode.TARGET_UNSUITABLE,
                    provider + " runs " + MiniLmEmbedder.MODEL + " only, not " + wanted);
        }
        if (request.dimensions() != null && request.dimensions() != MiniLmEmbedder.DIMENSIONS) {
            return failed(ErrorCode.TARGET_UNSUITABLE, MiniLmEmbedder.MODEL + " has " + MiniLmEmbedder.DIMENSIONS
                    + " dimensions, not the " + request.dimensions() + " asked for");
        }
        List<String> inputs = request.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            int tokens = model.tokens(inputs.get(i));
            if (tokens > MiniLmEmbedder.WINDOW_TOKENS) {
                return failed(ErrorCode.CONTEXT_TOO_LONG,
                        "input " + i + " has " + tokens + " word pieces; " + MiniLmEmbedder.MODEL + " reads at most "
                                + MiniLmEmbedder.WINDOW_TOKENS + " and would ignore the rest");
            }
        }
        Embeddings embeddings = model.embedAll(inputs);
        return EmbeddingReads.answered(provider, embeddings.vectors(), new TokenUsage(embeddings.inputTokens(), 0),
                request);
    }

    @Override
    public String baseUrl() {
        return "in-process";
    }

    @Override
    public List<String> models() {
        return List.of(MiniLmEmbedder.MODEL);
    }

    private static CallResult failed(ErrorCode code, String message) {
        return new CallResult.Failed(new ErrorInfo(code, message));
    }
}
