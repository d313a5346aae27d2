package io.hybridllm.launcher.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.launcher.Answerer;
import io.hybridllm.testkit.Infrastructure;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.TopicAdmin;

/**
 * {@code hybrid submit} stopped part-way (as by Ctrl-C) and run again: every line ends with one result, in input order,
 * and no request is on the request topic twice.
 */
class SubmitResumeTest {

    private static final String TENANT = "submit-resume";
    private static final int LINES = 30;

    @Test
    void aResumedRunSubmitsNothingTwiceAndWritesEveryResultInOrder(@TempDir Path dir) throws Exception {
        String servers = Infrastructure.kafka().bootstrapServers();
        String topic = Topics.tenantRequests(TENANT);
        TopicAdmin.createAll(servers, List.of(new Topics.TopicSpec(topic, 3, Duration.ofDays(1), false)));
        Path input = dir.resolve("questions.jsonl");
        Files.write(input, lines());
        SubmitOptions options = new SubmitOptions(input, SubmitOptions.defaultOutput(input), TENANT, "resume-job",
                Map.of("bootstrap.servers", servers), false, 64, Duration.ofMinutes(2), false, Duration.ofSeconds(1));
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        try (var answerer = new Answerer(servers, topic)) {
            AtomicInteger checks = new AtomicInteger();
            int first = new SubmitRun(options, new PrintStream(log, true)).run(() -> checks.incrementAndGet() > 12);
            assertThat(first).isEqualTo(SubmitRun.INTERRUPTED);

            int second = new SubmitRun(options, new PrintStream(log, true)).run(() -> false);
            assertThat(second).as(log.toString()).isEqualTo(SubmitRun.SOME_FAILED); // the one invalid line
        }

        List<String> results = Files.readAllLines(options.output());
        assertThat(results).hasSize(LINES);
        List<Integer> order = new ArrayList<>();
        for (String result : results) {
            order.add(Json.mapper().readTree(result).get("line").asInt());
        }
        assertThat(order).isSorted().doesNotHaveDuplicates();
        assertThat(results.get(6)).contains("\"status\":\"invalid\"", "not JSON");
        assertThat(results.stream().filter(ResultLine::succeeded)).hasSize(LINES - 1);
        assertThat(results.get(2)).contains("\"id\":\"resume-job-3\"", "answer to resume-job-3");
        assertThat(log.toString()).contains("Resuming:", "none submitted again");

        var sent = KafkaProbe.shared().awaitAll(topic, record -> true, LINES - 1, Duration.ofSeconds(30));
        Map<String, Long> perId = sent.stream()
                .collect(Collectors.groupingBy(record -> record.key(), Collectors.counting()));
        assertThat(perId).hasSize(LINES - 1).allSatisfy((id, times) -> assertThat(times).as(id).isOne());
    }

    /** Native lines, OpenAI batch lines every fifth, and line 7 broken. */
    private static List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= LINES; i++) {
            if (i == 7) {
                lines.add("{\"messages\": [oops");
            } else if (i % 5 == 0) {
                lines.add("{\"custom_id\":\"q-" + i + "\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\","
                        + "\"body\":{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"Q" + i
                        + "\"}]}}");
            } else {
                lines.add("{\"messages\":[{\"role\":\"user\",\"content\":\"What is " + i + "+1?\"}],"
                        + "\"task_type\":\"classify\"}");
            }
        }
        return lines;
    }
}
