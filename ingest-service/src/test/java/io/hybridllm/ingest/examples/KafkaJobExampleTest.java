package io.hybridllm.ingest.examples;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.ingest.support.PipelinePlayer;
import io.hybridllm.testkit.Infrastructure;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The Kafka example of docs/submitting.md runs as written: its requests are answered on its topic and pollable. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class KafkaJobExampleTest {

    @Test
    void theExampleJobGetsItsRepliesOnItsOwnTopicAndItsRequestsArePollable() throws Exception {
        Map<String, JsonNode> replies;
        try (PipelinePlayer player = new PipelinePlayer(request -> "nightly-42".equals(request.jobId()),
                request -> "re: " + request.messages().getLast().content())) {
            replies = KafkaJobExample.run(Infrastructure.kafka().bootstrapServers(), "acme", "nightly-42",
                    List.of("What is 2+2?", "Name a prime"), Duration.ofSeconds(60));
        }
        assertThat(replies).containsOnlyKeys("nightly-42-0", "nightly-42-1");
        assertThat(replies.get("nightly-42-1").path("answer").asText()).isEqualTo("re: Name a prime");
        given().get("/v1/requests/nightly-42-0?wait=30s").then().statusCode(200).body("source", equalTo("kafka"))
                .body("job_id", equalTo("nightly-42")).body("status", equalTo("succeeded"));
    }
}
