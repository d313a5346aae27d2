package io.hybridllm.testkit.quarkus;

import java.util.Map;

import io.hybridllm.testkit.Infrastructure;
import io.hybridllm.testkit.postgres.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the application under test at a database of its own (init arg {@code database}, default {@code test}) on the
 * JVM's PostgreSQL server.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        PostgresServer postgres = Infrastructure.postgres();
        postgres.createDatabase(database);
        return Map.of("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database), "quarkus.datasource.username",
                postgres.username(), "quarkus.datasource.password", postgres.password());
    }

    @Override
    public void stop() {
        // The server outlives this application: other test classes of the JVM use it too.
    }
}
