package io.hybridllm.worker.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.pricing.PriceCatalogue;

/**
 * What a handled request publishes: its reply, and the usage event of the provider call, which is absent when no call
 * was made (an expired deadline, a target this worker cannot serve).
 */
public record Publication(LlmReply reply, UsageEvent usage) {

    /** After a call to {@code target} that started {@code at} and took {@code latencyMs}. */
    public static Publication called(RoutedRequest routed, Target target, CallResult result, Instant at, long latencyMs,
            PriceCatalogue prices) {
        return switch (result) {
            case CallResult.Answered answered -> {
                // An unknown model is priced at zero here; the cost service prices usage itself and flags it.
                BigDecimal cost = prices.price(target.provider(), target.model(), answered.usage())
                        .orElse(BigDecimal.ZERO);
                List<Attempt> attempts = withAttempt(routed, target, Attempt.Outcome.SUCCEEDED, null, latencyMs, at);
                yield new Publication(
                        LlmReply.succeeded(routed, target, answered.answer(), answered.usage(), cost, latencyMs,
                                attempts),
                        UsageEvent.forCall(routed, target, answered.usage(), cost, latencyMs, Attempt.Outcome.SUCCEEDED,
                                null));
            }
            case CallResult.Failed failed -> {
                ErrorInfo.ErrorCode code = failed.error().code();
                List<Attempt> attempts = withAttempt(routed, target, Attempt.Outcome.FAILED, code, latencyMs, at);
                yield new Publication(LlmReply.failed(routed, target, failed.error(), latencyMs, attempts),
                        UsageEvent.forCall(routed, target, TokenUsage.NONE, BigDecimal.ZERO, latencyMs,
                                Attempt.Outcome.FAILED, code));
            }
        };
    }

    /** Without a call: a failed reply and nothing to bill. */
    public static Publication notCalled(RoutedRequest routed, Target target, ErrorInfo error) {
        return new Publication(LlmReply.failed(routed, target, error, 0, routed.request().attempts()), null);
    }

    private static List<Attempt> withAttempt(RoutedRequest routed, Target target, Attempt.Outcome outcome,
            ErrorInfo.ErrorCode errorCode, long latencyMs, Instant at) {
        List<Attempt> attempts = new ArrayList<>(routed.request().attempts());
        attempts.add(new Attempt(routed.decision().tier(), target.provider(), target.model(), outcome, errorCode,
                latencyMs, at));
        return attempts;
    }
}
