package io.hybridllm.launcher.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.launcher.system.LaunchOptions;
import io.hybridllm.launcher.system.Service;

/**
 * Points the workers at the simulators through the overrides they document: worker-local's
 * {@code hybrid.local.backends.<provider>.url/.provider}, worker-cloud's
 * {@code hybrid.cloud.providers.<provider>.base-url}, and each key in the variable the worker reads it from. The
 * properties go in a file per worker under the run's state directory, named by {@code QUARKUS_CONFIG_LOCATIONS}: a
 * provider's name may hold characters an environment variable cannot carry (a dash). Keys stay in the environment only.
 */
public final class SimulatorWiring {

    static final String CONFIG_LOCATIONS = "QUARKUS_CONFIG_LOCATIONS";
    /** Above application.properties (250, 260 in ./config), below the environment (300), which an operator sets. */
    static final String ORDINAL = "275";

    /** Adds to {@code env} (per service) what each worker needs to reach its simulators, and writes their files. */
    public static void wire(Simulators simulators, LaunchOptions options, Map<Service, Map<String, String>> env) {
        Map<String, String> local = env.get(Service.WORKER_LOCAL);
        Map<String, String> cloud = env.get(Service.WORKER_CLOUD);
        Properties localProperties = new Properties();
        Properties cloudProperties = new Properties();
        simulators.baseUrls().forEach((planned, url) -> {
            String name = planned.provider();
            Map<String, String> worker = planned.kind().isLocal() ? local : cloud;
            planned.keyVariables().forEach(variable -> worker.put(variable, simulators.keys().get(variable)));
            if (!planned.kind().isLocal()) {
                cloudProperties.setProperty("hybrid.cloud.providers." + name + ".base-url", url);
                return;
            }
            String backend = "hybrid.local.backends." + name;
            localProperties.setProperty(backend + ".url", url);
            localProperties.setProperty(backend + ".provider", planned.provider());
            if (planned.provider().equals("ollama") && planned.kind() == ProviderKind.OLLAMA) {
                // The default backend reads OLLAMA_HOST; keep it pointing at the same simulator.
                local.put("OLLAMA_HOST", url);
            }
        });
        // A simulated system never calls a real provider with a real key: a provider a live change adds later, which
        // has no simulator, finds its variable empty (no key) instead of the operator's.
        for (ProviderKind kind : ProviderKind.values()) {
            if (kind.defaultKeyEnv() != null) {
                cloud.putIfAbsent(kind.defaultKeyEnv(), "");
            }
        }
        locate(local, write(localProperties, file(options, Service.WORKER_LOCAL)));
        locate(cloud, write(cloudProperties, file(options, Service.WORKER_CLOUD)));
    }

    /** One file per worker and port, so that a second system beside the first (--base-port) keeps its own. */
    private static Path file(LaunchOptions options, Service worker) {
        int port = options.ports().getOrDefault(worker, worker.defaultPort());
        return options.state().resolve("simulated-providers-" + worker.module() + "-" + port + ".properties");
    }

    private static Path write(Properties properties, Path file) {
        properties.setProperty("config_ordinal", ORDINAL);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "Written by ./hybrid up --simulate for this run: where each provider's simulator"
                    + " answers. Keys are in the environment, not here.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulators' addresses to " + file, e);
        }
        return file;
    }

    /** Adds the file to the locations the worker already has, from the caller or from this process's environment. */
    private static void locate(Map<String, String> worker, Path file) {
        String existing = worker.getOrDefault(CONFIG_LOCATIONS, System.getenv(CONFIG_LOCATIONS));
        String location = file.toAbsolutePath().toUri().toString();
        worker.put(CONFIG_LOCATIONS, existing == null || existing.isBlank() ? location : existing + "," + location);
    }

    private SimulatorWiring() {
    }
}
