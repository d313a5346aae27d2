package io.hybridllm.worker.core;

import java.util.ArrayList;
import java.util.List;

import io.hybridllm.contracts.StreamChunk;
import io.hybridllm.contracts.StreamChunk.ToolCallDelta;
import io.hybridllm.contracts.Target;

/**
 * Where the pieces of one request's streamed answer go, call by call. Each call numbers its pieces from 0 under the
 * request's attempt number, so a reader can tell a continuation from a call that started over. A piece shown to a
 * client cannot be taken back, so on a tier whose answers the quality check may still reject (the local tiers) the
 * pieces of a call are held until its answer is accepted, then published; elsewhere they go out as they come.
 */
final class AnswerStream {

    private final Job job;
    private final StreamPublisher publisher;
    private final boolean held;
    private final List<StreamChunk> waiting = new ArrayList<>();

    private AnswerStream(Job job, StreamPublisher publisher, boolean held) {
        this.job = job;
        this.publisher = publisher;
        this.held = held;
    }

    /** The stream of a request that asked for one, or null when it did not. */
    static AnswerStream of(Job job, StreamPublisher publisher) {
        return job.routed().request().options().stream() ? new AnswerStream(job, publisher, job.tier().isLocal())
                : null;
    }

    /** Where the pieces of the next call go; the pieces held for an earlier call are dropped. */
    AnswerPieces call(Target target) {
        waiting.clear();
        int attempt = job.nextAttempt();
        int[] sequence = { 0 };
        String id = job.routed().id();
        return AnswerPieces.of(text -> {
            // A backend that cannot stream hands its answer over whole: split like a streamed one.
            for (int start = 0; start < text.length(); start += StreamChunk.MAX_DELTA_CHARS) {
                send(new StreamChunk(id, attempt, sequence[0]++, target,
                        text.substring(start, Math.min(text.length(), start + StreamChunk.MAX_DELTA_CHARS))));
            }
        }, (ToolCallDelta call) -> send(new StreamChunk(id, attempt, sequence[0]++, target, call)));
    }

    private void send(StreamChunk chunk) {
        if (held) {
            // Bounded by the call's answer limit (StreamLimits): the reader stops there.
            waiting.add(chunk);
        } else {
            publisher.publish(chunk, job.routed().request().replyTopics());
        }
    }

    /** The last call's answer is the reply: what was held goes out. */
    void accepted() {
        waiting.forEach(chunk -> publisher.publish(chunk, job.routed().request().replyTopics()));
        waiting.clear();
    }
}
