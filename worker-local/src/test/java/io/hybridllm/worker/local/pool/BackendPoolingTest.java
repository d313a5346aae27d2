package io.hybridllm.worker.local.pool;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.simulators.OllamaSimulator;
import io.hybridllm.worker.local.OllamaSimulatorResource;
import io.hybridllm.worker.local.Requests;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Two GPU hosts of two slots each: work is spread, never over the slots, and a dead host is routed around. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = OllamaSimulatorResource.class, initArgs = { @ResourceArg(name = "backends", value = "2"),
        @ResourceArg(name = "slots", value = "2"), @ResourceArg(name = "latency-ms", value = "300") })
class BackendPoolingTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    @OllamaSimulatorResource.Simulator
    List<OllamaSimulator> gpus;

    private static List<String> submit(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RoutedRequest routed = Requests.routed(prefix + i, Tier.LOCAL_FAST, new Target("ollama", "llama3.2:1b"));
            kafka.send(Topics.TIER_LOCAL_FAST, routed.id(), Json.write(routed));
            ids.add(routed.id());
        }
        return ids;
    }

    private static void awaitAnswered(List<String> ids) {
        for (String id : ids) {
            assertThat(Published.reply(kafka, Topics.REPLIES, id).status()).isEqualTo(LlmReply.Status.SUCCEEDED);
        }
    }

    @Test
    void requestsGoToTheLeastBusyHostAndNeverBeyondItsSlots() {
        long before0 = gpus.get(0).calls();
        long before1 = gpus.get(1).calls();
        awaitAnswered(submit("pool-spread-", 12));

        assertThat(gpus.get(0).calls() - before0).isGreaterThanOrEqualTo(3);
        assertThat(gpus.get(1).calls() - before1).isGreaterThanOrEqualTo(3);
        assertThat(gpus.get(0).maxConcurrentChats()).isLessThanOrEqualTo(2);
        assertThat(gpus.get(1).maxConcurrentChats()).isLessThanOrEqualTo(2);
    }

    @Test
    void aHostFailingItsHealthChecksIsSkippedAndComesBack() {
        OllamaSimulator second = gpus.get(1);
        second.setDown(true);
        try {
            await().atMost(Published.WAIT).untilAsserted(() -> given().get("/q/health/group/backends").then()
                    .body("checks[0].data.gpu-2", startsWith("down")));
            long before = second.calls();
            awaitAnswered(submit("pool-down-", 6));
            assertThat(second.calls()).isEqualTo(before);
        } finally {
            second.setDown(false);
        }
        await().atMost(Published.WAIT).untilAsserted(
                () -> given().get("/q/health/group/backends").then().body("checks[0].data.gpu-2", startsWith("up")));
    }

    @Test
    void withEveryHostDownTheTierIsReportedUnhealthyOnTheControlTopic() {
        // The topic holds the reports of every test of this JVM: only this one's count.
        Instant started = Instant.now();
        gpus.forEach(gpu -> gpu.setDown(true));
        try {
            ControlEvent.TierHealth down = (ControlEvent.TierHealth) Json
                    .read(kafka.await(Topics.CONTROL_HEALTH, record -> {
                        ControlEvent event = Json.read(record.value(), ControlEvent.class);
                        return event instanceof ControlEvent.TierHealth health && health.tier() == Tier.LOCAL_FAST
                                && !health.healthy() && !health.at().isBefore(started);
                    }, Published.WAIT).value(), ControlEvent.class);
            assertThat(down.scope()).startsWith("tier:local-fast@");
            assertThat(down.detail()).contains("0 of 2 backends healthy");
        } finally {
            gpus.forEach(gpu -> gpu.setDown(false));
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().get("/q/health/group/backends").then().statusCode(200));
    }
}
