package io.hybridllm.launcher.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.hybridllm.contracts.RequestOutcome;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.http.Submission;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.launcher.system.LaunchOptions;
import io.hybridllm.launcher.system.LocalSystem;
import io.hybridllm.launcher.system.Service;
import io.hybridllm.policy.PolicyException;
import io.hybridllm.policy.PolicyLoader;
import io.hybridllm.testkit.support.FreePorts;

/**
 * One router alone on an embedded broker, with the evaluation's policy: it is taught through {@code llm.outcomes}, as a
 * worker would teach it, and asked through {@code POST /v1/route/explain}, as an operator would ask it.
 */
final class EvaluatedRouter implements AutoCloseable {

    /** The router's gauge of learnable outcomes held, all tenants (Prometheus name). */
    static final String GAUGE = "hybrid_router_learning_outcomes";

    private static final Pattern GAUGE_LINE = Pattern.compile("(?m)^" + GAUGE + "(?:\\{[^}]*})? ([0-9.eE+-]+)$");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalSystem system;
    private final String adminToken = UUID.randomUUID().toString();
    private final String url;

    /**
     * Writes {@code policy} (TOML) to {@code state} and loads it as the router will (the layered lookup from the
     * checkout, with this file last); refuses it, naming the key, before anything starts. Returns the file.
     */
    static Path writePolicy(Path home, Path state, String policy) {
        Path policyFile = state.resolve("eval-policy.toml");
        try {
            Files.createDirectories(state);
            Files.writeString(policyFile, policy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + policyFile, e);
        }
        try {
            PolicyLoader.load(PolicyLoader.lookup(Map.of(PolicyLoader.ENV, policyFile.toString()), home,
                    Path.of(System.getProperty("user.home"))));
        } catch (PolicyException e) {
            throw new IllegalArgumentException("the router would refuse its policy: " + e.getMessage(), e);
        }
        return policyFile;
    }

    /** Starts the router with the policy of {@link #writePolicy}; its state and logs go to {@code state}. */
    EvaluatedRouter(Path home, Path state, Path policyFile, PrintStream out) throws InterruptedException {
        int port = FreePorts.next();
        LaunchOptions options = LaunchOptions.defaults(home).withState(state).withPorts(0, Map.of(Service.ROUTER, port))
                .withEnvironment(Map.of("HYBRID_CONFIG", policyFile.toString(), "HYBRID_ADMIN_TOKEN", adminToken));
        system = new LocalSystem(options).stopOnExit();
        out.println("Only a router runs (no workers): what the start says of the providers does not matter here.");
        system.start(out);
        url = system.url(Service.ROUTER);
    }

    /**
     * Publishes the outcomes on {@code llm.outcomes}, keyed by request id as the workers do, and waits for the acks.
     */
    void publish(List<RequestOutcome> outcomes) {
        Properties props = new Properties();
        props.putAll(system.kafkaAdminClient());
        props.put("acks", "all");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<Future<?>> sends = new ArrayList<>();
            for (RequestOutcome outcome : outcomes) {
                sends.add(
                        producer.send(new ProducerRecord<>(Topics.OUTCOMES, outcome.requestId(), Json.write(outcome))));
            }
            for (Future<?> send : sends) {
                send.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the outcomes on " + Topics.OUTCOMES + ": " + e, e);
        }
    }

    /** Waits until the router's gauge holds at least {@code count} learnable outcomes, or fails saying what it saw. */
    void awaitLearned(int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        OptionalDouble held = OptionalDouble.empty();
        while (Instant.now().isBefore(deadline)) {
            held = gauge();
            if (held.isPresent() && held.getAsDouble() >= count) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(held.isEmpty()
                ? "the router at " + url + " reports no " + GAUGE + " at /q/metrics: does it have the learned scorer?"
                : "the router held " + (long) held.getAsDouble() + " of the " + count + " outcomes published after "
                        + timeout.toSeconds() + " s (" + GAUGE + "); its log is in " + system.options().logDir());
    }

    private OptionalDouble gauge() throws InterruptedException {
        try {
            String metrics = HTTP
                    .send(HttpRequest.newBuilder(URI.create(url + "/q/metrics")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher matcher = GAUGE_LINE.matcher(metrics);
            return matcher.find() ? OptionalDouble.of(Double.parseDouble(matcher.group(1))) : OptionalDouble.empty();
        } catch (IOException e) {
            return OptionalDouble.empty();
        }
    }

    /** The decision the router would make for {@code submission} as {@code tenant}. */
    RoutingDecision explain(Submission submission, String tenant) throws InterruptedException {
        HttpRequest request = HttpRequest
                .newBuilder(URI
                        .create(url + "/v1/route/explain?tenant=" + URLEncoder.encode(tenant, StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + adminToken)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(Json.write(submission)))
                .build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the router at " + url + " did not answer explain: " + e, e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "the router's explain answered " + response.statusCode() + ": " + response.body());
        }
        return Json.read(response.body(), RoutingDecision.class);
    }

    @Override
    public void close() {
        system.close();
    }
}
