package io.hybridllm.testkit.simulators;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.hybridllm.contracts.json.Json;

/**
 * An HTTP server that answers like an LLM provider, for tests and {@code hybrid up --simulate}: a configurable latency
 * per answer, faults queued for the next calls, and a count of the calls served. Each request runs on a virtual thread,
 * so thousands of slow answers can be in flight.
 */
public abstract class ProviderSimulator implements AutoCloseable {

    /** A failure to answer the next call with, in the provider's own error format. */
    public record Fault(int status, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final AtomicLong calls = new AtomicLong();
    private volatile Duration latency;

    protected ProviderSimulator(int port, Duration latency) {
        this.latency = latency;
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", port), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("simulator cannot listen on port " + port, e);
        }
        server.setExecutor(executor);
    }

    /** Subclasses register their endpoints, then call this. */
    protected final void start() {
        server.start();
    }

    protected final void route(String path, Endpoint endpoint) {
        server.createContext(path, exchange -> serve(exchange, endpoint));
    }

    /** One endpoint: takes the parsed request body (null for GET) and returns the JSON answer. */
    @FunctionalInterface
    protected interface Endpoint {
        Response answer(HttpExchange exchange, JsonNode body) throws Exception;
    }

    protected record Response(int status, Map<String, String> headers, JsonNode body) {
        static Response ok(JsonNode body) {
            return new Response(200, Map.of(), body);
        }
    }

    /** The provider's error body for an HTTP status, as its documentation shows it. */
    protected abstract JsonNode errorBody(int status, String message);

    public String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void setLatency(Duration latency) {
        this.latency = latency;
    }

    /** The next {@code times} calls fail with {@code status} (e.g. 429 with a Retry-After header, 500, 503). */
    public void failNext(int times, int status, Map<String, String> headers) {
        for (int i = 0; i < times; i++) {
            faults.add(new Fault(status, headers));
        }
    }

    /** Calls to answering endpoints served so far. */
    public long calls() {
        return calls.get();
    }

    protected static ObjectNode object() {
        return Json.mapper().createObjectNode();
    }

    /** A rough token count, about four characters a token as tokenizers average on English text. */
    protected static int tokens(String text) {
        return Math.max(1, (text.length() + 3) / 4);
    }

    protected static String answerFor(String model, String prompt) {
        String gist = prompt.strip().replaceAll("\\s+", " ");
        return "[simulated " + model + "] You asked: " + (gist.length() > 80 ? gist.substring(0, 80) + "..." : gist);
    }

    protected final Response answering(Response response) throws InterruptedException {
        calls.incrementAndGet();
        Fault fault = faults.poll();
        if (fault != null) {
            return new Response(fault.status(), fault.headers(), errorBody(fault.status(), "simulated fault"));
        }
        if (!latency.isZero()) {
            Thread.sleep(latency);
        }
        return response;
    }

    private void serve(HttpExchange exchange, Endpoint endpoint) {
        Response response;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] raw = in.readAllBytes();
            JsonNode body = raw.length == 0 ? null : Json.mapper().readTree(raw);
            response = endpoint.answer(exchange, body);
        } catch (IOException e) {
            response = new Response(400, Map.of(), errorBody(400, "invalid JSON body: " + e.getMessage()));
        } catch (Exception e) {
            response = new Response(500, Map.of(), errorBody(500, e.toString()));
        }
        try (OutputStream out = exchange.getResponseBody()) {
            byte[] bytes = Json.mapper().writeValueAsBytes(response.body()).clone();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(response.status(), bytes.length);
            out.write(bytes);
        } catch (IOException e) {
            // The client went away; nothing to answer.
        }
    }

    protected static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
