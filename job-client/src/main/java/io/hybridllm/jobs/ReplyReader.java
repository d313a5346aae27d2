package io.hybridllm.jobs;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;

import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;

/**
 * Reads the job's reply topic on a thread of its own and hands each reply on; commits a poll's offsets only after its
 * replies were handed on, so a client that crashes reads them again rather than losing them.
 */
final class ReplyReader implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ReplyReader.class.getName());
    private static final Duration POLL = Duration.ofMillis(200);

    private final org.apache.kafka.clients.consumer.Consumer<String, String> consumer;
    private final String topic;
    private final Consumer<LlmReply> replies;
    private final Consumer<RuntimeException> fatal;
    private final AtomicLong malformed = new AtomicLong();
    private volatile boolean running = true;
    private Thread thread;

    ReplyReader(org.apache.kafka.clients.consumer.Consumer<String, String> consumer, String topic,
            Consumer<LlmReply> replies, Consumer<RuntimeException> fatal) {
        this.consumer = consumer;
        this.topic = topic;
        this.replies = replies;
        this.fatal = fatal;
    }

    void start() {
        thread = Thread.ofPlatform().name("job-client-replies").daemon().start(this::run);
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                for (ConsumerRecord<String, String> record : records) {
                    handle(record);
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poll: nothing to do but stop.
        } catch (KafkaException e) {
            // Not retried by the consumer itself (e.g. not authorised to read the topic): no reply can come.
            fatal.accept(new JobClientException("cannot read replies from " + topic + ": " + e, e));
        } finally {
            consumer.close();
        }
    }

    private void handle(ConsumerRecord<String, String> record) {
        try {
            replies.accept(Json.read(record.value(), LlmReply.class));
        } catch (InvalidMessageException e) {
            malformed.incrementAndGet();
            LOG.log(Level.WARNING, "skipped a record on {0} (partition {1}, offset {2}) that is no reply: {3}", topic,
                    record.partition(), record.offset(), e.getMessage());
        }
    }

    long malformed() {
        return malformed.get();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
