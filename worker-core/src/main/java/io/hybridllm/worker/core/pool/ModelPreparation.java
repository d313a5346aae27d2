package io.hybridllm.worker.core.pool;

import java.io.IOException;

/**
 * What a backend that loads models itself (Ollama) can do beyond answering: fetch a model it lacks, and load one into
 * GPU memory ahead of the first request, so that nobody waits for either.
 */
public interface ModelPreparation {

    /** Fetches {@code model}; returns once the backend has it. */
    void pull(String model) throws IOException, InterruptedException;

    /** Loads {@code model} and keeps it loaded for a while. */
    void warmUp(String model) throws IOException, InterruptedException;
}
