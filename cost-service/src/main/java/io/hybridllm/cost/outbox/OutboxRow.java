package io.hybridllm.cost.outbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message decided in a transaction, waiting to be published: a row of {@code outbox}. */
@Entity
@Table(name = "outbox")
public class OutboxRow {

    /** The order messages were decided in, which is the order they are published in. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    /** The message's own id, also inside the payload: consumers skip an id they have seen. */
    @Column(nullable = false, unique = true)
    public String id;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String messageKey;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    public static OutboxRow of(String topic, String key, String id, String payload) {
        OutboxRow row = new OutboxRow();
        row.topic = topic;
        row.messageKey = key;
        row.id = id;
        row.payload = payload;
        return row;
    }
}
