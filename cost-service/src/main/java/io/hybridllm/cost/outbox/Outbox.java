package io.hybridllm.cost.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Writes messages to publish later, in the caller's transaction: a message exists exactly when the decision it
 * announces was committed, and a rolled-back or redelivered decision leaves nothing behind.
 */
@ApplicationScoped
public class Outbox {

    /** Fired in the writing transaction; the publisher wakes once it commits. */
    public record Appended() {
    }

    private final EntityManager entityManager;
    private final Event<Appended> appended;

    public Outbox(EntityManager entityManager, Event<Appended> appended) {
        this.entityManager = entityManager;
        this.appended = appended;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String key, String id, String payload) {
        entityManager.persist(OutboxRow.of(topic, key, id, payload));
        appended.fire(new Appended());
    }
}
