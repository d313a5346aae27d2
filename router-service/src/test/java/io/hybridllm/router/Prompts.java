package io.hybridllm.router;

import java.util.List;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.TaskType;

/** Requests of known difficulty for the router's tests. */
public final class Prompts {

    public static final String SIMPLE = "What is 2+2?";

    public static final String COMPLEX = """
            Analyze the architecture of this service and refactor it: there is a race condition under concurrency,
            and we need to optimize performance without breaking security. Explain the trade-offs step by step.
            ```java
            public class Cache {
                private final Map<String, String> map = new HashMap<>();
                public String get(String key) { return map.computeIfAbsent(key, this::load); }
            }
            ```
            """.repeat(6);

    public static LlmRequest request(String id, TaskType taskType, String prompt, RequestHints hints) {
        return new LlmRequest(0, id, "acme", null, taskType, List.of(ChatMessage.user(prompt)), null, hints, null, null,
                null, null);
    }

    private Prompts() {
    }
}
