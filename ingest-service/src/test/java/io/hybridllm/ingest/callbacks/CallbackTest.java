package io.hybridllm.ingest.callbacks;

import static io.hybridllm.ingest.support.Pipeline.WAIT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.support.CallbackReceiver;
import io.hybridllm.ingest.support.Pipeline;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * On completion the reply is POSTed to the request's callback URL, signed with the tenant's secret, retried with
 * backoff, and the outcome shown. The test's server runs in this JVM; the signature is checked from first principles.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class CallbackTest {

    /** hybrid.ingest.callbacks.signing-key in the test profile. */
    private static final String SIGNING_KEY = "test-signing-key";
    private static final CallbackReceiver receiver = new CallbackReceiver();

    @AfterAll
    static void stop() {
        receiver.close();
    }

    private static String submit(String path) {
        return given().contentType(ContentType.JSON)
                .body("{\"tenant\":\"acme\",\"callback_url\":\"" + receiver.url(path) + "\","
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"call me back\"}]}")
                .post("/v1/requests").then().statusCode(202).extract().path("id");
    }

    private static String hmacHex(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theReplyIsPostedSignedAndRetriedUntilTheServerTakesIt() throws Exception {
        receiver.answering(200, 500, 503);
        String id = submit("/hooks/ok");
        Pipeline.answer(Pipeline.route(Pipeline.queued(id)), "called back");

        await().atMost(WAIT)
                .untilAsserted(() -> given().get("/v1/requests/" + id).then()
                        .body("callback.state", equalTo("delivered")).body("callback.attempts", equalTo(3))
                        .body("callback.last_status", equalTo(200)).body("callback.last_error", nullValue()));
        List<CallbackReceiver.Received> calls = receiver.received("/hooks/ok");
        assertThat(calls).hasSize(3);
        assertThat(calls).extracting(call -> call.header("X-Hybrid-Delivery-Attempt")).containsExactly("1", "2", "3");

        CallbackReceiver.Received last = calls.getLast();
        LlmReply reply = Json.read(last.body(), LlmReply.class);
        assertThat(reply.requestId()).isEqualTo(id);
        assertThat(reply.answer()).isEqualTo("called back");
        String tenantSecret = hmacHex(SIGNING_KEY, "callback-secret:acme");
        assertThat(last.header("X-Hybrid-Signature"))
                .isEqualTo("sha256=" + hmacHex(tenantSecret, last.header("X-Hybrid-Timestamp") + "." + last.body()));
    }

    @Test
    void aServerThatNeverTakesItIsGivenUpAfterTheLastTryAndTheOutcomeShown() {
        receiver.answering(500);
        String id = submit("/hooks/broken");
        Pipeline.answer(Pipeline.route(Pipeline.queued(id)), "nobody listens");

        await().atMost(WAIT)
                .untilAsserted(() -> given().get("/v1/requests/" + id).then().body("callback.state", equalTo("failed"))
                        .body("callback.attempts", equalTo(4)).body("callback.last_status", equalTo(500))
                        .body("callback.last_error", equalTo("answered HTTP 500")));
        assertThat(receiver.received("/hooks/broken")).hasSize(4);
    }

    @Test
    void aCancelledRequestCallsBackOnceWithTheCancellation() {
        receiver.answering(200);
        String id = submit("/hooks/cancelled");
        given().delete("/v1/requests/" + id).then().statusCode(200);
        await().atMost(WAIT).untilAsserted(
                () -> given().get("/v1/requests/" + id).then().body("callback.state", equalTo("delivered")));
        LlmReply reply = Json.read(receiver.received("/hooks/cancelled").getFirst().body(), LlmReply.class);
        assertThat(reply.error().code().name()).isEqualTo("CANCELLED");
    }

    @Test
    void aCallbackUrlMustBeHttp() {
        given().contentType(ContentType.JSON)
                .body("{\"callback_url\":\"ftp://example.org/x\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .post("/v1/requests").then().statusCode(400).body("field", equalTo("callback_url"));
    }
}
