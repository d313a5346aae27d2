package io.hybridllm.ingest.batches;

import io.hybridllm.contracts.http.Submission;
import io.hybridllm.contracts.json.InvalidMessageException;

/**
 * One line of a batch's input, read: a submission (with the client's own id for it, in the OpenAI format), or why the
 * line is not one.
 *
 * @param line
 *            1-based, as an editor counts
 */
public record BatchLine(int line, String customId, Submission submission, InvalidMessageException error) {

    public static BatchLine of(int line, String customId, Submission submission) {
        return new BatchLine(line, customId, submission, null);
    }

    public static BatchLine malformed(int line, String customId, InvalidMessageException error) {
        return new BatchLine(line, customId, null, error);
    }

    public boolean isMalformed() {
        return error != null;
    }
}
