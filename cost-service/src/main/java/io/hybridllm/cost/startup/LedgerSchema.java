package io.hybridllm.cost.startup;

import java.util.List;

import jakarta.inject.Singleton;

import org.flywaydb.core.Flyway;

import io.hybridllm.contracts.Channels;
import io.hybridllm.runtime.SchemaMigration;
import io.quarkus.scheduler.Scheduler;

/**
 * The usage ledger's and budgets' schema, migrated when PostgreSQL answers; until then the usage, score and policy
 * consumers read nothing.
 */
@Singleton
public class LedgerSchema extends SchemaMigration {

    LedgerSchema(Flyway flyway, Scheduler scheduler) {
        super(flyway, scheduler);
    }

    @Override
    public List<String> channelsHeldUntilPrepared() {
        return List.of(Channels.USAGE, Channels.REPLIES, Channels.CONTROL);
    }
}
