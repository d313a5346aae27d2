package io.hybridllm.worker.core;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Tier;

/**
 * One model server a worker calls, e.g. one Ollama host. A worker pools several (see {@code BackendPool}); everything
 * else, from slots to escalation, is shared.
 */
public interface ModelBackend {

    /** The provider name routing decisions use for this backend, e.g. {@code ollama}. */
    String provider();

    /** This backend among several of one provider, e.g. {@code gpu-1}; the provider name when there is one. */
    default String name() {
        return provider();
    }

    /**
     * Whether it answers chat at all: a backend that only embeds (the in-process model) does not make a tier healthy,
     * since the router's health gate is about whether chat requests can be answered there.
     */
    default boolean chats() {
        return true;
    }

    /** The model to use when a target names none, or null when the tier has no default. */
    String defaultModel(Tier tier);

    /** Why no call can be made at all (e.g. no API key configured), or empty when calls can be made. */
    default Optional<ErrorInfo> refusal() {
        return Optional.empty();
    }

    /** One call, with its own timeout and no hidden retries; failures are results, not exceptions. */
    CallResult chat(String model, LlmRequest request) throws InterruptedException;

    /**
     * One call within {@code timeout} where that is shorter than the backend's own timeout: a retry gets only what is
     * left of the failover budget. Backends that cannot shorten a call make it as {@link #chat(String, LlmRequest)}.
     */
    default CallResult chat(String model, LlmRequest request, Duration timeout) throws InterruptedException {
        return chat(model, request);
    }

    /**
     * One call whose answer's text and tool calls are handed to {@code pieces} as the model writes them, within
     * {@code timeout} (null: the backend's own); the result is what {@link #chat(String, LlmRequest)} would give. A
     * backend that cannot stream hands over the whole answer (its text as one piece, each tool call whole) once it has
     * it.
     */
    default CallResult stream(String model, LlmRequest request, Duration timeout, AnswerPieces pieces)
            throws InterruptedException {
        CallResult result = timeout == null ? chat(model, request) : chat(model, request, timeout);
        if (result instanceof CallResult.Answered answered) {
            if (!answered.answer().isEmpty()) {
                pieces.text(answered.answer());
            }
            pieces.toolCalls(answered.toolCalls());
        }
        return result;
    }

    /**
     * One call for the vectors of an embed request's inputs ({@link LlmRequest#inputs()}), within {@code timeout}
     * (null: the backend's own). A backend whose API computes none fails over to the next target.
     */
    default CallResult embed(String model, LlmRequest request, Duration timeout) throws InterruptedException {
        return new CallResult.Failed(
                new ErrorInfo(ErrorCode.TARGET_UNSUITABLE, provider() + " does not compute embeddings"));
    }

    /**
     * Whether a key other than the one with id {@code keyId} is ready for the next call (neither retired nor cooling
     * down after a rate limit): then a call refused for its key is worth repeating at once with the next one.
     */
    default boolean hasOtherKeyThan(String keyId) {
        return false;
    }

    /**
     * Whether a call here costs money per call: a cloud provider's API. Such a call is not made while the request's
     * budget scope is paused (see {@code BudgetPauses}). A local server is not paid, even where a {@code gpu_hour}
     * price accounts for its hardware: that money is spent whether it answers or not.
     */
    default boolean paid() {
        return false;
    }

    /** Where the backend is, for health reports. */
    String baseUrl();

    /** The models the backend offers; fails with a message fit for a health report (no secrets). */
    List<String> models() throws IOException, InterruptedException;

    /**
     * Whether {@link #models()} is everything the backend can serve, so that a model it does not list is not sent
     * there. True for local servers; cloud APIs list only some of what they serve (deployments, aliases, new models).
     */
    default boolean listsEveryModel() {
        return true;
    }
}
