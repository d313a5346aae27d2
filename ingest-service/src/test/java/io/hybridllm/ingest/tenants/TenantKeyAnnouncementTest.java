package io.hybridllm.ingest.tenants;

import static io.hybridllm.ingest.support.Pipeline.KAFKA;
import static io.hybridllm.ingest.tenants.Admin.admin;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.TenantKey;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A key made or revoked is announced on llm.tenant-keys by its hash, never the key, for the cost service. */
@QuarkusTest
@TestProfile(KeysProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_keys"))
class TenantKeyAnnouncementTest {

    @Test
    void aKeyMadeAndRevokedIsAnnouncedByItsHashAlone() {
        String key = Admin.tenantWithKey("announced-corp", null);
        String hash = ApiKeys.sha256(key);
        ConsumerRecord<String, String> made = KAFKA.await(Topics.TENANT_KEYS, record -> hash.equals(record.key()),
                Duration.ofSeconds(10));
        assertThat(made.value()).doesNotContain(key.substring(4));
        TenantKey announced = Json.read(made.value(), TenantKey.class);
        assertThat(announced.tenant()).isEqualTo("announced-corp");
        assertThat(announced.keySha256()).isEqualTo(hash);
        assertThat(announced.revoked()).isFalse();

        String keyId = admin().get("/v1/admin/tenants/announced-corp").then().statusCode(200).extract()
                .path("keys[0].id");
        admin().delete("/v1/admin/tenants/announced-corp/keys/" + keyId).then().statusCode(200);
        KAFKA.await(Topics.TENANT_KEYS,
                record -> hash.equals(record.key()) && Json.read(record.value(), TenantKey.class).revoked(),
                Duration.ofSeconds(10));
    }

    @Test
    void everyKeyIsWrittenAgainOnItsScheduleSoAMissedWriteIsMadeGood() {
        String hash = ApiKeys.sha256(Admin.tenantWithKey("republished-corp", null));
        // Made, then written again by the schedule (every 2 s in this profile) at least twice.
        assertThat(KAFKA.awaitAll(Topics.TENANT_KEYS, record -> hash.equals(record.key()), 3, Duration.ofSeconds(15)))
                .extracting(record -> Json.read(record.value(), TenantKey.class).tenant())
                .containsOnly("republished-corp");
    }
}
