package io.hybridllm.ingest.batches;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Priority;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.http.Submission;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.ingest.messaging.Submissions;
import io.hybridllm.ingest.requests.Intake;
import io.hybridllm.ingest.requests.RequestStore;
import io.hybridllm.ingest.rest.SubmissionRules;
import io.hybridllm.ingest.tenants.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Accepts a batch as one durable step: the batch, an item per line and a request per good line are written, every
 * request is sent and acknowledged by Kafka, and only then is it all committed. A malformed line becomes an item with
 * its reason; the other lines run. Requests of a batch have the batch id as job id (unless a line names one) and batch
 * priority (unless a line gives hints).
 */
@ApplicationScoped
public class BatchIntake {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SubmissionRules rules;
    private final RequestStore store;
    private final Submissions submissions;
    private final EntityManager entityManager;
    private final MeterRegistry metrics;

    public BatchIntake(SubmissionRules rules, RequestStore store, Submissions submissions, EntityManager entityManager,
            MeterRegistry metrics) {
        this.rules = rules;
        this.store = store;
        this.submissions = submissions;
        this.entityManager = entityManager;
        this.metrics = metrics;
    }

    public static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "batch_"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('-', 'x').replace('_', 'y');
    }

    /** Stores and queues the batch; {@code openai} is what the OpenAI Batch API keeps about it, else null. */
    public BatchRecord accept(String id, Caller caller, String tenant, String source, List<BatchLine> lines,
            String openai) {
        List<BatchLine> items = new ArrayList<>();
        List<LlmRequest> requests = new ArrayList<>();
        for (BatchLine line : lines) {
            if (line.isMalformed()) {
                items.add(line);
                continue;
            }
            try {
                LlmRequest request = asRequest(id, rules.check(line.submission(), caller));
                requests.add(request);
                items.add(line);
            } catch (InvalidMessageException e) {
                items.add(BatchLine.malformed(line.line(), line.customId(), e));
            }
        }
        BatchRecord batch = QuarkusTransaction.requiringNew().call(() -> {
            BatchRecord record = new BatchRecord();
            record.id = id;
            record.tenant = tenant;
            record.source = source;
            record.total = lines.size();
            record.accepted = requests.size();
            record.openai = openai;
            record.createdAt = Instant.now();
            record.persist();
            entityManager.flush();
            int next = 0;
            for (BatchLine item : items) {
                String requestId = item.isMalformed() ? null : requests.get(next++).id();
                insertItem(id, item, requestId);
            }
            store.recordSubmitted(requests, "batch");
            try {
                submissions.sendAllAndAwait(requests);
            } catch (RuntimeException e) {
                throw new Intake.EnqueueFailedException("batch", e);
            }
            return record;
        });
        metrics.counter("hybrid.ingest.submitted", "source", "batch", "replayed", "false").increment(requests.size());
        return batch;
    }

    private LlmRequest asRequest(String batchId, Submission submission) {
        Submission inBatch = new Submission(submission.tenant(),
                submission.jobId() == null ? batchId : submission.jobId(), submission.taskType(), submission.messages(),
                submission.options(),
                submission.hints() == null ? new RequestHints(null, null, false, null, Priority.BATCH, null, null)
                        : submission.hints(),
                submission.replyTo(), submission.callbackUrl());
        return inBatch.toRequest(UUID.randomUUID().toString());
    }

    private void insertItem(String batchId, BatchLine item, String requestId) {
        entityManager.createNativeQuery("""
                insert into batch_item (batch_id, line, request_id, custom_id, error_field, error)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                """).setParameter(1, batchId).setParameter(2, item.line()).setParameter(3, requestId)
                .setParameter(4, item.customId()).setParameter(5, item.isMalformed() ? item.error().field() : null)
                .setParameter(6, item.isMalformed() ? item.error().getMessage() : null).executeUpdate();
    }
}
