package io.hybridllm.worker.core;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.TracingMetadata;

/**
 * The trace a request travels in, carried across this worker's threads. The Kafka connector starts a span for each
 * record it delivers and puts it in the record's metadata; the answer runs on a virtual thread of its own, so the
 * context is taken from the record, made current there, and stamped on every record published for the request.
 */
final class TraceContext {

    private static final String TRACE_ID = "traceId";
    private static final String SPAN_ID = "spanId";

    private TraceContext() {
    }

    /**
     * {@code task}, to run on another thread in the trace of {@code record}: the context of the span the connector
     * started for it is current there, and the log lines written meanwhile name its trace ({@code traceId} in the MDC,
     * as Quarkus sets it on its own threads).
     */
    static Runnable within(Message<?> record, Runnable task) {
        Context context = TracingMetadata.fromMessage(record).map(TracingMetadata::getCurrentContext)
                .orElseGet(Context::current);
        SpanContext span = Span.fromContext(context).getSpanContext();
        return () -> {
            try (Scope scope = context.makeCurrent()) {
                if (span.isValid()) {
                    MDC.put(TRACE_ID, span.getTraceId());
                    MDC.put(SPAN_ID, span.getSpanId());
                }
                task.run();
            } finally {
                MDC.remove(TRACE_ID);
                MDC.remove(SPAN_ID);
            }
        };
    }

    /** {@code outgoing}, published as a child of the current context (the connector reads it from the metadata). */
    static <T> Message<T> continued(Message<T> outgoing) {
        return outgoing.addMetadata(TracingMetadata.withCurrent(Context.current()));
    }
}
