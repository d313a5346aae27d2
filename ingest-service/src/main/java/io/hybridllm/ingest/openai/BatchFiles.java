package io.hybridllm.ingest.openai;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.batches.BatchProgress;
import io.hybridllm.ingest.batches.BatchRecord;
import io.hybridllm.ingest.batches.Batches;
import io.hybridllm.ingest.requests.RequestStatus;
import io.hybridllm.ingest.tenants.Caller;

/**
 * A batch's output and error files, in the OpenAI Batch API's format: one line per request, in input order. They are
 * not stored but written from the batch's requests whenever they are read: {@code file-<batch id>-output} holds the
 * succeeded requests, {@code file-<batch id>-errors} the others and the malformed lines.
 */
@ApplicationScoped
public class BatchFiles {

    private static final String OUTPUT = "-output";
    private static final String ERRORS = "-errors";

    /** A line of an output or error file. */
    record Line(String id, String customId, Response response, Map<String, String> error) {
    }

    record Response(int statusCode, String requestId, Object body) {
    }

    private final Batches batches;

    public BatchFiles(Batches batches) {
        this.batches = batches;
    }

    static String outputId(String batchId) {
        return "file-" + batchId + OUTPUT;
    }

    static String errorsId(String batchId) {
        return "file-" + batchId + ERRORS;
    }

    /** The batch whose file this is, if {@code fileId} names one the caller may see. */
    Optional<BatchRecord> batchOf(String fileId, Caller caller) {
        if (!fileId.startsWith("file-batch_") || !(fileId.endsWith(OUTPUT) || fileId.endsWith(ERRORS))) {
            return Optional.empty();
        }
        String batchId = fileId.substring("file-".length(), fileId.lastIndexOf('-'));
        try {
            return Optional.of(batches.find(batchId, caller));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    void write(String fileId, BatchRecord batch, OutputStream out) throws IOException {
        boolean output = fileId.endsWith(OUTPUT);
        batches.writeLines(batch.id, out, item -> {
            boolean succeeded = "succeeded".equals(item.status());
            return output == succeeded ? Json.write(line(item)) : null;
        });
    }

    FileObject describe(String fileId, BatchRecord batch) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        try {
            write(fileId, batch, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return FileObject.of(fileId, content.size(), batch.createdAt.getEpochSecond(),
                batch.id + (fileId.endsWith(OUTPUT) ? "_output.jsonl" : "_errors.jsonl"), "batch_output");
    }

    private static Line line(BatchProgress.Item item) {
        if (item.requestId() == null) {
            return new Line("batch_req_line_" + item.line(), item.customId(), null,
                    Map.of("code", "invalid_request", "message", item.error()));
        }
        String id = "batch_req_" + item.requestId();
        if (item.reply() == null) {
            ErrorInfo ending = RequestStatus.valueOf(item.status().toUpperCase(Locale.ROOT)).endingError();
            ErrorInfo error = ending != null ? ending
                    : new ErrorInfo(ErrorInfo.ErrorCode.INTERNAL, "not answered: " + item.status());
            return failed(id, item, error);
        }
        LlmReply reply = Json.read(item.reply(), LlmReply.class);
        if (reply.status() == LlmReply.Status.SUCCEEDED && "succeeded".equals(item.status())) {
            return new Line(id, item.customId(), new Response(200, item.requestId(), ChatCompletion.of(reply)), null);
        }
        return failed(id, item, reply.error() != null ? reply.error() : RequestStatus.CANCELLED.endingError());
    }

    private static Line failed(String id, BatchProgress.Item item, ErrorInfo error) {
        OpenAiError.Failure failure = ReplyErrors.failure(error, item.requestId());
        return new Line(id, item.customId(),
                new Response(failure.response().getStatus(), item.requestId(), failure.response().getEntity()), null);
    }
}
