package io.hybridllm.launcher.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.hybridllm.launcher.system.LocalSystem;

/**
 * Malformed bodies to every HTTP endpoint while the run goes on: invalid JSON, an unknown schema version, an oversized
 * body and fields of the wrong type. Every answer must be a 4xx within 30 s (a loaded machine answers slowly), or a 503
 * with {@code Retry-After} when the service needs a dependency the run is restarting (PostgreSQL, the broker) before it
 * can tell; any other 5xx, or no answer, is a failure.
 */
final class MalformedHttp {

    static final List<String> BODIES = List.of("{\"messages\":[{\"role\":",
            "{\"schema_version\":99,\"tenant\":\"faults\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(1_200_000) + "\"}]}",
            "{\"messages\":42,\"task_type\":7,\"tenant\":[],\"amount_usd\":\"many\",\"model\":{}}");

    /**
     * How many requests were sent, how many were told to retry later (a dependency restarting), and each one answered
     * with another 5xx or not at all.
     */
    record Result(int sent, int retryLater, List<String> failures) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MalformedHttp() {
    }

    /** Sends every body to every endpoint. */
    static Result send(LocalSystem system) throws InterruptedException {
        int sent = 0;
        int retryLater = 0;
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (HttpEndpoints.Endpoint endpoint : HttpEndpoints.ALL) {
            String url = system.url(endpoint.service()) + endpoint.path().replace("{x}", "malformed");
            for (String body : BODIES) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").header("X-Hybrid-Timeout", "5s")
                        .method(endpoint.method(), endpoint.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body))
                        .build();
                sent++;
                long sentAt = System.nanoTime();
                try {
                    HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
                    int status = response.statusCode();
                    // A well-formed chat completion not answered within X-Hybrid-Timeout is a documented 504 naming
                    // the request, which goes on: the body was not malformed after all.
                    boolean pending = status == 504 && response.headers().firstValue("X-Hybrid-Request-Id").isPresent();
                    boolean comeBack = status == 503 && response.headers().firstValue("Retry-After").isPresent();
                    if (comeBack) {
                        retryLater++;
                    } else if (status >= 500 && !pending) {
                        failures.add(endpoint.method() + " " + endpoint.path() + " [" + abbreviate(body) + "] -> "
                                + status + when(start, sentAt));
                    }
                } catch (IOException e) {
                    failures.add(endpoint.method() + " " + endpoint.path() + " [" + abbreviate(body) + "] -> " + e
                            + when(start, sentAt));
                }
            }
        }
        return new Result(sent, retryLater, failures);
    }

    /** When the request was sent, from the first of them, and how long its answer took: to match with the logs. */
    private static String when(long start, long sentAt) {
        long now = System.nanoTime();
        return String.format(" (sent %.1f s after the first malformed request, %,d ms until this outcome)",
                (sentAt - start) / 1e9, (now - sentAt) / 1_000_000);
    }

    private static String abbreviate(String body) {
        return body.length() > 60 ? body.substring(0, 60) + "... (" + body.length() + " chars)" : body;
    }
}
