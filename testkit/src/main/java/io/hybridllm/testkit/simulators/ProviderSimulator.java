package io.hybridllm.testkit.simulators;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.hybridllm.contracts.json.Json;

/**
 * An HTTP server that answers like an LLM provider, for tests and {@code hybrid up --simulate}: a configurable latency
 * per answer, answers queued for the next calls (faults), the requests it received, and a count of the calls served.
 * Each request runs on a virtual thread, so thousands of slow answers can be in flight.
 */
public abstract class ProviderSimulator implements AutoCloseable {

    /** A request as the simulator received it; header names in lower case, the body null unless it was JSON. */
    public record Received(String method, String path, String query, Map<String, String> headers, JsonNode body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final int KEPT_REQUESTS = 64;
    private static final int[] SERVER_ERRORS = { 500, 502, 503 };

    static {
        // The JDK server keeps 200 idle connections and closes any beyond after its answer; a client that reuses one
        // of those loses its POST. A provider keeps thousands open, and so must a simulator standing in for one.
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "20000");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Queue<Response> scripted = new ConcurrentLinkedQueue<>();
    private final Deque<Received> received = new ConcurrentLinkedDeque<>();
    private final CallLog calls = new CallLog();
    private volatile Duration latency;
    private volatile Duration frameDelay = Duration.ZERO;
    private volatile FaultRates faults = FaultRates.NONE;
    private volatile RandomGenerator faultDraws = RandomGeneratorFactory.of("L64X128MixRandom").create(0);
    private volatile Consumer<Received> observer = received -> {
    };

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

    protected record Response(int status, Map<String, String> headers, JsonNode body, Frames frames) {

        protected Response(int status, Map<String, String> headers, JsonNode body) {
            this(status, headers, body, null);
        }

        protected static Response ok(JsonNode body) {
            return new Response(200, Map.of(), body);
        }
    }

    /**
     * A streamed answer: its content type and its frames, each written and flushed on its own (an SSE event with its
     * blank line, or an NDJSON line), {@link #setFrameDelay} apart.
     */
    protected record Frames(String contentType, List<String> frames) {

        /** Server-sent events, one {@code data:} line each, named when {@code names} is not null. */
        static Frames sse(List<String> names, List<JsonNode> events) {
            List<String> frames = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                String name = names == null ? "" : "event: " + names.get(i) + "\n";
                frames.add(name + "data: " + Json.write(events.get(i)) + "\n\n");
            }
            return new Frames("text/event-stream", frames);
        }
    }

    /** A streamed answer's text in pieces, as a model writes it: a word at a time, each with its leading space. */
    protected static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ' ') {
                pieces.add(text.substring(start, i));
                start = i;
            }
        }
        return pieces;
    }

    /** How long a streamed answer waits between its frames; none by default. */
    public void setFrameDelay(Duration delay) {
        this.frameDelay = delay;
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
            scripted.add(new Response(status, headers, errorBody(status, "simulated fault")));
        }
    }

    /**
     * From now on, each answering call draws a fault at these rates (seeded, so that a run can be repeated); a queued
     * answer ({@link #failNext}) still goes first.
     */
    public void setFaults(FaultRates rates, long seed) {
        faultDraws = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        faults = rates;
    }

    /** Sees every request received, on any endpoint, e.g. to count the calls made for each request. */
    public void observe(Consumer<Received> observer) {
        this.observer = observer;
    }

    /** The next call is answered with {@code response} instead of an answer. */
    protected final void answerNextWith(Response response) {
        scripted.add(response);
    }

    /** The last request received, on any endpoint. */
    public Received lastRequest() {
        Received last = received.peekLast();
        if (last == null) {
            throw new IllegalStateException("the simulator has received no request");
        }
        return last;
    }

    /** Calls to answering endpoints served so far. */
    public long calls() {
        return calls.calls();
    }

    /** When the answering calls arrived (the latest 100,000), oldest first: what a rate limit is checked against. */
    public List<Instant> callTimes() {
        return calls.times();
    }

    /** The most answering calls this simulator has held at once. */
    public int peakInFlight() {
        return calls.peak();
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
        calls.arrived();
        Response next = scripted.poll();
        if (next != null) {
            return next;
        }
        Response fault = drawFault();
        if (fault != null) {
            return fault;
        }
        calls.answering();
        try {
            if (!latency.isZero()) {
                Thread.sleep(latency);
            }
        } finally {
            calls.answered();
        }
        return response;
    }

    /** A fault at the configured rates, after its delay, or null to answer (a slow answer has waited already). */
    private Response drawFault() throws InterruptedException {
        FaultRates rates = faults;
        if (rates == FaultRates.NONE) {
            return null;
        }
        double draw;
        int status;
        synchronized (this) {
            draw = faultDraws.nextDouble();
            status = SERVER_ERRORS[faultDraws.nextInt(SERVER_ERRORS.length)];
        }
        if ((draw -= rates.serverErrors()) < 0) {
            return new Response(status, Map.of(), errorBody(status, "simulated server error"));
        }
        if ((draw -= rates.rateLimited()) < 0) {
            return new Response(429, Map.of("Retry-After", String.valueOf(rates.retryAfter().toSeconds())),
                    errorBody(429, "simulated rate limit"));
        }
        if ((draw -= rates.timeouts()) < 0) {
            Thread.sleep(rates.hang());
            return new Response(504, Map.of(), errorBody(504, "simulated timeout"));
        }
        if (draw - rates.slow() < 0) {
            Thread.sleep(rates.slowBy());
        }
        return null;
    }

    private void serve(HttpExchange exchange, Endpoint endpoint) {
        Response response;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] raw = in.readAllBytes();
            JsonNode body = raw.length == 0 ? null : Json.mapper().readTree(raw);
            remember(exchange, body);
            response = endpoint.answer(exchange, body);
        } catch (IOException e) {
            response = new Response(400, Map.of(), errorBody(400, "invalid JSON body: " + e.getMessage()));
        } catch (Exception e) {
            response = new Response(500, Map.of(), errorBody(500, e.toString()));
        }
        if (response.frames() != null && response.status() == 200) {
            stream(exchange, response);
            return;
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

    private void remember(HttpExchange exchange, JsonNode body) {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                values.isEmpty() ? "" : values.getFirst()));
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(headers), body);
        observer.accept(request);
        received.add(request);
        while (received.size() > KEPT_REQUESTS) {
            received.pollFirst();
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

    private void stream(HttpExchange exchange, Response response) {
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().set("Content-Type", response.frames().contentType());
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(200, 0);
            for (String frame : response.frames().frames()) {
                out.write(frame.getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (!frameDelay.isZero()) {
                    Thread.sleep(frameDelay);
                }
            }
        } catch (IOException e) {
            // The client went away; nothing more to send.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
