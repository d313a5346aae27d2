package io.hybridllm.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.http.Problem;
import io.hybridllm.ingest.requests.RequestRecord;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** When Kafka does not take a request, the client is told to retry and nothing is stored: there is no phantom. */
@QuarkusTest
@TestProfile(KafkaRefusesSubmissionTest.UnwritableTopic.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class KafkaRefusesSubmissionTest {

    /** A topic name the broker refuses, so every send fails as it would when Kafka is unreachable. */
    public static class UnwritableTopic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.submissions.topic", "no spaces allowed in topic names");
        }
    }

    @Test
    void refusedSendIsA503AndLeavesNoRow() {
        long before = RequestRecord.count();
        given().contentType(ContentType.JSON)
                .body("{\"tenant\":\"acme\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}").when()
                .post("/v1/requests").then().statusCode(503).contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", equalTo("5")).body("detail", containsString("nothing was stored"));
        assertThat(RequestRecord.count()).isEqualTo(before);
    }
}
