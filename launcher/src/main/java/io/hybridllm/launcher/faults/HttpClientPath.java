package io.hybridllm.launcher.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.contracts.json.Json;

/**
 * A client on the HTTP path, as {@code docs/submitting.md} tells one to behave: submits with an {@code Idempotency-Key}
 * and sends again on 429, 503 or a broken connection (honouring {@code Retry-After}), then long-polls
 * ({@code ?wait=30s}) until the request is final. Each request runs on a virtual thread.
 */
final class HttpClientPath implements AutoCloseable {

    static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled", "expired");
    private static final Duration GIVE_UP = Duration.ofMinutes(60);

    // HTTP/1.1: see HttpLoad in the load package for why not the JDK client's default HTTP/2.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    // Enough long-polls at once for the rates this runs at, without opening a connection per request of a backlog.
    private final Semaphore inFlight = new Semaphore(2_000);
    private final String ingest;
    private final String tenant;
    private final Ledger ledger;

    HttpClientPath(String ingest, String tenant, Ledger ledger) {
        this.ingest = ingest;
        this.tenant = tenant;
        this.ledger = ledger;
    }

    void submit(String id, Prompts.Prompt prompt) {
        ledger.sending(id, Ledger.Path.HTTP);
        ObjectNode body = Json.mapper().createObjectNode().put("tenant", tenant).put("task_type",
                prompt.task().name().toLowerCase());
        body.putArray("messages").addObject().put("role", "user").put("content", prompt.text());
        threads.submit(() -> {
            inFlight.acquireUninterruptibly();
            try {
                String serverId = send(id, body.toString());
                if (serverId != null) {
                    ledger.accepted(id, serverId);
                    JsonNode view = poll(serverId, Instant.now().plus(GIVE_UP));
                    if (view != null) {
                        ledger.outcome(id, outcome(view));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.release();
            }
        });
    }

    /** Ingest's id once it answered 202; null, with the refusal as the request's outcome, if it never did. */
    private String send(String key, String body) throws InterruptedException {
        Instant deadline = Instant.now().plus(GIVE_UP);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(ingest + "/v1/requests")).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202 || response.statusCode() == 200) {
                    return Json.mapper().readTree(response.body()).path("id").asText();
                }
                if (response.statusCode() != 429 && response.statusCode() < 500) {
                    ledger.outcome(key, new Ledger.Outcome("refused", response.statusCode() + " " + response.body()));
                    return null;
                }
                Thread.sleep(retryAfter(response));
            } catch (IOException e) {
                Thread.sleep(1_000);
            }
        }
        ledger.outcome(key, new Ledger.Outcome("refused", "no 202 within " + GIVE_UP));
        return null;
    }

    private JsonNode poll(String serverId, Instant deadline) throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            JsonNode view = view(serverId, "?wait=30s");
            if (view != null && FINAL.contains(view.path("status").asText())) {
                return view;
            }
            if (view == null) {
                Thread.sleep(1_000);
            }
        }
        return null;
    }

    /** The request as ingest shows it now, or null while ingest cannot answer. */
    JsonNode view(String serverId, String query) throws InterruptedException {
        try {
            HttpResponse<String> response = http
                    .send(HttpRequest.newBuilder(URI.create(ingest + "/v1/requests/" + serverId + query))
                            .timeout(Duration.ofSeconds(45)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Json.mapper().readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    static Ledger.Outcome outcome(JsonNode view) {
        JsonNode code = view.path("error").path("code");
        return new Ledger.Outcome(view.path("status").asText(), code.isMissingNode() ? null : code.asText());
    }

    private static long retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Math.min(10, Long.parseLong(value.strip())) * 1_000;
            } catch (NumberFormatException e) {
                return 1_000L;
            }
        }).orElse(1_000L);
    }

    /** Stops the clients still waiting (the run has drained by now: what is still open is counted as lost). */
    @Override
    public void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(1, TimeUnit.MINUTES);
    }
}
