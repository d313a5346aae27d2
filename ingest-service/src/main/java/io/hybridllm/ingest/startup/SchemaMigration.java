package io.hybridllm.ingest.startup;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.flywaydb.core.Flyway;

import io.hybridllm.contracts.Channels;
import io.hybridllm.runtime.StartupDependency;

/**
 * The request store's schema: migrated at startup if PostgreSQL answers, else as soon as it does, without the service
 * exiting meanwhile (service-runtime's DependencyStartup retries and reports it on readiness). The status consumers
 * write to the schema, so they read nothing before it exists: a record they read too early would be dead-lettered.
 */
@ApplicationScoped
public class SchemaMigration implements StartupDependency {

    private final Flyway flyway;

    SchemaMigration(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public String awaiting() {
        return "migrations";
    }

    @Override
    public void prepare() {
        flyway.migrate();
    }

    @Override
    public List<String> channelsHeldUntilPrepared() {
        return List.of(Channels.REQUESTS, Channels.REPLIES, Channels.TIERS, Channels.PROGRESS);
    }
}
