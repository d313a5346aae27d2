package io.hybridllm.cost;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.hybridllm.contracts.Attempt.Outcome;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;

/**
 * Provider calls as workers report them, built fluently: {@code Calls.of("acme", "openai", "gpt-4o").tokens(10, 5)}.
 */
public record Calls(String eventId, String requestId, String tenant, TaskType taskType, Tier tier, String provider,
        String model, TokenUsage usage, BigDecimal reportedCost, Outcome outcome, Instant at) {

    public static Calls of(String tenant, String provider, String model) {
        return new Calls(UUID.randomUUID().toString(), UUID.randomUUID().toString(), tenant, TaskType.CHAT,
                "ollama".equals(provider) ? Tier.LOCAL_FAST : Tier.CLOUD, provider, model, new TokenUsage(100, 50),
                BigDecimal.ZERO, Outcome.SUCCEEDED, Instant.now().truncatedTo(ChronoUnit.MICROS)); // PostgreSQL's
                                                                                                   // precision
    }

    /** A tenant name no other test uses, since topics and the database are shared by every test of the JVM. */
    public static String uniqueTenant(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Calls tokens(int prompt, int completion) {
        return new Calls(eventId, requestId, tenant, taskType, tier, provider, model,
                new TokenUsage(prompt, completion), reportedCost, outcome, at);
    }

    public Calls request(String id) {
        return new Calls(eventId, id, tenant, taskType, tier, provider, model, usage, reportedCost, outcome, at);
    }

    public Calls outcome(Outcome value) {
        return new Calls(eventId, requestId, tenant, taskType, tier, provider, model, usage, reportedCost, value, at);
    }

    public Calls task(TaskType value) {
        return new Calls(eventId, requestId, tenant, value, tier, provider, model, usage, reportedCost, outcome, at);
    }

    public Calls tier(Tier value) {
        return new Calls(eventId, requestId, tenant, taskType, value, provider, model, usage, reportedCost, outcome,
                at);
    }

    public Calls at(Instant value) {
        return new Calls(eventId, requestId, tenant, taskType, tier, provider, model, usage, reportedCost, outcome,
                value);
    }

    public Calls reportedCost(String usd) {
        return new Calls(eventId, requestId, tenant, taskType, tier, provider, model, usage, new BigDecimal(usd),
                outcome, at);
    }

    public UsageEvent event() {
        return new UsageEvent(SchemaVersion.CURRENT, eventId, requestId, tenant, null, taskType, tier, provider, model,
                usage, reportedCost, 120, outcome,
                outcome == Outcome.FAILED ? ErrorInfo.ErrorCode.PROVIDER_ERROR : null, at);
    }

    /** Sends the event to {@code llm.usage}, keyed by tenant as workers do. */
    public Calls sendTo(KafkaProbe kafka) {
        kafka.send(Topics.USAGE, tenant, Json.write(event()));
        return this;
    }
}
