package io.hybridllm.cost.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.cost.Calls;
import io.hybridllm.cost.usage.UsageRepository;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A real database failing on purpose: a trigger refuses inserts of tenants named {@code flaky-*}, counting the attempts
 * in a sequence (sequences are not rolled back, so the count survives the failed transactions).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
class UsageRetryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String FLAKY_TRIGGER = """
            create or replace function test_flaky_usage() returns trigger language plpgsql as $$
            begin
                -- flaky-blip-* fails twice, then passes; flaky-down-* never passes.
                if new.tenant like 'flaky-%' and (nextval('test_flaky_attempts') <= 2 or new.tenant like 'flaky-down-%')
                then
                    raise exception 'simulated outage';
                end if;
                return new;
            end $$;
            create trigger test_flaky_usage before insert on usage_event
                for each row execute function test_flaky_usage();
            """;
    private static final KafkaProbe kafka = KafkaProbe.shared();

    @Inject
    DataSource dataSource;

    @Inject
    UsageRepository repository;

    @BeforeEach
    void breakTheDatabase() throws SQLException {
        execute("create sequence test_flaky_attempts;" + FLAKY_TRIGGER);
    }

    @AfterEach
    void repairTheDatabase() throws SQLException {
        execute("drop trigger test_flaky_usage on usage_event; drop function test_flaky_usage();"
                + " drop sequence test_flaky_attempts;");
    }

    @Test
    void aPassingDatabaseFailureIsRetriedNotDeadLettered() throws SQLException {
        Calls call = Calls.of(Calls.uniqueTenant("flaky-blip"), "openai", "gpt-4o-mini").sendTo(kafka);

        await().atMost(WAIT)
                .until(() -> QuarkusTransaction.requiringNew().call(() -> repository.findById(call.eventId())) != null);
        assertThat(attempts()).isEqualTo(3);
    }

    @Test
    void aDatabaseThatStaysDownDeadLettersTheEventAfterTheRetries() throws SQLException {
        Calls call = Calls.of(Calls.uniqueTenant("flaky-down"), "openai", "gpt-4o-mini").sendTo(kafka);

        ConsumerRecord<String, String> dead = kafka.awaitKey(Topics.dlqOf(Topics.USAGE), call.tenant(), WAIT);
        assertThat(KafkaProbe.header(dead, "dead-letter-reason"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("simulated outage"));
        assertThat(dead.value()).contains(call.eventId());
        // The first try and the five retries of UsageLedger#record, and one try alone if it shared its poll.
        assertThat(attempts()).isBetween(6L, 7L);
    }

    /** Usage is written a poll at a time: an event the database refuses is dead-lettered alone, its poll recorded. */
    @Test
    void anEventTheDatabaseRefusesIsDeadLetteredAloneAndTheRestOfItsPollIsRecorded() {
        Calls before = Calls.of(Calls.uniqueTenant("steady"), "openai", "gpt-4o-mini");
        Calls refused = Calls.of(Calls.uniqueTenant("flaky-down"), "openai", "gpt-4o-mini");
        Calls after = Calls.of(Calls.uniqueTenant("steady"), "openai", "gpt-4o-mini");
        Map<String, String> poll = new LinkedHashMap<>();
        for (Calls call : List.of(before, refused, after)) {
            poll.put(call.tenant(), Json.write(call.event()));
        }
        kafka.sendTogether(Topics.USAGE, poll);

        ConsumerRecord<String, String> dead = kafka.awaitKey(Topics.dlqOf(Topics.USAGE), refused.tenant(), WAIT);
        assertThat(KafkaProbe.header(dead, "dead-letter-reason"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("simulated outage"));
        for (Calls recorded : List.of(before, after)) {
            await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                    .call(() -> repository.findById(recorded.eventId())) != null);
        }
        assertThatThrownBy(() -> kafka.awaitAll(Topics.dlqOf(Topics.USAGE),
                record -> List.of(before.tenant(), after.tenant()).contains(record.key()), 1, Duration.ofSeconds(2)))
                        .as("only the refused event is dead-lettered")
                        .hasMessageStartingWith("0 of 1 matching records");
    }

    private long attempts() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select last_value from test_flaky_attempts")) {
            result.next();
            return result.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
