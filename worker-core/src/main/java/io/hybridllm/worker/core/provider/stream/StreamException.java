package io.hybridllm.worker.core.provider.stream;

import io.hybridllm.contracts.ErrorInfo.ErrorCode;

/** A stream that cannot be read on: malformed, oversized, or ended by the provider with an error. */
public final class StreamException extends Exception {

    private final ErrorCode code;

    public StreamException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
