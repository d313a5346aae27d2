package io.hybridllm.worker.cloud.messaging;

import java.util.List;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Tool;
import io.hybridllm.contracts.ToolChoice;
import io.hybridllm.worker.cloud.Requests;

/** A cloud request that asks for its answer streamed. */
final class StreamingTestRequests {

    static RoutedRequest streamed(String id) {
        return streamed(id, null);
    }

    static RoutedRequest streamed(String id, String replyTo) {
        LlmRequest request = new LlmRequest(0, id, Requests.TENANT, "job-7", TaskType.CHAT,
                List.of(ChatMessage.user("Explain streaming in one short sentence, please.")),
                new GenerationOptions(256, 0.3).streamed(), RequestHints.NONE, replyTo, null, null, null);
        return new RoutedRequest(request, new RoutingDecision(Tier.CLOUD, List.of(new Target("openai", "gpt-4o-mini")),
                0.8, List.of(), "score 0.8: cloud", "hybrid", "test-1", null));
    }

    /** A streamed request that requires a tool to be called. */
    static RoutedRequest streamedWithTool(String id) {
        GenerationOptions options = new GenerationOptions(null, null, null, null, null, null, null, null,
                List.of(new Tool("get_weather", "The weather in a city", null, null)),
                new ToolChoice(ToolChoice.Mode.REQUIRED, null), null, null).streamed();
        LlmRequest request = new LlmRequest(0, id, Requests.TENANT, "job-8", TaskType.CHAT,
                List.of(ChatMessage.user("What is the weather like in Paris?")), options, RequestHints.NONE, null, null,
                null, null);
        return new RoutedRequest(request, new RoutingDecision(Tier.CLOUD, List.of(new Target("openai", "gpt-4o-mini")),
                0.8, List.of(), "score 0.8: cloud", "hybrid", "test-1", null));
    }

    private StreamingTestRequests() {
    }
}
