package io.hybridllm.launcher.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;

/**
 * A fixed number of clients, each posting the same chat completion again as soon as the last one was answered (a closed
 * loop, as the comparison with a peer gateway ran): requests per second and latency p50/p90/p99.
 */
final class ClosedLoop {

    /** One target: where to post, and the headers it needs (a gateway's provider headers, a key). */
    record Target(String name, String url, Map<String, String> headers) {
    }

    /** What one run of one target measured; latencies in nanoseconds. */
    record Result(String target, int answered, Map<String, Integer> failures, Histogram latency, double seconds) {

        double perSecond() {
            return answered / seconds;
        }

        double ms(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1e6;
        }

        String row(String run) {
            return String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %.0f | %.1f | %.1f | %.1f |", target, run,
                    answered, failures.values().stream().mapToInt(Integer::intValue).sum(), perSecond(), ms(50), ms(90),
                    ms(99));
        }
    }

    static final String BODY = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"What is 2+2?\"}]}";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final int clients;

    ClosedLoop(int clients) {
        this.clients = clients;
    }

    Result run(Target target, Duration length) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url()))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(BODY));
        target.headers().forEach(request::header);
        HttpRequest post = request.build();
        Histogram latency = LoadPath.Step.histogram();
        AtomicInteger answered = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int client = 0; client < clients; client++) {
                threads.submit(() -> {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        String failure = post(post);
                        if (failure != null) {
                            failures.merge(failure, 1, Integer::sum);
                            continue;
                        }
                        answered.incrementAndGet();
                        synchronized (latency) {
                            latency.recordValue(System.nanoTime() - sent);
                        }
                    }
                });
            }
        }
        return new Result(target.name(), answered.get(), Map.copyOf(failures), latency,
                (System.nanoTime() - start) / 1e9);
    }

    /** Null when answered with 200; otherwise why not. */
    private String post(HttpRequest post) {
        try {
            HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return "HTTP " + answer.statusCode();
            }
            return answer.body().contains("\"choices\"") ? null : "200 without choices";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    static List<String> header() {
        return List.of("| target | run | answered | failed | requests/s | p50 ms | p90 ms | p99 ms |",
                "| --- | --- | --- | --- | --- | --- | --- | --- |");
    }
}
