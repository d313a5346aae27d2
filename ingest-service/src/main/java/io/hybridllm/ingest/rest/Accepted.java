package io.hybridllm.ingest.rest;

/** The answer to an accepted submission: where to poll for the result. */
public record Accepted(String id, String status, String statusUrl) {
}
