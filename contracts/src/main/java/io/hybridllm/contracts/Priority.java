package io.hybridllm.contracts;

/** Interactive work is served before batch work wherever requests wait. */
public enum Priority {
    INTERACTIVE, BATCH
}
