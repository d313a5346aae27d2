package io.hybridllm.launcher.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.launcher.system.LaunchOptions;
import io.hybridllm.launcher.system.Service;
import io.hybridllm.testkit.support.FreePorts;

/** How many requests one router instance routes per second from a backlog on {@code llm.requests}. */
public final class RouterThroughputBench {

    private static final List<String> PROMPTS = List.of("What is 2+2?",
            "Summarise this release note: fixed a crash when the cache was empty.",
            "Refactor this method for readability and explain the trade-offs step by step: "
                    + "```java\nint f(int a,int b){return a>b?a-b:b-a;}\n```");

    public static void run(Path home, int requests, PrintStream out) throws Exception {
        LaunchOptions options = LaunchOptions.defaults(home).withPorts(0, Map.of(Service.ROUTER, FreePorts.next()));
        BacklogBench.Backlog backlog = new BacklogBench.Backlog(Topics.REQUESTS,
                i -> Json.write(new LlmRequest(0, "bench-" + i, "bench", null, TaskType.BUILT_IN.get(i % 4),
                        List.of(ChatMessage.user(PROMPTS.get(i % PROMPTS.size()))), null, null, null, null, null,
                        null)),
                Arrays.stream(Tier.values()).map(Tier::topic).toList());
        BacklogBench.run(options, backlog, requests, out);
        out.println("(one router)");
    }

    private RouterThroughputBench() {
    }
}
