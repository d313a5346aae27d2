package io.hybridllm.worker.core;

import java.util.List;

import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.UsageEvent;

/**
 * What a handled request publishes: its reply, or its escalation to the next tier, and one usage event per provider
 * call made for it (none when no call was made, e.g. an expired deadline).
 */
public record Publication(LlmReply reply, RoutedRequest escalation, List<UsageEvent> usage) {

    public Publication {
        if ((reply == null) == (escalation == null)) {
            throw new IllegalArgumentException("a publication is either a reply or an escalation");
        }
        usage = List.copyOf(usage);
    }

    public static Publication reply(LlmReply reply, List<UsageEvent> usage) {
        return new Publication(reply, null, usage);
    }

    public static Publication escalation(RoutedRequest escalation, List<UsageEvent> usage) {
        return new Publication(null, escalation, usage);
    }
}
