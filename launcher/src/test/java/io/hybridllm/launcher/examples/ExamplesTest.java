package io.hybridllm.launcher.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Alert;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.jobs.JobAlerts;
import io.hybridllm.jobs.JobClient;
import io.hybridllm.jobs.JobClientConfig;
import io.hybridllm.launcher.Answerer;
import io.hybridllm.testkit.Infrastructure;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.TopicAdmin;

/** The job client's examples on a real broker, with {@link Answerer} in place of router and workers. */
class ExamplesTest {

    private static final String SERVERS = Infrastructure.kafka().bootstrapServers();

    private static JobClientConfig job(String tenant, String jobId) {
        TopicAdmin.createAll(SERVERS,
                List.of(new Topics.TopicSpec(Topics.tenantRequests(tenant), 3, Duration.ofDays(1), false)));
        return JobClientConfig.builder(SERVERS, tenant, jobId).timeout(Duration.ofMinutes(1)).build();
    }

    @Test
    void theSwarmDaemonFilesEveryEntryUnderATopicAndCountsEveryStep() throws Exception {
        JobClientConfig config = job("swarm-test", "swarm-daemon");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<String> memory = List.of("invoice charged twice", "parcel lost", "invoice missing VAT", "weather");
        try (var answerer = new Answerer(SERVERS, config.requestTopic(), request -> {
            String prompt = request.promptText();
            return request.taskType().name().equals("classify")
                    ? prompt.contains("invoice") ? "billing" : prompt.contains("parcel") ? "shipping" : "no idea"
                    : "done";
        });
                var client = JobClient.open(config)) {
            SwarmDaemon daemon = new SwarmDaemon(client, "swarm-test", "run-1");
            Map<String, List<String>> byTopic = daemon.run(memory, new PrintStream(log, true));

            assertThat(byTopic).containsOnlyKeys("billing", "shipping", "other");
            assertThat(byTopic.get("billing")).containsExactly("invoice charged twice", "invoice missing VAT");
            // 4 classifications, 3 summaries, 1 review, at $0.001 each, all on the answerer's tier.
            assertThat(daemon.costs().requests()).isEqualTo(8);
            assertThat(daemon.costs().total()).isEqualByComparingTo("0.008");
            assertThat(log.toString()).contains("Status after reviewed (8 requests)", "local-fast");
        }
    }

    @Test
    void thePausingJobWaitsWhileItsTenantIsPausedAndGoesOnWhenResumed() throws Exception {
        String tenant = "paused-" + UUID.randomUUID().toString().substring(0, 6);
        JobClientConfig config = job(tenant, "paused-job");
        Map<String, Object> kafka = Map.of("bootstrap.servers", SERVERS);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true);
        budget(tenant, Alert.Level.PAUSE);
        try (var answerer = new Answerer(SERVERS, config.requestTopic());
                var alerts = JobAlerts.open(kafka, tenant, Duration.ofMinutes(5), a -> PausingJob.print(a, out));
                var client = JobClient.open(config)) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!alerts.paused() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            CompletableFuture<List<LlmReply>> job = CompletableFuture.supplyAsync(() -> {
                try {
                    return PausingJob.run(client, alerts, tenant, 3, Duration.ofMillis(10), out);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1000);
            assertThat(log.toString()).contains("is paused by its budget").doesNotContain("submitted request 1");

            budget(tenant, Alert.Level.RESUME);
            assertThat(job.get(60, TimeUnit.SECONDS)).hasSize(3);
            assertThat(log.toString()).contains("budget RESUME", "submitted request 3");
        }
    }

    private static void budget(String tenant, Alert.Level level) {
        Alert.Budget alert = new Alert.Budget(SchemaVersion.CURRENT, UUID.randomUUID().toString(), tenant, level,
                "daily", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, 100, Instant.now());
        KafkaProbe.shared().send(Topics.tenantAlerts(tenant), tenant, Json.write(alert)); // as the cost service does
    }
}
