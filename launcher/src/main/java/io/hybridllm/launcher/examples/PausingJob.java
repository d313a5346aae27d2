package io.hybridllm.launcher.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.hybridllm.contracts.Alert;
import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.jobs.JobAlerts;
import io.hybridllm.jobs.JobClient;

/**
 * A job that stops submitting while its tenant is paused by a budget, and goes on once the pause is lifted: the job
 * client holds each submission while {@link JobAlerts} says the tenant is paused; the alerts are printed as they come.
 */
public final class PausingJob {

    private PausingJob() {
    }

    /** Submits {@code requests} requests, one every {@code pace}; the replies. */
    public static List<LlmReply> run(JobClient client, JobAlerts alerts, String tenant, int requests, Duration pace,
            PrintStream out) throws InterruptedException {
        client.pauseWith(alerts);
        List<CompletableFuture<LlmReply>> replies = new java.util.ArrayList<>();
        for (int i = 1; i <= requests; i++) {
            if (alerts.paused()) {
                out.println("tenant " + tenant + " is paused by its budget: waiting before request " + i);
            }
            replies.add(client.submit(new LlmRequest(SchemaVersion.CURRENT, "paused-job-" + i, tenant, null, null,
                    List.of(ChatMessage.user("What is " + i + "+1?")), null, null, null, null, null, null)));
            out.println("submitted request " + i);
            Thread.sleep(pace.toMillis());
        }
        return replies.stream().map(CompletableFuture::join).toList();
    }

    /** How the example shows an alert of its tenant. */
    public static void print(Alert alert, PrintStream out) {
        switch (alert) {
            case Alert.Budget budget -> out.printf("alert: budget %s of tenant %s (%s, %d%%)%n", budget.level(),
                    budget.tenant(), budget.period(), budget.percent());
            case Alert.ProviderOutage outage ->
                    out.printf("alert: provider %s is out since %s%n", outage.provider(), outage.since());
            case Alert.ProviderRecovered recovered ->
                    out.printf("alert: provider %s recovered%n", recovered.provider());
        }
    }
}
