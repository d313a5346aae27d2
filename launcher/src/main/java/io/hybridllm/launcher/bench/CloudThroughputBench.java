package io.hybridllm.launcher.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * How many slow provider calls one cloud worker holds at once: a backlog on {@code llm.tier.cloud}, a simulated OpenAI
 * answering after a fixed latency, and {@code in-flight} slots. The worker runs with {@code -Xmx512m}, as every service
 * the launcher starts; its heap and busy slots are read from {@code /q/metrics} every 250 ms during the run.
 */
public final class CloudThroughputBench {

    private static final Pattern HEAP = Pattern
            .compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.E+]+)$");
    /** The old generation's share of the heap after the last collection: what the calls in flight really hold. */
    private static final Pattern LIVE = Pattern
            .compile("(?m)^jvm_memory_usage_after_gc[a-z_]*\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.E+-]+)$");
    private static final Pattern BUSY = Pattern
            .compile("(?m)^hybrid_worker_slots_busy\\{backend=\"openai\"[^}]*\\} ([0-9.E+]+)$");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void run(Path home, int requests, int inFlight, Duration latency, PrintStream out) throws Exception {
        int port = FreePorts.next();
        LaunchOptions options = LaunchOptions.defaults(home).withSimulation(true, latency)
                .withPorts(0, Map.of(Service.WORKER_CLOUD, port))
                .withEnvironment(Map.of("WORKER_MAX_CONCURRENCY", String.valueOf(inFlight)));
        BacklogBench.Backlog backlog = new BacklogBench.Backlog(Topics.TIER_CLOUD, i -> routed("bench-" + i),
                List.of(Topics.REPLIES));
        AtomicLong peakHeap = new AtomicLong();
        AtomicLong peakBusy = new AtomicLong();
        AtomicLong peakLive = new AtomicLong();
        Runnable sample = () -> sample("http://localhost:" + port + "/q/metrics", peakHeap, peakBusy, peakLive);
        double rate = BacklogBench.run(options, backlog, requests, out, sample);
        double limit = inFlight * 1000.0 / latency.toMillis();
        out.printf(Locale.ROOT,
                "(one cloud worker, -Xmx512m, %d slots, %d ms per answer: limit %.0f per second; reached %.0f%%)%n",
                inFlight, latency.toMillis(), limit, 100 * rate / limit);
        out.printf(Locale.ROOT,
                "peak calls in flight: %d; peak heap used: %.0f MiB, garbage included; after GC at most %.0f MiB%n",
                peakBusy.get(), peakHeap.get() / (1024.0 * 1024.0), peakLive.get() / 1e6 * 512);
    }

    /** One reading of the worker's metrics; a missed reading (busy or starting) is skipped. */
    private static void sample(String url, AtomicLong peakHeap, AtomicLong peakBusy, AtomicLong peakLive) {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            peakHeap.accumulateAndGet((long) sum(HEAP.matcher(metrics)), Math::max);
            peakBusy.accumulateAndGet((long) sum(BUSY.matcher(metrics)), Math::max);
            // A share of the 512 MiB maximum, kept in millionths.
            peakLive.accumulateAndGet((long) (sum(LIVE.matcher(metrics)) * 1e6), Math::max);
        } catch (java.io.IOException e) {
            // Skipped: the next reading follows.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double sum(Matcher values) {
        double sum = 0;
        while (values.find()) {
            sum += Double.parseDouble(values.group(1));
        }
        return sum;
    }

    private static String routed(String id) {
        LlmRequest request = new LlmRequest(0, id, "bench", null, TaskType.CHAT,
                List.of(ChatMessage.user("Name three prime numbers.")), GenerationOptions.DEFAULTS, RequestHints.NONE,
                null, null, null, null);
        RoutingDecision decision = new RoutingDecision(Tier.CLOUD, List.of(new Target("openai", "gpt-4o-mini")), 0.9,
                List.of(), "bench", "hybrid", "bench", null);
        return Json.write(new RoutedRequest(request, decision));
    }

    private CloudThroughputBench() {
    }
}
