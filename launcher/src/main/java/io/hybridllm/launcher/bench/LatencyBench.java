package io.hybridllm.launcher.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.json.Json;
import io.hybridllm.launcher.system.LaunchOptions;
import io.hybridllm.launcher.system.LocalSystem;
import io.hybridllm.launcher.system.Service;
import io.hybridllm.testkit.support.FreePorts;

/**
 * End-to-end latency of sequential requests through the whole system with a zero-latency simulated model: HTTP submit,
 * then polling every millisecond until the request is final. Reports what a client sees (submit to visible result) and
 * what the system recorded (accepted to answered), as median, p90, p99 and max.
 */
public final class LatencyBench {

    private static final int WARM_UP = 200;
    private static final String BODY = "{\"tenant\":\"bench\",\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"}]}";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String ingest;

    private LatencyBench(String ingest) {
        this.ingest = ingest;
    }

    public static void run(Path home, int requests, PrintStream out) throws Exception {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, FreePorts.next());
        }
        LaunchOptions options = LaunchOptions.defaults(home).withSimulation(true, Duration.ZERO).withPorts(0, ports);
        try (LocalSystem system = new LocalSystem(options).stopOnExit()) {
            system.start(out);
            LatencyBench bench = new LatencyBench(system.url(Service.INGEST));
            out.println("Warming up with " + WARM_UP + " requests ...");
            for (int i = 0; i < WARM_UP; i++) {
                bench.one();
            }
            out.println("Measuring " + requests + " sequential requests ...");
            long[] client = new long[requests];
            long[] system_ = new long[requests];
            for (int i = 0; i < requests; i++) {
                long[] sample = bench.one();
                client[i] = sample[0];
                system_[i] = sample[1];
            }
            out.println();
            out.println("| measure (" + requests
                    + " sequential requests, zero-latency model) | median | p90 | p99 | max |");
            out.println("| --- | --- | --- | --- | --- |");
            out.println(row("client: submit to result visible (poll every 1 ms)", client));
            out.println(row("system: accepted to answered (reply completed_at - submitted_at)", system_));
            out.println();
            out.println("JDK " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                    + " cores");
        }
    }

    /** One request: {client microseconds, system microseconds}. */
    private long[] one() throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(ingest + "/v1/requests"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("submit answered " + accepted.statusCode() + ": " + accepted.body());
        }
        String id = Json.mapper().readTree(accepted.body()).path("id").asText();
        HttpRequest poll = HttpRequest.newBuilder(URI.create(ingest + "/v1/requests/" + id)).build();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            JsonNode view = Json.mapper().readTree(http.send(poll, HttpResponse.BodyHandlers.ofString()).body());
            String status = view.path("status").asText();
            if (status.equals("succeeded")) {
                long client = (System.nanoTime() - start) / 1_000;
                Duration inSystem = Duration.between(Instant.parse(view.path("submitted_at").asText()),
                        Instant.parse(view.path("completed_at").asText()));
                return new long[] { client, inSystem.toNanos() / 1_000 };
            }
            if (status.equals("failed")) {
                throw new IllegalStateException("request " + id + " failed: " + view);
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("request " + id + " was not answered within 30 s");
    }

    private static String row(String name, long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms |", name,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                sorted[sorted.length - 1] / 1000.0);
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
