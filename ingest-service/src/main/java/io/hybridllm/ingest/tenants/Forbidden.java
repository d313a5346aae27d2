package io.hybridllm.ingest.tenants;

/** A feature that is switched off on this server, such as the admin API without an admin token: 403. */
public class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message);
    }
}
