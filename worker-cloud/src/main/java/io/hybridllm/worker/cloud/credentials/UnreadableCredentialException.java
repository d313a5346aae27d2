package io.hybridllm.worker.cloud.credentials;

/** A stored key that does not decrypt: the message names the key by id and says why, never a byte of it. */
public class UnreadableCredentialException extends RuntimeException {

    public UnreadableCredentialException(String message) {
        super(message);
    }
}
