package io.hybridllm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.json.Json;
import io.hybridllm.launcher.system.LocalSystem;
import io.hybridllm.launcher.system.Service;

/**
 * The system as {@code ./hybrid up --simulate} runs it starts a service again by itself when its process dies: here a
 * SIGKILL from outside the launcher, as the OOM killer would send it. The test ends once the new worker answers a
 * request again, which leaves the shared system as it found it (the killed member's partitions are only handed over
 * once the broker gives up on it, after the consumer session timeout).
 */
class SupervisionIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aServiceKilledFromOutsideIsStartedAgainByTheLauncher() throws Exception {
        LocalSystem system = SimulatedSystem.get();
        long killed = system.pids().get(Service.WORKER_LOCAL.module());
        int restartsBefore = system.supervisorRestarts().get(Service.WORKER_LOCAL.module());

        ProcessHandle.of(killed).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> system.allAlive() && system.pids().get(Service.WORKER_LOCAL.module()) != killed);
        system.awaitReady(Service.WORKER_LOCAL);
        assertThat(ProcessHandle.of(killed).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
        assertThat(system.supervisorRestarts().get(Service.WORKER_LOCAL.module())).isEqualTo(restartsBefore + 1);
        assertThat(answer(system,
                "{\"tenant\":\"supervision\",\"messages\":[{\"role\":\"user\",\"content\":" + "\"What is 3+4?\"}]}"))
                        .as("the request's final view").contains("\"status\":\"succeeded\"", "\"tier\":\"local-fast\"");
    }

    /** Submits a request and long-polls it until it is final; its view. */
    private static String answer(LocalSystem system, String body) throws Exception {
        HttpResponse<String> accepted = HTTP.send(HttpRequest
                .newBuilder(URI.create(system.url(Service.INGEST) + "/v1/requests"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = Json.mapper().readTree(accepted.body()).path("id").asText();
        return await()
                .atMost(Duration.ofMinutes(3)).until(
                        () -> Json.mapper().readTree(HTTP.send(HttpRequest
                                .newBuilder(URI.create(system.url(Service.INGEST) + "/v1/requests/" + id + "?wait=10s"))
                                .build(), HttpResponse.BodyHandlers.ofString()).body()),
                        view -> Set.of("succeeded", "failed", "cancelled", "expired")
                                .contains(view.path("status").asText()))
                .toString();
    }
}
