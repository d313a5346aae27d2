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
        // Every scheduled job of the service works on the schema: none runs while it is migrated (a job started then
        // fails on a missing table), nor while it cannot be. The scheduler has started by now (its startup observer
        // comes before DependencyStartup's), so pausing here holds.
        scheduler.pause();
        flyway.migrate();
        scheduler.resume();
    }
}
