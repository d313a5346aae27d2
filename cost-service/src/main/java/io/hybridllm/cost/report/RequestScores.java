package io.hybridllm.cost.report;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.json.Json;

/** The score of each answered request, kept once (the first reply wins; a redelivery changes nothing). */
@ApplicationScoped
public class RequestScores {

    private final EntityManager entityManager;

    public RequestScores(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    private static final String INSERT = """
            insert into request_score (request_id, score, tier, completed_at, quality_score) values (?, ?, ?, ?, ?)
            on conflict (request_id) do nothing""";

    /**
     * Keeps the replies' scores, in one transaction and one round trip. A reply without a routing decision (refused
     * before routing) has no score to keep.
     */
    @Transactional
    public void keep(List<LlmReply> replies) {
        List<LlmReply> scored = replies.stream().filter(reply -> reply.decision() != null).toList();
        if (scored.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (LlmReply reply : scored) {
                    insert.setString(1, reply.requestId());
                    insert.setDouble(2, Math.clamp(reply.decision().score(), 0.0, 1.0));
                    insert.setString(3, Json.wireName(reply.decision().tier()));
                    insert.setObject(4, reply.completedAt().atOffset(ZoneOffset.UTC));
                    insert.setObject(5, reply.qualityScore(), Types.DOUBLE);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
