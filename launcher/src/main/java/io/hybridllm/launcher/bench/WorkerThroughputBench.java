package io.hybridllm.launcher.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.launcher.system.LaunchOptions;
import io.hybridllm.launcher.system.Service;
import io.hybridllm.testkit.support.FreePorts;

/**
 * How close one local worker comes to its backend's limit: a backlog on {@code llm.tier.local-fast}, a simulated Ollama
 * answering after a fixed latency, and {@code slots} calls at a time, so at most slots / latency answers per second.
 */
public final class WorkerThroughputBench {

    public static void run(Path home, int requests, int slots, Duration latency, PrintStream out) throws Exception {
        LaunchOptions options = LaunchOptions.defaults(home).withSimulation(true, latency)
                .withPorts(0, Map.of(Service.WORKER_LOCAL, FreePorts.next()))
                .withEnvironment(Map.of("WORKER_MAX_CONCURRENCY", String.valueOf(slots)));
        BacklogBench.Backlog backlog = new BacklogBench.Backlog(Topics.TIER_LOCAL_FAST, i -> routed("bench-" + i),
                List.of(Topics.REPLIES));
        double rate = BacklogBench.run(options, backlog, requests, out);
        double limit = slots * 1000.0 / latency.toMillis();
        out.printf(Locale.ROOT,
                "(one local worker, %d slots, %d ms per answer: limit %.0f per second; reached %.0f%%)%n", slots,
                latency.toMillis(), limit, 100 * rate / limit);
    }

    private static String routed(String id) {
        LlmRequest request = new LlmRequest(0, id, "bench", null, TaskType.CHAT,
                List.of(ChatMessage.user("Name three prime numbers.")), GenerationOptions.DEFAULTS, RequestHints.NONE,
                null, null, null, null);
        RoutingDecision decision = new RoutingDecision(Tier.LOCAL_FAST,
                List.of(new Target("ollama", "llama3.2:1b", Tier.LOCAL_FAST)), 0.1, List.of(), "bench", "hybrid",
                "bench", null);
        return Json.write(new RoutedRequest(request, decision));
    }

    private WorkerThroughputBench() {
    }
}
