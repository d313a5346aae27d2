package io.hybridllm.cost.startup;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.flywaydb.core.Flyway;

import io.hybridllm.contracts.Channels;
import io.hybridllm.runtime.StartupDependency;
import io.quarkus.scheduler.Scheduler;

/**
 * The usage ledger's and budgets' schema: migrated at startup if PostgreSQL answers, else as soon as it does, without
 * the service exiting meanwhile (service-runtime's DependencyStartup retries and reports it on readiness). Until then
 * the usage, score and policy consumers read nothing (a record read too early would be dead-lettered for want of a
 * table) and the scheduled jobs, which all work on the schema, are paused.
 */
@ApplicationScoped
public class SchemaMigration implements StartupDependency {

    private final Flyway flyway;
    private final Scheduler scheduler;
    private boolean pausedScheduler;

    SchemaMigration(Flyway flyway, Scheduler scheduler) {
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
            // Every scheduled job of this service works on the schema: they wait for it instead of failing each run.
            scheduler.pause();
            pausedScheduler = true;
            throw e;
        }
        if (pausedScheduler) {
            scheduler.resume();
        }
    }

    @Override
    public List<String> channelsHeldUntilPrepared() {
        return List.of(Channels.USAGE, Channels.REPLIES, Channels.CONTROL);
    }
}
