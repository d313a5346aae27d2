package io.hybridllm.cost.report;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.json.Json;

/** The score of each answered request, kept once (the first reply wins; a redelivery changes nothing). */
@ApplicationScoped
public class RequestScores {

    private final EntityManager entityManager;

    public RequestScores(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Keeps the replies' scores, in one transaction. */
    @Transactional
    public void keep(List<LlmReply> replies) {
        replies.forEach(this::keep);
    }

    /** A reply without a routing decision (refused before routing) has no score to keep. */
    private void keep(LlmReply reply) {
        if (reply.decision() == null) {
            return;
        }
        // The quality column only when there is one: a null parameter would leave its SQL type to guesswork.
        boolean quality = reply.qualityScore() != null;
        var insert = entityManager
                .createNativeQuery("insert into request_score (request_id, score, tier, completed_at"
                        + (quality ? ", quality_score" : "") + ") values (:request, :score, :tier, :at"
                        + (quality ? ", :quality" : "") + ") on conflict (request_id) do nothing")
                .setParameter("request", reply.requestId())
                .setParameter("score", Math.clamp(reply.decision().score(), 0.0, 1.0))
                .setParameter("tier", Json.wireName(reply.decision().tier())).setParameter("at", reply.completedAt());
        if (quality) {
            insert.setParameter("quality", reply.qualityScore());
        }
        insert.executeUpdate();
    }
}
