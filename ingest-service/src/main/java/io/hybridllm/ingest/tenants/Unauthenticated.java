package io.hybridllm.ingest.tenants;

/** No credentials, or credentials that prove nothing: 401. The message never repeats what was sent. */
public class Unauthenticated extends RuntimeException {

    public Unauthenticated(String message) {
        super(message);
    }
}
