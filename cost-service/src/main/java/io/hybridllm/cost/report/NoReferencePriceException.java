package io.hybridllm.cost.report;

/** The savings report's reference model cannot be priced: a setting to fix, named in the message. */
public class NoReferencePriceException extends RuntimeException {

    public NoReferencePriceException(String message) {
        super(message);
    }
}
