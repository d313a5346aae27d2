package io.hybridllm.ingest.http;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

import io.hybridllm.ingest.config.IngestConfig;
import io.hybridllm.ingest.feedback.FeedbackReader;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * The largest body each route takes, known from its method and path alone, so that it can be checked before the body is
 * read and before any key is looked up. Batches and files get their own limits, feedback a small one; every other route
 * the one of a single request. Room for multipart framing is added to the file limit (the file itself is checked after
 * upload).
 */
// Built at startup, so that a limit above the global one stops the service rather than its first request.
@Startup
@ApplicationScoped
public class BodyLimits {

    static final String GLOBAL_KEY = "quarkus.http.limits.max-body-size";
    /** Multipart boundaries, part headers and the {@code purpose} field around an uploaded file. */
    static final long MULTIPART_FRAMING = 64 * 1024;

    private final IngestConfig config;

    public BodyLimits(IngestConfig config) {
        this.config = config;
        long global = ConfigProvider.getConfig().getOptionalValue(GLOBAL_KEY, MemorySize.class)
                .map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        check("hybrid.ingest.limits.max-batch-bytes", config.limits().maxBatchBytes(), global);
        check("hybrid.ingest.limits.max-file-bytes", config.limits().maxFileBytes() + MULTIPART_FRAMING, global);
        check("hybrid.ingest.limits.max-request-bytes", config.limits().maxRequestBytes(), global);
    }

    private static void check(String key, long limit, long global) {
        if (limit > global) {
            throw new IllegalStateException(
                    "application.properties: " + key + " (" + limit + " bytes) is refused: it is" + " above "
                            + GLOBAL_KEY + " (" + global + " bytes), which would cut such bodies off first");
        }
    }

    /** The limit of a body sent with {@code method} to {@code path}. */
    public long of(String method, String path) {
        if (!"POST".equals(method) && !"PUT".equals(method) && !"PATCH".equals(method)) {
            return config.limits().maxRequestBytes();
        }
        if (path.equals("/v1/request-batches") || path.equals("/v1/request-batches/")) {
            return config.limits().maxBatchBytes();
        }
        if (path.equals("/v1/files") || path.equals("/v1/files/")) {
            return config.limits().maxFileBytes() + MULTIPART_FRAMING;
        }
        if (path.startsWith("/v1/requests/") && (path.endsWith("/feedback") || path.endsWith("/feedback/"))) {
            return Math.min(FeedbackReader.MAX_BYTES, config.limits().maxRequestBytes());
        }
        return config.limits().maxRequestBytes();
    }

    /** Whether a body of unknown length may stream in up to the global limit, the route's limit checked after. */
    public boolean takesUnknownLength(String method, String path) {
        return of(method, path) > config.limits().maxRequestBytes();
    }
}
