package io.hybridllm.ingest.startup;

import java.util.List;

import jakarta.inject.Singleton;

import org.flywaydb.core.Flyway;

import io.hybridllm.contracts.Channels;
import io.hybridllm.runtime.SchemaMigration;
import io.quarkus.scheduler.Scheduler;

/** The request store's schema, migrated when PostgreSQL answers; until then the status consumers read nothing. */
@Singleton
public class RequestStoreSchema extends SchemaMigration {

    RequestStoreSchema(Flyway flyway, Scheduler scheduler) {
        super(flyway, scheduler);
    }

    @Override
    public List<String> channelsHeldUntilPrepared() {
        return List.of(Channels.REQUESTS, Channels.REPLIES, Channels.TIERS, Channels.PROGRESS, Channels.FEEDBACK);
    }
}
