package io.hybridllm.ingest.rest;

import static io.hybridllm.ingest.rest.RequestProgressTest.poll;
import static io.hybridllm.ingest.rest.RequestProgressTest.submit;
import static io.hybridllm.ingest.support.Pipeline.CLOUD;
import static io.hybridllm.ingest.support.Pipeline.LOCAL;
import static io.hybridllm.ingest.support.Pipeline.WAIT;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.ingest.support.Pipeline;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A worker's announcement that a call began shows a request as running, whatever order the topics are read in. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class RunningStatusTest {

    @Test
    void routedThenRunningWithTheCallThenEscalatedThenRunningAgainThenDone() {
        String id = submit();
        RoutedRequest routed = Pipeline.route(Pipeline.queued(id));
        await().atMost(WAIT).untilAsserted(() -> poll(id).body("status", equalTo("routed")));

        Pipeline.start(routed, LOCAL, 1);
        await().atMost(WAIT)
                .untilAsserted(() -> poll(id).body("status", equalTo("running"))
                        .body("running.tier", equalTo("local-fast")).body("running.provider", equalTo("ollama"))
                        .body("running.model", equalTo("llama3.2:1b")).body("running.worker", equalTo("gpu-1/42"))
                        .body("running.attempt", equalTo(1)).body("running.started_at", containsString("T")));

        RoutedRequest escalated = Pipeline.escalate(routed);
        await().atMost(WAIT)
                .untilAsserted(() -> poll(id).body("status", equalTo("escalated")).body("running", nullValue()));
        Pipeline.start(escalated, CLOUD, 2);
        await().atMost(WAIT).untilAsserted(
                () -> poll(id).body("status", equalTo("running")).body("running.provider", equalTo("openai")));

        Pipeline.answer(escalated, "done");
        await().atMost(WAIT).untilAsserted(() -> poll(id).body("status", equalTo("succeeded")));
        // A redelivered announcement does not reopen an ended request.
        Pipeline.start(escalated, CLOUD, 2);
        Pipeline.route(escalated.request());
        await().during(Duration.ofSeconds(2)).atMost(WAIT)
                .untilAsserted(() -> poll(id).body("status", equalTo("succeeded")).body("running", nullValue()));
    }

    @Test
    void aCallAnnouncedBeforeItsRoutingIsReadStaysRunning() {
        String id = submit();
        RoutedRequest routed = Pipeline.onLocalFast(Pipeline.queued(id));
        Pipeline.start(routed, LOCAL, 1);
        await().atMost(WAIT).untilAsserted(() -> poll(id).body("status", equalTo("running")));
        Pipeline.route(routed.request());
        await().atMost(WAIT).untilAsserted(() -> poll(id).body("tier", equalTo("local-fast")));
        poll(id).body("status", equalTo("running"));
    }

    @Test
    void anOldCallReadAfterTheEscalationDoesNotMakeItRunning() {
        String id = submit();
        RoutedRequest routed = Pipeline.route(Pipeline.queued(id));
        Pipeline.escalate(routed);
        await().atMost(WAIT).untilAsserted(() -> poll(id).body("status", equalTo("escalated")));
        Pipeline.start(routed, LOCAL, 1);
        await().during(Duration.ofSeconds(2)).atMost(WAIT)
                .untilAsserted(() -> poll(id).body("status", equalTo("escalated")));
    }

    @Test
    void cancellingARunningRequestSaysTheCallStillEndsAndIsCharged() {
        String id = submit();
        RoutedRequest routed = Pipeline.route(Pipeline.queued(id));
        Pipeline.start(routed, LOCAL, 1);
        await().atMost(WAIT).untilAsserted(() -> poll(id).body("status", equalTo("running")));

        given().delete("/v1/requests/" + id).then().statusCode(200).body("status", equalTo("cancelled"))
                .body("error.code", equalTo("cancelled"))
                .body("error.message", containsString("runs to its end and is charged"))
                .body("running.provider", equalTo("ollama"));

        Pipeline.answer(routed, "finished anyway");
        await().atMost(WAIT).untilAsserted(() -> poll(id).body("answer", equalTo("finished anyway")));
        poll(id).body("status", equalTo("cancelled")).body("cost_usd", equalTo(0.00021f));
    }
}
