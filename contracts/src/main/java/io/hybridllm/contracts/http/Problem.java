package io.hybridllm.contracts.http;

import io.hybridllm.contracts.json.InvalidMessageException;

/**
 * An RFC 9457 problem document, as every service's HTTP API answers errors, with the offending field or parameter in
 * {@code field} where there is one. Types are URNs of the form {@code urn:hybrid-llm:problem:<name>}.
 */
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(String name, String title, int status, String detail) {
        return new Problem("urn:hybrid-llm:problem:" + name, title, status, detail, null);
    }

    /** A 400 naming what was wrong in a body ({@code invalid-request}) or a query parameter. */
    public static Problem invalid(String name, String title, InvalidMessageException e) {
        return new Problem("urn:hybrid-llm:problem:" + name, title, 400, e.getMessage(), e.field());
    }
}
