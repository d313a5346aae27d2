package io.hybridllm.launcher.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.jobs.JobClient;

/**
 * Seed 001's swarm daemon on the job client: works through the objective "classify recent memory entries by topic" in
 * steps, each a request of its own task type, so the router places each step by what it is: every entry classified
 * ({@code classify}), each topic's entries summarized ({@code summarize}), and the whole reviewed once
 * ({@code review}). It keeps the cost per tier from the replies, for its status.
 */
public final class SwarmDaemon {

    /** The topics an entry may be filed under; an answer naming none of them files it under "other". */
    static final List<String> TOPICS = List.of("billing", "shipping", "product", "account");

    private final JobClient client;
    private final String tenant;
    private final String run;
    private final TierCosts costs = new TierCosts();
    private final AtomicInteger sequence = new AtomicInteger();

    public SwarmDaemon(JobClient client, String tenant, String run) {
        this.client = client;
        this.tenant = tenant;
        this.run = run;
    }

    /** Runs the objective over {@code memory}; the entries per topic. */
    public Map<String, List<String>> run(List<String> memory, PrintStream out) {
        out.printf("Objective: classify %d recent memory entries by topic%n", memory.size());
        List<CompletableFuture<LlmReply>> classified = new ArrayList<>();
        for (String entry : memory) {
            classified.add(step(TaskType.CLASSIFY, "Classify this memory entry by topic (one of "
                    + String.join(", ", TOPICS) + ", other). Answer with the topic only.\n\n" + entry));
        }
        Map<String, List<String>> byTopic = new TreeMap<>();
        for (int i = 0; i < memory.size(); i++) {
            byTopic.computeIfAbsent(topicOf(classified.get(i).join()), topic -> new ArrayList<>()).add(memory.get(i));
        }
        status("classified", out);
        Map<String, CompletableFuture<LlmReply>> summaries = new TreeMap<>();
        byTopic.forEach((topic, entries) -> summaries.put(topic, step(TaskType.SUMMARIZE,
                "Summarize these " + topic + " entries in two sentences:\n- " + String.join("\n- ", entries))));
        StringBuilder digest = new StringBuilder();
        summaries.forEach(
                (topic, summary) -> digest.append(topic).append(": ").append(answer(summary.join())).append('\n'));
        status("summarized", out);
        step(TaskType.REVIEW, "Review this classification of recent memory for mistakes and gaps:\n" + digest).join();
        status("reviewed", out);
        byTopic.forEach((topic, entries) -> out.printf("  %-10s %d entries%n", topic, entries.size()));
        return byTopic;
    }

    private CompletableFuture<LlmReply> step(TaskType task, String prompt) {
        LlmRequest request = new LlmRequest(SchemaVersion.CURRENT, run + "-" + sequence.incrementAndGet(), tenant, null,
                task, List.of(ChatMessage.user(prompt)), null, null, null, null, null, null);
        return client.submit(request).whenComplete((reply, failure) -> {
            if (reply != null) {
                costs.add(reply);
            }
        });
    }

    private void status(String step, PrintStream out) {
        out.printf("Status after %s (%d requests):%n", step, costs.requests());
        costs.print(out);
    }

    static String topicOf(LlmReply reply) {
        String answer = answer(reply).toLowerCase(Locale.ROOT);
        return TOPICS.stream().filter(answer::contains).findFirst().orElse("other");
    }

    private static String answer(LlmReply reply) {
        return reply.status() == LlmReply.Status.SUCCEEDED ? reply.answer() : "(failed: " + reply.error() + ")";
    }

    TierCosts costs() {
        return costs;
    }
}
