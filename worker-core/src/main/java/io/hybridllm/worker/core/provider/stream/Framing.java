package io.hybridllm.worker.core.provider.stream;

import java.io.IOException;
import java.io.InputStream;

import io.hybridllm.contracts.ErrorInfo.ErrorCode;

/** How a stream's events are framed: server-sent events (the cloud APIs) or one JSON object a line (Ollama). */
public enum Framing {
    SSE, NDJSON;

    /** One event: its SSE {@code event:} name (null when none, and always for NDJSON) and its data. */
    record Event(String name, String data) {
    }

    /** Reads events one by one from a stream. */
    final class Events {

        private final BoundedLines lines;
        private final int maxEventChars;

        Events(InputStream in, StreamLimits limits) {
            this.lines = new BoundedLines(in, limits.maxLineBytes());
            this.maxEventChars = limits.maxEventChars();
        }

        /** The next event, or null at the end of the stream. */
        Event next() throws IOException, StreamException {
            return Framing.this == NDJSON ? nextLine() : nextSse();
        }

        private Event nextLine() throws IOException, StreamException {
            String line;
            do {
                line = lines.next();
            } while (line != null && line.isBlank());
            return line == null ? null : new Event(null, line);
        }

        /** Data lines join with LF; a blank line ends the event; comments (":") and ids are skipped. */
        private Event nextSse() throws IOException, StreamException {
            String name = null;
            StringBuilder data = null;
            while (true) {
                String line = lines.next();
                if (line == null || line.isEmpty()) {
                    if (data != null) {
                        return new Event(name, data.toString());
                    }
                    if (line == null) {
                        return null;
                    }
                    name = null;
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                value = value.startsWith(" ") ? value.substring(1) : value;
                if (field.equals("event")) {
                    name = value;
                } else if (field.equals("data")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    if (data.length() + value.length() > maxEventChars) {
                        throw new StreamException(ErrorCode.PROVIDER_ERROR,
                                "the stream sent an event longer than " + maxEventChars + " characters");
                    }
                    data.append(value);
                }
            }
        }
    }

    Events events(InputStream in, StreamLimits limits) {
        return new Events(in, limits);
    }
}
