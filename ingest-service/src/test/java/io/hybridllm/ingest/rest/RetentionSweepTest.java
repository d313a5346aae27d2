package io.hybridllm.ingest.rest;

import static io.hybridllm.ingest.rest.RequestProgressTest.submit;
import static io.hybridllm.ingest.support.Pipeline.KAFKA;
import static io.hybridllm.ingest.support.Pipeline.WAIT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Topics;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The sweep (every second in tests) forgets idempotency keys past their retention and tombstones the cancellations of
 * requests long ended. Ages are made by moving timestamps back, as time would.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class RetentionSweepTest {

    private static final String BODY = "{\"tenant\":\"acme\",\"messages\":[{\"role\":\"user\",\"content\":\"%s\"}]}";

    @Inject
    EntityManager entityManager;

    private static String submitWithKey(String key, String content, int status) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(BODY.formatted(content))
                .post("/v1/requests").then().statusCode(status).extract().path("id");
    }

    private void age(String sql, String id, Duration by) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(sql).setParameter(1, id)
                .setParameter(2, by.toSeconds()).executeUpdate());
    }

    @Test
    void anIdempotencyKeyPastItsRetentionIsForgottenAndAYoungOneKept() {
        String old = submitWithKey("retention-old", "first", 202);
        submitWithKey("retention-young", "first", 202);
        age("update idempotency_key set created_at = created_at - make_interval(secs => ?2) where key = ?1",
                "retention-old", Duration.ofHours(25));
        await().atMost(WAIT)
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> entityManager
                                .createNativeQuery("select count(*) from idempotency_key where key = 'retention-old'")
                                .getSingleResult().equals(0L)));
        // The key is free again: another body makes a new request instead of a 409.
        assertThat(submitWithKey("retention-old", "second", 202)).isNotEqualTo(old);
        submitWithKey("retention-young", "second", 409);
    }

    @Test
    void theCancellationOfARequestLongEndedIsTombstonedAndARecentOneKept() {
        String old = submit();
        String recent = submit();
        given().delete("/v1/requests/" + old).then().statusCode(200);
        given().delete("/v1/requests/" + recent).then().statusCode(200);
        age("update llm_request set completed_at = completed_at - make_interval(secs => ?2) where id = ?1", old,
                Duration.ofDays(9));

        ConsumerRecord<String, String> tombstone = KAFKA.await(Topics.CANCELLATIONS,
                record -> old.equals(record.key()) && record.value() == null, WAIT);
        assertThat(tombstone.value()).isNull();
        await().atMost(WAIT).until(() -> clearedAt(old) != null);
        assertThat(clearedAt(recent)).isNull();
    }

    private Object clearedAt(String id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select cancellation_cleared_at from llm_request where id = ?1")
                        .setParameter(1, id).getSingleResult());
    }
}
