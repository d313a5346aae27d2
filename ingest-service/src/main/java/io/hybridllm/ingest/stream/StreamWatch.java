package io.hybridllm.ingest.stream;

import java.util.ArrayList;
import java.util.List;

import io.hybridllm.contracts.StreamChunk;
import io.hybridllm.contracts.StreamChunk.ToolCallDelta;
import io.hybridllm.ingest.rest.RequestView;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * One client's view of one request's streamed answer. It shows the pieces of one call in order (the attempt and
 * sequence of the first piece it sees, numbered from 0, then each next one), text and tool calls; a piece that does not
 * continue them (a retry, or another attempt after a failure) is not shown. The request's final reply ends the stream:
 * what the pieces did not show yet is sent (the rest of the text as one piece, then the rest of each tool call) when
 * what was shown begins the reply; when it does not, the stream ends with an error naming where the answer is, since
 * what was shown cannot be taken back. Nothing is held beyond {@code maxChars} of shown text and arguments and the
 * frames the client has not read yet, which the same bound limits.
 */
public final class StreamWatch {

    private final String requestId;
    private final StreamEvents events;
    private final Runnable onEnd;
    private final ShownAnswer shown;
    private final List<String> early = new ArrayList<>();
    private MultiEmitter<? super String> emitter;
    private int attempt;
    private int next;
    private boolean diverged;
    private boolean ended;

    StreamWatch(String requestId, StreamEvents events, int maxChars, Runnable onEnd) {
        this.requestId = requestId;
        this.events = events;
        this.shown = new ShownAnswer(maxChars);
        this.onEnd = onEnd;
    }

    public String requestId() {
        return requestId;
    }

    /** The frames, for one subscriber; a client that goes away ends the watch. */
    public Multi<String> frames() {
        return Multi.createFrom().<String> emitter(this::attach, BackPressureStrategy.BUFFER).onTermination()
                .invoke(this::close);
    }

    private synchronized void attach(MultiEmitter<? super String> attached) {
        emitter = attached;
        early.forEach(attached::emit);
        early.clear();
        if (ended) {
            attached.complete();
        }
    }

    synchronized void offer(StreamChunk chunk) {
        if (ended || diverged) {
            return;
        }
        if (attempt == 0) {
            if (chunk.sequence() != 0) {
                // Joined after the call began: its answer comes whole with the reply.
                return;
            }
            attempt = chunk.attempt();
        }
        if (chunk.attempt() != attempt || chunk.sequence() != next || !shown.add(chunk)) {
            diverged = true;
            return;
        }
        next++;
        ToolCallDelta call = chunk.toolCall();
        emit(call == null ? events.piece(chunk.provider(), chunk.model(), chunk.delta())
                : events.toolCall(chunk.provider(), chunk.model(), call.index(), call.id(), call.name(),
                        call.arguments()));
    }

    /** The request's final state, or where it stands when the wait ended. */
    public synchronized void end(RequestView view, String statusUrl) {
        if (ended) {
            return;
        }
        if ("succeeded".equals(view.status())) {
            ShownAnswer.Rest rest = shown.rest(view.answer(), view.toolCalls());
            if (rest == null) {
                finish(events.failed(502, "stream_interrupted",
                        "the call that streamed this answer failed after " + shown.chars()
                                + " characters and the request was answered by another; the whole answer is at "
                                + statusUrl));
                return;
            }
            if (!rest.text().isEmpty()) {
                emit(events.piece(view.provider(), view.model(), rest.text()));
            }
            for (ShownAnswer.CallRest call : rest.toolCalls()) {
                emit(events.toolCall(view.provider(), view.model(), call.index(), call.id(), call.name(),
                        call.arguments()));
            }
            events.succeeded(view).forEach(this::emit);
            finish(null);
        } else if (view.error() != null) {
            finish(events.failed(view));
        } else {
            finish(events.failed(504, "timeout",
                    "no answer in time; request " + requestId + " goes on (" + view.status() + "): poll " + statusUrl));
        }
    }

    /** Ends the stream with an error frame, e.g. when the request's state could not be read. */
    public synchronized void fail(int status, String code, String message) {
        if (!ended) {
            finish(events.failed(status, code, message));
        }
    }

    private void finish(String last) {
        if (last != null) {
            emit(last);
        }
        ended = true;
        if (emitter != null) {
            emitter.complete();
        }
        onEnd.run();
    }

    private void emit(String frame) {
        if (emitter == null) {
            early.add(frame);
        } else {
            emitter.emit(frame);
        }
    }

    /** The client went away, or the stream ended: no more pieces are kept for it. */
    synchronized void close() {
        ended = true;
        early.clear();
        onEnd.run();
    }
}
