package io.hybridllm.worker.core.provider.stream;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.worker.core.AnswerPieces;
import io.hybridllm.worker.core.CallResult;

/**
 * Reads a 2xx streamed answer to its end: event by event, each piece of text handed to {@code pieces} as it arrives,
 * within the {@link StreamLimits}. A stream that ends before the provider said the answer was complete is a failed
 * call, not a short answer. I/O failures are the caller's to report (it knows the provider, key and timeout).
 */
public final class StreamedCall {

    private StreamedCall() {
    }

    public static CallResult read(InputStream body, Framing framing, StreamReader reader, String provider,
            StreamLimits limits, AnswerPieces pieces) throws IOException {
        StreamedAnswer answer = new StreamedAnswer(provider, limits.maxAnswerChars(), pieces);
        Framing.Events events = framing.events(body, limits);
        try {
            Framing.Event event;
            while ((event = events.next()) != null) {
                if (!readOne(event, reader, answer)) {
                    return answer.result();
                }
            }
        } catch (StreamException e) {
            return new CallResult.Failed(new ErrorInfo(e.code(), e.getMessage()));
        }
        if (!answer.isFinished()) {
            return new CallResult.Failed(new ErrorInfo(ErrorCode.PROVIDER_ERROR,
                    provider + "'s stream ended before the answer was complete"));
        }
        return answer.result();
    }

    private static boolean readOne(Framing.Event event, StreamReader reader, StreamedAnswer answer)
            throws StreamException {
        String data = event.data().strip();
        if (!data.startsWith("{")) {
            return reader.readText(data, answer);
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(data);
        } catch (JsonProcessingException e) {
            throw new StreamException(ErrorCode.PROVIDER_ERROR,
                    "the stream sent an event that is not valid JSON: " + StreamReader.snippet(data));
        }
        return reader.read(event.name(), root, answer);
    }
}
