package io.hybridllm.ingest.requests;

/** Where a request stands, as a client polling it sees. */
public enum RequestStatus {
    QUEUED, SUCCEEDED, FAILED;

    public boolean isFinal() {
        return this != QUEUED;
    }
}
