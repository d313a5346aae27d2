package io.hybridllm.launcher.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.launcher.simulate.SimulationPlan.Planned;
import io.hybridllm.launcher.simulate.SimulationPlan.Simulator;
import io.hybridllm.launcher.system.LaunchOptions;
import io.hybridllm.launcher.system.Service;

class SimulatorWiringTest {

    private static final Planned OLLAMA = new Planned("ollama", ProviderKind.OLLAMA, true, Simulator.OLLAMA,
            List.of("mistral:7b"), List.of());
    private static final Planned CLAUDE = new Planned("claude", ProviderKind.ANTHROPIC, true, Simulator.ANTHROPIC,
            List.of("claude-3-5-sonnet-20241022"), List.of("ANTHROPIC_API_KEY"));
    private static final Planned GATEWAY = new Planned("team-gateway", ProviderKind.OPENAI, false, Simulator.OPENAI,
            List.of("gpt-4o"), List.of("OPENAI_API_KEY"));
    private static final Planned GPT4 = new Planned("gpt4", ProviderKind.OPENAI, true, Simulator.OPENAI,
            List.of("gpt-4-turbo-2024-04-09"), List.of("OPENAI_API_KEY"));

    private final Map<Service, Map<String, String>> env = new EnumMap<>(Service.class);

    private LaunchOptions options(Path state) {
        for (Service service : Service.values()) {
            env.put(service, new HashMap<>());
        }
        return LaunchOptions.defaults(state).withState(state).withBasePort(18_000);
    }

    private static Properties read(Map<String, String> worker) throws IOException {
        String locations = worker.get(SimulatorWiring.CONFIG_LOCATIONS);
        Properties properties = new Properties();
        try (Reader reader = Files
                .newBufferedReader(Path.of(URI.create(locations.substring(locations.lastIndexOf(',') + 1))))) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void eachWorkerIsGivenItsProvidersSimulatorsInAFileAndTheirKeysInTheEnvironment(@TempDir Path state)
            throws Exception {
        LaunchOptions options = options(state);
        try (Simulators simulators = Simulators.start(List.of(OLLAMA, CLAUDE, GATEWAY, GPT4), Duration.ZERO)) {
            SimulatorWiring.wire(simulators, options, env);
            Map<String, String> local = env.get(Service.WORKER_LOCAL);
            Map<String, String> cloud = env.get(Service.WORKER_CLOUD);

            Properties localFile = read(local);
            assertThat(localFile).containsEntry("hybrid.local.backends.ollama.url", simulators.of("ollama").baseUrl())
                    .containsEntry("hybrid.local.backends.ollama.provider", "ollama")
                    .containsEntry("config_ordinal", SimulatorWiring.ORDINAL);
            assertThat(local).containsEntry("OLLAMA_HOST", simulators.of("ollama").baseUrl());
            assertThat(local.get(SimulatorWiring.CONFIG_LOCATIONS)).endsWith("worker-local-18002.properties");

            Properties cloudFile = read(cloud);
            assertThat(cloudFile)
                    .containsEntry("hybrid.cloud.providers.claude.base-url", simulators.of("claude").baseUrl())
                    .containsEntry("hybrid.cloud.providers.team-gateway.base-url",
                            simulators.of("team-gateway").baseUrl() + "/v1")
                    .doesNotContainKey("hybrid.cloud.providers.ollama.base-url");
            assertThat(cloud.get("ANTHROPIC_API_KEY")).startsWith("sk-simulated-");
            // One variable, one key: both providers reading OPENAI_API_KEY accept the same one.
            assertThat(cloud.get("OPENAI_API_KEY")).startsWith("sk-simulated-")
                    .isNotEqualTo(cloud.get("ANTHROPIC_API_KEY"));
            // No real key reaches a simulated system: the variables of kinds nothing simulates are emptied.
            assertThat(cloud).containsEntry("GEMINI_API_KEY", "").containsEntry("XAI_API_KEY", "");
            assertThat(Files.readString(state.resolve("simulated-providers-worker-cloud-18003.properties")))
                    .doesNotContain("sk-simulated");

            assertThat(status(simulators.of("claude").baseUrl() + "/v1/models", "x-api-key", "wrong")).isEqualTo(401);
            assertThat(status(simulators.of("claude").baseUrl() + "/v1/models", "x-api-key",
                    cloud.get("ANTHROPIC_API_KEY"))).isEqualTo(200);
            assertThat(status(simulators.of("gpt4").baseUrl() + "/v1/models", "Authorization",
                    "Bearer " + cloud.get("OPENAI_API_KEY"))).isEqualTo(200);
        }
    }

    @Test
    void aCallersConfigLocationsAreKept(@TempDir Path state) throws IOException {
        LaunchOptions options = options(state);
        env.get(Service.WORKER_CLOUD).put(SimulatorWiring.CONFIG_LOCATIONS, "file:/etc/hybrid/extra.properties");
        try (Simulators simulators = Simulators.start(List.of(CLAUDE), Duration.ZERO)) {
            SimulatorWiring.wire(simulators, options, env);
        }
        assertThat(env.get(Service.WORKER_CLOUD).get(SimulatorWiring.CONFIG_LOCATIONS))
                .startsWith("file:/etc/hybrid/extra.properties,file:").endsWith(".properties");
    }

    @Test
    void eachProviderIsAnnouncedWithItsKindAndAddress() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Simulators simulators = Simulators.start(List.of(CLAUDE, GATEWAY), Duration.ofMillis(20))) {
            simulators.describe(new PrintStream(out, true, StandardCharsets.UTF_8), Duration.ofMillis(20));
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("(20 ms per answer)",
                    "  claude (anthropic) simulated at " + simulators.of("claude").baseUrl() + "\n",
                    "  team-gateway (openai) simulated at " + simulators.of("team-gateway").baseUrl()
                            + "/v1 (disabled in the policy)");
            assertThat(simulators.ollama()).isNull();
        }
    }

    private static int status(String url, String header, String value) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header(header, value).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
