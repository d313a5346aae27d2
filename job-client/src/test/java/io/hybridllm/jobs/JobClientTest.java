package io.hybridllm.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Topics;
import io.hybridllm.testkit.Infrastructure;
import io.hybridllm.testkit.kafka.TopicAdmin;

/** The job client against a real broker, with {@link FakeSystem} answering in place of router and workers. */
class JobClientTest {

    private static final Map<String, Object> KAFKA = Map.of("bootstrap.servers",
            Infrastructure.kafka().bootstrapServers());

    private static JobClientConfig.Builder job(String tenant) {
        TopicAdmin.createAll(Infrastructure.kafka().bootstrapServers(),
                List.of(new Topics.TopicSpec(Topics.tenantRequests(tenant), 3, Duration.ofDays(1), false)));
        return JobClientConfig.builder(Infrastructure.kafka().bootstrapServers(), tenant, "nightly");
    }

    @Test
    void aThousandRequestsAreAllAnsweredOnceWithinTheInFlightBound() throws Exception {
        JobClientConfig config = job("t-thousand").maxInFlight(32, JobClientConfig.WhenFull.BLOCK).build();
        Map<String, LlmReply> replies = new ConcurrentHashMap<>();
        List<Throwable> failures = new ArrayList<>();
        try (var system = new FakeSystem(KAFKA, config.requestTopic(), 1, 50);
                var client = JobClient.open(config)) {
            List<LlmRequest> requests = IntStream.range(0, 1000).mapToObj(i -> Requests.of("t-thousand", "r-" + i))
                    .toList();
            client.submitAll(requests, (reply, failure) -> {
                if (failure != null) {
                    failures.add(failure);
                } else {
                    assertThat(replies.put(reply.requestId(), reply)).isNull();
                }
            }).get(120, TimeUnit.SECONDS);

            assertThat(failures).isEmpty();
            assertThat(replies).hasSize(1000);
            assertThat(replies.values()).allSatisfy(reply -> assertThat(reply.jobId()).isEqualTo("nightly"));
            assertThat(system.received()).hasSize(1000).allSatisfy((id, times) -> assertThat(times).isOne());
            assertThat(system.peakUnanswered()).isLessThanOrEqualTo(32);
            assertThat(client.peakInFlight()).isLessThanOrEqualTo(32);
            assertThat(client.inFlight()).isZero();
        }
    }

    @Test
    void aRedeliveredReplyIsCountedAndTheFirstKept() throws Exception {
        JobClientConfig config = job("t-dup").build();
        try (var system = new FakeSystem(KAFKA, config.requestTopic(), 3, 10);
                var client = JobClient.open(config)) {
            LlmReply reply = client.submit(Requests.of("t-dup", "once")).get(60, TimeUnit.SECONDS);

            assertThat(reply.answer()).isEqualTo("answer 1 to once");
            awaitTrue(() -> client.ignoredReplies() == 2);
        }
    }

    @Test
    void aRequestWithoutReplyIsGivenUpAtItsDeadlineAndFreesItsSlot() {
        JobClientConfig config = job("t-late").maxInFlight(1, JobClientConfig.WhenFull.BLOCK).build();
        try (var client = JobClient.open(config)) {
            Instant deadline = Instant.now().plusMillis(700);
            CompletableFuture<LlmReply> reply = client.submit(Requests.withDeadline("t-late", "late", deadline));

            assertThatThrownBy(() -> reply.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(JobClientException.DeadlineExceeded.class).hasMessageContaining("late");
            assertThat(Instant.now()).isAfterOrEqualTo(deadline);
            awaitTrue(() -> client.inFlight() == 0);
            // The slot is free again: a second request is taken at once.
            client.submit(Requests.withDeadline("t-late", "next", Instant.now().plusSeconds(5)));
            assertThat(client.inFlight()).isOne();
        }
    }

    @Test
    void aFullClientRefusesASubmissionWhenToldToFail() {
        JobClientConfig config = job("t-full").maxInFlight(2, JobClientConfig.WhenFull.FAIL).build();
        try (var client = JobClient.open(config)) {
            client.submit(Requests.of("t-full", "a"));
            client.submit(Requests.of("t-full", "b"));

            assertThatThrownBy(() -> client.submit(Requests.of("t-full", "c")))
                    .isInstanceOf(JobClientException.InFlightLimitReached.class).hasMessageContaining("maxInFlight");
            assertThat(client.inFlight()).isEqualTo(2);
        }
    }

    @Test
    void aReplyThatCameWhileNoClientRanReachesTheResumedJob() throws Exception {
        JobClientConfig config = job("t-resume").build();
        try (var client = JobClient.open(config)) {
            client.submit(Requests.of("t-resume", "before")).get(1, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException expected) {
            // the first run ends before its reply
        }
        try (var system = new FakeSystem(KAFKA, config.requestTopic(), 1, 10)) {
            awaitTrue(() -> system.received().containsKey("before"));
        }
        try (var resumed = JobClient.open(config, Map.of("before", Instant.now().plusSeconds(60)))) {
            assertThat(resumed.reply("before").get(60, TimeUnit.SECONDS).answer()).isEqualTo("answer 1 to before");
        }
    }

    @Test
    void aRequestOfAnotherTenantOrReplyTopicIsRefused() {
        JobClientConfig config = job("t-own").build();
        try (var client = JobClient.open(config)) {
            assertThatThrownBy(() -> client.submit(Requests.of("someone-else", "x")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant is someone-else");
            assertThat(client.inFlight()).isZero();
        }
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(until);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
