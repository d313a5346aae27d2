package io.hybridllm.ingest.tenants;

import static io.hybridllm.ingest.tenants.Admin.as;
import static io.hybridllm.ingest.tenants.Admin.submit;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A key found in force is trusted for {@code hybrid.ingest.tenant-keys.cache-ttl} (5 s) without the database, and no
 * longer. (A key revoked through this replica is refused at once: {@link AdminApiTest}.)
 */
@QuarkusTest
@TestProfile(KeysProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_keys"))
class CachedKeyTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aKeyFoundInForceIsTrustedForItsTimeToLiveWithoutTheDatabase() throws Exception {
        String key = Admin.tenantWithKey("cached-corp", null);
        String id = submit(key, "looked up");
        // Behind the cache's back, as a revocation through another replica would be.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from api_key where key_sha256 = ?")) {
            delete.setString(1, ApiKeys.sha256(key));
            delete.executeUpdate();
        }
        submit(key, "remembered");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> as(key).get("/v1/requests/" + id).then().statusCode(401));
    }
}
