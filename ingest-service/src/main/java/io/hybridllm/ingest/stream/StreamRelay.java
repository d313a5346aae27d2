package io.hybridllm.ingest.stream;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.StreamChunk;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;

/**
 * Relays the pieces of streamed answers from {@value Topics#STREAM} to the clients watching them on this replica. Any
 * replica may hold a client's connection, so each reads every partition: its consumer group is its own
 * ({@code ingest-stream-<instance>}, from the latest offset, committing nothing), not one shared by the replicas. No
 * thread waits for a piece: each is handed to the watches of its request as it is read.
 */
@ApplicationScoped
public class StreamRelay {

    /** The most streams open on one replica; beyond it a streamed request is refused before it is queued. */
    public static final int MAX_WATCHES = 10_000;
    /** The most text one stream shows piece by piece; the rest comes with the reply. As the workers' answer limit. */
    public static final int MAX_SHOWN_CHARS = 4_000_000;

    private static final Logger LOG = Logger.getLogger(StreamRelay.class);

    private final ConcurrentMap<String, Set<StreamWatch>> watches = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    /** A watch of {@code requestId}'s pieces, or empty when this replica has as many streams open as it may. */
    public Optional<StreamWatch> watch(String requestId, StreamEvents events) {
        if (open.incrementAndGet() > MAX_WATCHES) {
            open.decrementAndGet();
            return Optional.empty();
        }
        StreamWatch[] watch = new StreamWatch[1];
        boolean[] removed = new boolean[1];
        watch[0] = new StreamWatch(requestId, events, MAX_SHOWN_CHARS, () -> {
            synchronized (removed) {
                if (removed[0]) {
                    return;
                }
                removed[0] = true;
            }
            open.decrementAndGet();
            watches.computeIfPresent(requestId, (id, set) -> {
                set.remove(watch[0]);
                return set.isEmpty() ? null : set;
            });
        });
        watches.computeIfAbsent(requestId, id -> ConcurrentHashMap.newKeySet()).add(watch[0]);
        return Optional.of(watch[0]);
    }

    /** Streams open on this replica; for tests and metrics. */
    public int open() {
        return open.get();
    }

    @Incoming(Channels.STREAM)
    public void relay(String payload) {
        StreamChunk chunk;
        try {
            chunk = Json.read(payload, StreamChunk.class);
        } catch (InvalidMessageException e) {
            // Only workers write the topic; an unreadable piece is text the client gets with the reply instead.
            LOG.debugf("unreadable stream chunk skipped: %s", e.getMessage());
            return;
        }
        Set<StreamWatch> watching = watches.get(chunk.requestId());
        if (watching != null) {
            watching.forEach(watch -> watch.offer(chunk));
        }
    }
}
