package io.hybridllm.ingest.rest;

/** An RFC 9457 problem detail, with the offending field where there is one. */
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
