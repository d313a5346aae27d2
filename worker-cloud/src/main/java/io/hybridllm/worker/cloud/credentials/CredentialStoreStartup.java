package io.hybridllm.worker.cloud.credentials;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.flywaydb.core.Flyway;

import io.hybridllm.runtime.StartupDependency;

/**
 * The optional credential store at startup: its schema is migrated and its keys read as soon as PostgreSQL answers,
 * retried with backoff by service-runtime's DependencyStartup. Meanwhile the worker serves with the keys it has from
 * the environment: its consumer is never held, and it never exits because the database is away. Readiness says it
 * waits.
 */
@ApplicationScoped
public class CredentialStoreStartup implements StartupDependency {

    private final CredentialStore store;
    private final CredentialSync sync;
    // Inactive (and never asked for) when the store is off.
    private final Instance<Flyway> flyway;

    CredentialStoreStartup(CredentialStore store, CredentialSync sync, Instance<Flyway> flyway) {
        this.store = store;
        this.sync = sync;
        this.flyway = flyway;
    }

    @Override
    public String name() {
        return "credential store database";
    }

    @Override
    public String awaiting() {
        return "migrations and the stored keys, serving with the environment's keys meanwhile";
    }

    @Override
    public boolean active() {
        return store.on();
    }

    @Override
    public void prepare() {
        flyway.get().migrate();
        sync.loadFirst();
    }
}
