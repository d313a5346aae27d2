package io.hybridllm.ingest.rest;

import java.time.Instant;

import io.hybridllm.contracts.CallStarted;
import io.hybridllm.contracts.Tier;

/** The model call under way for a running request, as its worker announced it. */
public record RunningCall(Tier tier, String provider, String model, String worker, int attempt, Instant startedAt) {

    static RunningCall of(CallStarted call) {
        return new RunningCall(call.tier(), call.provider(), call.model(), call.worker(), call.attempt(), call.at());
    }
}
