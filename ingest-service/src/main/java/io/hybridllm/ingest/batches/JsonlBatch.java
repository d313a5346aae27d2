package io.hybridllm.ingest.batches;

import java.util.ArrayList;
import java.util.List;

import io.hybridllm.contracts.http.Submission;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;

/**
 * The native batch format: JSON Lines, one submission per line, in the shape of a {@code POST /v1/requests} body. Blank
 * lines are skipped but counted, so line numbers are an editor's.
 */
public final class JsonlBatch {

    public static List<BatchLine> parse(String body) {
        String[] lines = body.split("\r?\n", -1);
        List<BatchLine> parsed = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                parsed.add(BatchLine.of(i + 1, null, Json.readStrict(lines[i], Submission.class)));
            } catch (InvalidMessageException e) {
                parsed.add(BatchLine.malformed(i + 1, null, e));
            }
        }
        if (parsed.isEmpty()) {
            throw new InvalidMessageException("", "the batch has no lines; send one JSON request per line");
        }
        return parsed;
    }

    /** Lines a body holds, without reading them: to refuse an oversized batch before any work. */
    public static long countLines(String body) {
        return body.chars().filter(c -> c == '\n').count() + 1;
    }

    /** The lines that hold anything: what a batch's requests will be, counted before any line is parsed. */
    public static int countNonBlankLines(CharSequence body) {
        int count = 0;
        boolean blank = true;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n') {
                count += blank ? 0 : 1;
                blank = true;
            } else if (!Character.isWhitespace(c)) {
                blank = false;
            }
        }
        return count + (blank ? 0 : 1);
    }

    private JsonlBatch() {
    }
}
