package io.hybridllm.worker.cloud.config;

import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether this worker keeps provider keys in the credential store: {@code hybrid.cloud.credentials.store} says
 * {@code postgresql} or {@code none}; unset, the store is on exactly when a database URL is configured. With it off,
 * the datasource is inactive (application.properties) and nothing touches a database.
 */
@Singleton
public class CredentialStoreSwitch {

    private final boolean on;

    public CredentialStoreSwitch(WorkerConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> databaseUrl) {
        boolean database = databaseUrl.filter(url -> !url.isBlank()).isPresent();
        String store = config.credentials().store().map(String::strip).orElse("");
        on = switch (store) {
            case "postgresql" -> {
                if (!database) {
                    throw new IllegalArgumentException("hybrid.cloud.credentials.store=postgresql needs a database: "
                            + "set QUARKUS_DATASOURCE_JDBC_URL (quarkus.datasource.jdbc.url)");
                }
                yield true;
            }
            case "none" -> false;
            case "" -> database;
            default -> throw new IllegalArgumentException(
                    "hybrid.cloud.credentials.store: unknown store '" + store + "'; use postgresql or none");
        };
    }

    public boolean on() {
        return on;
    }
}
