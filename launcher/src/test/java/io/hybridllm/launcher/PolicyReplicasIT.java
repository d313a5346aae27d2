package io.hybridllm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.json.Json;
import io.hybridllm.launcher.system.LaunchOptions;
import io.hybridllm.launcher.system.LocalSystem;
import io.hybridllm.launcher.system.Service;
import io.hybridllm.testkit.support.FreePorts;

/** Two router processes: a policy put on one is applied by both, to the same version, within a second. */
class PolicyReplicasIT {

    private static final String TOKEN = "replicas-test-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalSystem system;
    private static String first;
    private static String second;

    @BeforeAll
    static void start() throws InterruptedException {
        Path home = Path.of(System.getProperty("hybrid.home", "..")).toAbsolutePath().normalize();
        system = new LocalSystem(LaunchOptions.defaults(home).withPorts(0, Map.of(Service.ROUTER, FreePorts.next()))
                .withEnvironment(Map.of("HYBRID_ADMIN_TOKEN", TOKEN)));
        system.start(System.out);
        first = system.url(Service.ROUTER);
        second = system.startReplica(Service.ROUTER, FreePorts.next(), "router-service-2");
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    private static String version(String router) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(router + "/v1/policy")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return Json.mapper().readTree(body).path("version").asText();
    }

    @Test
    void bothReplicasApplyThePublishedVersion() throws Exception {
        assertThat(version(first)).isEqualTo(version(second));
        HttpResponse<String> put = HTTP.send(
                HttpRequest.newBuilder(URI.create(first + "/v1/policy")).header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/toml")
                        .PUT(HttpRequest.BodyPublishers
                                .ofString("version = \"replicated-1\"\n[ai]\nmode = \"ollama-heavy\"\n"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            assertThat(version(first)).isEqualTo("replicated-1");
            assertThat(version(second)).isEqualTo("replicated-1");
        });
    }
}
