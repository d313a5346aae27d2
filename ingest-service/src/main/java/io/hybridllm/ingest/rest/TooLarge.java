package io.hybridllm.ingest.rest;

/** A body over its size limit: 413. */
public class TooLarge extends RuntimeException {

    public TooLarge(String what, long size, long limit) {
        this(what + " is " + size + " bytes; the limit is " + limit);
    }

    public TooLarge(String message) {
        super(message);
    }

    public static void check(String what, String body, long limit) {
        // Characters, not bytes: cheap, and never more than the bytes of UTF-8, so no body over the limit passes.
        if (body != null && body.length() > limit) {
            throw new TooLarge(what, body.length(), limit);
        }
    }
}
