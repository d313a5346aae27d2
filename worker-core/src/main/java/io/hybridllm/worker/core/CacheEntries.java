package io.hybridllm.worker.core;

import java.util.Optional;

import io.hybridllm.contracts.CacheEntry;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutingDecision;

/**
 * Which replies become response cache entries: a succeeded reply to a request whose decision asked for caching, unless
 * its answer is one kept only because nowhere was left to go (scored below the decision's quality threshold). The entry
 * travels with the reply, in the same before-acknowledgement discipline: the request is committed only once Kafka has
 * both, so a crash between them redelivers the request rather than lose the entry.
 */
final class CacheEntries {

    private CacheEntries() {
    }

    static Optional<CacheEntry> of(Publication publication) {
        LlmReply reply = publication.reply();
        RoutingDecision decision = reply == null ? null : reply.decision();
        if (decision == null || decision.caching() == null || reply.status() != LlmReply.Status.SUCCEEDED
                || reply.tenant() == null || reply.provider() == null) {
            return Optional.empty();
        }
        if (reply.qualityScore() != null && reply.qualityScore() < decision.escalation().qualityThreshold()) {
            return Optional.empty();
        }
        return Optional.of(CacheEntry.of(reply, decision.caching()));
    }
}
