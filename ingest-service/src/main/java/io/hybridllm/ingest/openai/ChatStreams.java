package io.hybridllm.ingest.openai;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestMulti;

import io.hybridllm.ingest.rest.RequestViews;
import io.hybridllm.ingest.stream.StreamRelay;
import io.hybridllm.ingest.stream.StreamWatch;
import io.hybridllm.ingest.tenants.Caller;

/**
 * Streamed answers as {@code text/event-stream} responses (the resource method produces them, its events' data as text:
 * see {@link ChatResource}): a watch opened before the request is queued (so that no piece comes before it), the pieces
 * as they are relayed, and the end when the request's final state is recorded. No thread waits for either.
 */
@ApplicationScoped
public class ChatStreams {

    private static final Logger LOG = Logger.getLogger(ChatStreams.class);

    private final StreamRelay relay;
    private final RequestViews views;

    public ChatStreams(StreamRelay relay, RequestViews views) {
        this.relay = relay;
        this.views = views;
    }

    /** A watch of the request to be; refused with 503 when this replica has as many streams open as it may. */
    public StreamWatch open(String requestId, boolean includeUsage) {
        return relay.watch(requestId, new ChunkEvents(requestId, includeUsage))
                .orElseThrow(() -> OpenAiError.failure(503, "too_many_streams", "this gateway replica has "
                        + StreamRelay.MAX_WATCHES + " streams open; retry shortly, or ask without stream", null));
    }

    /** Ends {@code watch} with the request's final state, or at {@code wait}. */
    public void end(StreamWatch watch, Caller caller, Duration wait, String statusUrl) {
        String id = watch.requestId();
        views.awaitFinal(id, caller, wait).subscribe().with(view -> watch.end(view, statusUrl), failure -> {
            LOG.warnf("stream of request %s ends without its reply: %s", id, failure.getMessage());
            watch.fail(500, "internal", "the state of request " + id + " could not be read: poll " + statusUrl);
        });
    }

    /** The response relaying {@code watch} as server-sent events, ended as {@link #end} ends it. */
    public RestMulti<String> relay(StreamWatch watch) {
        return RestMulti.fromMultiData(watch.frames()).status(200).header("Cache-Control", "no-cache")
                .header(ChatResource.REQUEST_ID, watch.requestId()).build();
    }
}
