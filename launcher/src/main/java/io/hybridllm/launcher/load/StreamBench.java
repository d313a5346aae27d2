package io.hybridllm.launcher.load;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.json.Json;
import io.hybridllm.launcher.faults.FaultSuite;
import io.hybridllm.launcher.system.LaunchOptions;
import io.hybridllm.launcher.system.LocalSystem;
import io.hybridllm.launcher.system.Service;
import io.hybridllm.testkit.simulators.OpenAiSimulator;

/**
 * {@code hybrid bench stream}: time to first chunk and the gap between chunks of a streamed chat completion, end to end
 * (client → ingest → Kafka → router → cloud worker → simulated OpenAI, and the pieces back through llm.stream and
 * ingest's server-sent events), against the same simulator streamed directly. Requests alternate, one through the
 * system, then one straight to the simulator (A B A B ...), one at a time, so both see the same machine. A chunk is an
 * event that carries answer text; times are taken as each line is read by the client.
 */
public final class StreamBench {

    private static final String TARGET = "gpt-4o-mini";

    /** One streamed answer as the client saw it: ms to its first and last text chunks, the ms between them. */
    private record Sample(double firstMs, double lastMs, List<Double> gapsMs) {
    }

    // HTTP/1.1 for both, so that the transport is the same on both sides.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public static void run(Path home, int requests, Duration modelLatency, Duration frameGap, PrintStream out)
            throws Exception {
        LaunchOptions options = LaunchOptions.defaults(home).withSimulation(true, modelLatency)
                .withPorts(0, FaultSuite.freePorts())
                .withEnvironment(Map.of("HYBRID_INGEST_LIMITS_REQUESTS_PER_MINUTE", "100000000"));
        try (LocalSystem system = new LocalSystem(options).stopOnExit()) {
            system.start(out);
            OpenAiSimulator simulator = system.openai();
            if (simulator == null) {
                throw new IllegalStateException("the simulated system has no openai simulator to stream from");
            }
            simulator.setFrameDelay(frameGap);
            StreamBench bench = new StreamBench();
            URI gateway = URI.create(system.url(Service.INGEST) + "/v1/chat/completions");
            URI direct = URI.create(simulator.baseUrl() + "/v1/chat/completions");
            String key = system.cloudWorkerVariable("OPENAI_API_KEY");
            int warmUp = Math.max(10, requests / 5);
            out.println("Warming up with " + warmUp + " pairs, then " + requests + " pairs (A B A B) ...");
            List<Sample> system_ = new ArrayList<>();
            List<Sample> simulated = new ArrayList<>();
            for (int i = 0; i < warmUp + requests; i++) {
                Sample a = bench.stream(gateway, "openai/" + TARGET, null, i);
                Sample b = bench.stream(direct, TARGET, key, i);
                if (i >= warmUp) {
                    system_.add(a);
                    simulated.add(b);
                }
            }
            out.println(report(requests, modelLatency, frameGap, system_, simulated));
        }
    }

    /** One streamed request; the model is the gateway's {@code provider/model} or the simulator's own name. */
    private Sample stream(URI uri, String model, String key, int i) throws Exception {
        String body = "{\"model\":\"" + model + "\",\"stream\":true,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Explain streaming in one short sentence (" + i + ").\"}]}";
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        long start = System.nanoTime();
        HttpResponse<java.util.stream.Stream<String>> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered HTTP " + response.statusCode());
        }
        List<Long> chunks = new ArrayList<>();
        try (java.util.stream.Stream<String> lines = response.body()) {
            Iterator<String> read = lines.iterator();
            while (read.hasNext()) {
                String line = read.next();
                long at = System.nanoTime();
                String data = line.startsWith("data:") ? line.substring(5).strip() : "";
                if (data.startsWith("{")) {
                    JsonNode event = Json.mapper().readTree(data);
                    if (event.has("error")) {
                        throw new IllegalStateException(uri + " ended with " + event.get("error"));
                    }
                    if (!event.path("choices").path(0).path("delta").path("content").asText("").isEmpty()) {
                        chunks.add(at);
                    }
                }
            }
        }
        if (chunks.isEmpty()) {
            throw new IllegalStateException(uri + " streamed no text");
        }
        List<Double> gaps = new ArrayList<>();
        for (int c = 1; c < chunks.size(); c++) {
            gaps.add((chunks.get(c) - chunks.get(c - 1)) / 1e6);
        }
        return new Sample((chunks.getFirst() - start) / 1e6, (chunks.getLast() - start) / 1e6, gaps);
    }

    private static String report(int requests, Duration modelLatency, Duration frameGap, List<Sample> a,
            List<Sample> b) {
        double[] firstA = a.stream().mapToDouble(Sample::firstMs).toArray();
        double[] firstB = b.stream().mapToDouble(Sample::firstMs).toArray();
        double[] gapA = a.stream().flatMap(s -> s.gapsMs().stream()).mapToDouble(Double::doubleValue).toArray();
        double[] gapB = b.stream().flatMap(s -> s.gapsMs().stream()).mapToDouble(Double::doubleValue).toArray();
        double chunks = a.stream().mapToInt(s -> s.gapsMs().size() + 1).average().orElse(0);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%n%d pairs, simulated OpenAI: %d ms to its first byte, %d ms between frames; %.1f text chunks per "
                        + "answer; %d cores, JDK %s%n%n"
                        + "| measure | A: through the system, median | p90 | B: simulator directly, median | p90 |"
                        + " A/B (medians) | A-B (medians) |%n| --- | --- | --- | --- | --- | --- | --- |%n",
                requests, modelLatency.toMillis(), frameGap.toMillis(), chunks,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        out.append(row("time to first chunk (request sent → first text chunk read)", firstA, firstB));
        out.append(row("gap between text chunks", gapA, gapB));
        out.append(row("time to last text chunk", a.stream().mapToDouble(Sample::lastMs).toArray(),
                b.stream().mapToDouble(Sample::lastMs).toArray()));
        return out.toString();
    }

    private static String row(String name, double[] a, double[] b) {
        double medianA = percentile(a, 50);
        double medianB = percentile(b, 50);
        return String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.2f | %+.1f ms |%n", name,
                medianA, percentile(a, 90), medianB, percentile(b, 90), medianA / medianB, medianA - medianB);
    }

    private static double percentile(double[] values, int p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private StreamBench() {
    }
}
