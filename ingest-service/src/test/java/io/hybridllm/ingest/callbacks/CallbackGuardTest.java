package io.hybridllm.ingest.callbacks;

import static io.hybridllm.ingest.support.Pipeline.WAIT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.hybridllm.contracts.http.Problem;
import io.hybridllm.ingest.support.CallbackReceiver;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A callback URL a client chooses must not make ingest call into its own network: refused when submitted, and again
 * when delivered, in case the name resolves elsewhere by then.
 */
@QuarkusTest
@TestProfile(PrivateNetworksRefused.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class CallbackGuardTest {

    private static final CallbackReceiver receiver = new CallbackReceiver();

    @Inject
    EntityManager entityManager;

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "ftp://example.org/hook|absolute http or https URL",
            "file:///etc/passwd|absolute http or https URL", "https://user:secret@example.org/hook|credentials",
            "http://localhost:8080/hook|resolves to 127.0.0.1, a loopback address",
            "http://127.0.0.1/hook|a loopback address", "http://[::1]/hook|a loopback address",
            "http://169.254.169.254/latest/meta-data|a link-local address", "http://10.0.0.7/hook|a private address",
            "http://[::ffff:192.168.0.1]/hook|a private address", "http://0.0.0.0/hook|any-local",
            "http://224.0.0.251/hook|a multicast address" })
    void aCallbackUrlIntoTheNetworkIsRefusedWithTheReason(String url, String why) {
        given().contentType(ContentType.JSON)
                .body("{\"callback_url\":\"" + url + "\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .post("/v1/requests").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("field", equalTo("callback_url")).body("detail", containsString(why));
    }

    @Test
    void aDeliveryToAnAddressThatTurnedPrivateIsRefusedAndRecordedFailed() {
        // As if the name had resolved to a public address at submission and to this host now (DNS rebinding).
        String id = "rebound-" + System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into callback_delivery (request_id, tenant, url, body, state, next_attempt_at)
                values (?1, 'acme', ?2, cast('{}' as jsonb), 'PENDING', now())
                """).setParameter(1, id).setParameter(2, receiver.url("/rebound")).executeUpdate());

        await().atMost(WAIT).until(() -> "FAILED".equals(column(id, "state")));
        assertThat((String) column(id, "last_error")).startsWith("refused: its host 127.0.0.1 resolves to 127.0.0.1")
                .contains("callbacks go only to public addresses");
        assertThat(((Number) column(id, "attempts")).intValue()).isEqualTo(1);
        assertThat(receiver.received("/rebound")).isEqualTo(List.of());
    }

    private Object column(String id, String name) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select " + name + " from callback_delivery where request_id = ?1")
                        .setParameter(1, id).getSingleResult());
    }
}
