package io.hybridllm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.jobs.JobClient;
import io.hybridllm.jobs.JobClientConfig;
import io.hybridllm.launcher.system.LocalSystem;
import io.hybridllm.launcher.system.Service;

/**
 * The job client against the whole system as {@code ./hybrid up --simulate} runs it, on its secured broker, as the
 * tenant's own principal: 1,000 requests, at most 40 in flight, and the local worker killed mid-run. Every request gets
 * exactly one reply and none is lost; the worker's redeliveries show up as ignored duplicates, never as a second
 * outcome.
 */
class JobClientIT {

    private static final String TENANT = "jobs-it";
    private static final int REQUESTS = 1000;
    private static final int MAX_IN_FLIGHT = 40;

    @Test
    void aThousandRequestsAreAllAnsweredOnceThoughAWorkerIsKilledMidRun() throws Exception {
        LocalSystem system = SimulatedSystem.get();
        Map<String, Object> kafka = system.kafkaTenantClient(TENANT);
        awaitCredentialsKnown(kafka);
        JobClientConfig config = JobClientConfig.builder((String) kafka.get("bootstrap.servers"), TENANT, "thousand")
                .kafka(kafka).maxInFlight(MAX_IN_FLIGHT, JobClientConfig.WhenFull.BLOCK).timeout(Duration.ofMinutes(8))
                .build();
        Map<String, LlmReply> replies = new ConcurrentHashMap<>();
        Map<String, Throwable> failures = new ConcurrentHashMap<>();
        AtomicInteger outcomes = new AtomicInteger();
        long worker = system.pids().get(Service.WORKER_LOCAL.module());

        try (JobClient client = JobClient.open(config)) {
            List<LlmRequest> requests = IntStream.range(0, REQUESTS)
                    .mapToObj(i -> new LlmRequest(SchemaVersion.CURRENT, "thousand-" + i, TENANT, null, null,
                            List.of(ChatMessage.user("What is " + i + "+1?")), null, null, null, null, null, null))
                    .toList();
            Thread killer = Thread.ofPlatform().start(() -> {
                await().atMost(Duration.ofMinutes(5)).until(() -> outcomes.get() >= REQUESTS / 4);
                ProcessHandle.of(worker).ifPresent(ProcessHandle::destroyForcibly);
            });
            client.submitAll(requests, (reply, failure) -> {
                outcomes.incrementAndGet();
                if (failure != null) {
                    failures.put(failure.getMessage(), failure);
                } else if (replies.putIfAbsent(reply.requestId(), reply) != null) {
                    failures.put("second outcome for " + reply.requestId(), new AssertionError());
                }
            }).get(10, TimeUnit.MINUTES);
            killer.join();

            assertThat(failures).isEmpty();
            assertThat(replies).hasSize(REQUESTS);
            assertThat(outcomes.get()).isEqualTo(REQUESTS);
            assertThat(replies.values()).allSatisfy(reply -> {
                assertThat(reply.status()).as(reply.requestId() + ": " + reply.error())
                        .isEqualTo(LlmReply.Status.SUCCEEDED);
                assertThat(reply.jobId()).isEqualTo("thousand");
            });
            assertThat(client.peakInFlight()).isLessThanOrEqualTo(MAX_IN_FLIGHT);
            System.out.printf("job client IT: %d answered, peak in flight %d, duplicate replies ignored %d%n",
                    replies.size(), client.peakInFlight(), client.ignoredReplies());
        }
        // The launcher started the worker again: the shared system is left as it was found.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> system.allAlive() && system.pids().get(Service.WORKER_LOCAL.module()) != worker);
        system.awaitReady(Service.WORKER_LOCAL);
    }

    /** A new SCRAM credential reaches the broker's authenticator a moment after it is stored. */
    private static void awaitCredentialsKnown(Map<String, Object> kafka) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (Admin admin = Admin.create(kafka)) {
                return admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS) != null;
            }
        });
    }
}
