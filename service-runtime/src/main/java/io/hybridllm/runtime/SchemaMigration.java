package io.hybridllm.runtime;

import org.flywaydb.core.Flyway;

import io.quarkus.scheduler.Scheduler;

/**
 * A service's schema as a startup dependency: migrated at startup if PostgreSQL answers, else as soon as it does,
 * without the service exiting meanwhile ({@link DependencyStartup} retries and reports it on readiness). Until then the
 * channels a service names stay paused (a record read too early would be dead-lettered for want of a table) and its
 * scheduled jobs, which all work on the schema, are paused too.
 */
public abstract class SchemaMigration implements StartupDependency {

    private final Flyway flyway;
    private final Scheduler scheduler;
    private boolean pausedScheduler;

    protected SchemaMigration(Flyway flyway, Scheduler scheduler) {
        this.flyway = flyway;
        this.scheduler = scheduler;
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
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            // Every scheduled job of the service works on the schema: they wait for it instead of failing each run.
            scheduler.pause();
            pausedScheduler = true;
            throw e;
        }
        if (pausedScheduler) {
            scheduler.resume();
            pausedScheduler = false;
        }
    }
}
