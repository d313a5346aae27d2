package io.hybridllm.launcher.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.json.Json;
import io.hybridllm.launcher.SimulatedSystem;
import io.hybridllm.launcher.system.LocalSystem;
import io.hybridllm.launcher.system.Service;

/**
 * The metric catalogue against the real thing: the system runs as {@code ./hybrid up --simulate} does, answers one
 * local and one cloud request (counters appear on first use), and every metric the catalogue gives a service must be on
 * that service's /q/metrics. With ObservabilityTest, this ties every dashboard query and alert rule to a metric the
 * services really export, or to one marked pending.
 */
class MetricsExportIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalSystem system;

    @BeforeAll
    static void start() throws InterruptedException {
        system = SimulatedSystem.get();
    }

    @Test
    void everyServiceExportsTheMetricsTheCatalogueGivesIt() throws Exception {
        answer("{\"tenant\":\"metrics\",\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"}]}");
        String hard = ("Analyze the architecture and refactor this code: fix the race condition under concurrency, "
                + "optimize performance, keep security, and explain the trade-offs step by step. "
                + "```java\\nclass Cache { Map<String,String> m = new HashMap<>(); }\\n``` ").repeat(8);
        answer("{\"tenant\":\"metrics\",\"task_type\":\"refactor\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + hard + "\"}]}");

        Set<String> modules = Arrays.stream(Service.values()).map(Service::module).collect(Collectors.toSet());
        Map<String, Set<String>> expected = MetricCatalogue.load().byService(modules);
        assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(modules);
        for (Service service : Service.values()) {
            // Usage reaches cost-service asynchronously: wait until its counters are there too.
            await().atMost(WAIT).untilAsserted(() -> assertThat(exported(service)).as(service.module())
                    .containsAll(expected.get(service.module())));
        }
    }

    private static void answer(String body) throws Exception {
        HttpResponse<String> submitted = HTTP.send(HttpRequest
                .newBuilder(URI.create(system.url(Service.INGEST) + "/v1/requests"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = Json.mapper().readTree(submitted.body()).path("id").asText();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> Json.mapper()
                .readTree(get(system.url(Service.INGEST) + "/v1/requests/" + id)).path("status").asText(),
                status -> status.equals("succeeded"));
    }

    /** The metric names in a Prometheus text exposition: each sample's name, before its labels or value. */
    private static Set<String> exported(Service service) throws Exception {
        return get(system.url(service) + "/q/metrics").lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
    }

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
