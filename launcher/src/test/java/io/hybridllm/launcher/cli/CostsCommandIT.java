package io.hybridllm.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.launcher.SimulatedSystem;
import io.hybridllm.launcher.system.LocalSystem;
import io.hybridllm.launcher.system.Service;

/**
 * {@code hybrid costs --end-user ID} against the whole system: two end users ask through the OpenAI API, and each one's
 * breakdown shows its own request only, by tier, provider and model, with the savings line.
 */
class CostsCommandIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path state;

    @Test
    void anEndUsersBreakdownHoldsItsOwnRequestsOnly() throws Exception {
        LocalSystem system = SimulatedSystem.get();
        String alice = "alice-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        ask(system, alice, "What is 2+2?");
        ask(system, bob, "What is 3+3?");
        ask(system, bob, "What is 4+4?");

        String cost = "--cost-url=" + system.url(Service.COST);
        CommandLines.Run run = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> CommandLines.run(state, "costs", "--end-user=" + alice, cost),
                r -> r.exit() == 0 && r.out().matches("(?s).*\\ntotal +1 +1 .*"));
        assertThat(run.out()).startsWith("End user " + alice + ", ").contains("local-fast", "ollama", "Against ",
                "saved");
        CommandLines.Run other = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> CommandLines.run(state, "costs", "--end-user=" + bob, cost),
                r -> r.exit() == 0 && r.out().matches("(?s).*\\ntotal +2 +2 .*"));
        assertThat(other.out()).startsWith("End user " + bob + ", ");
    }

    @Test
    void aCostServiceThatIsNotThereIsSaidPlainly() {
        CommandLines.Run run = CommandLines.run(state, "costs", "--end-user=nobody", "--cost-url=http://127.0.0.1:9");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("hybrid: costs: no cost service at http://127.0.0.1:9");
    }

    private static void ask(LocalSystem system, String user, String question) throws Exception {
        String body = "{\"model\":\"auto\",\"user\":\"" + user + "\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + question + "\"}]}";
        HttpResponse<String> response = HTTP.send(HttpRequest
                .newBuilder(URI.create(system.url(Service.INGEST) + "/v1/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
