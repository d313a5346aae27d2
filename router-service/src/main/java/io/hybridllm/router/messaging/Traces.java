package io.hybridllm.router.messaging;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.TracingMetadata;

/**
 * Keeps a request's trace across the router: what is published for a request continues the span the Kafka connector
 * started when it delivered the request. A message built with {@code withPayload} keeps it by itself; one built anew (a
 * held request released later, a failed reply) takes it from the request's record.
 */
final class Traces {

    private Traces() {
    }

    static <T> Message<T> continuing(Message<?> incoming, Message<T> outgoing) {
        return TracingMetadata.fromMessage(incoming).map(outgoing::addMetadata).orElse(outgoing);
    }
}
