package io.hybridllm.contracts.json;

/** Validation inside record constructors, naming the offending field by its JSON name. */
public final class Check {

    public static void require(boolean condition, String field, String reason) {
        if (!condition) {
            throw new InvalidMessageException(field, reason);
        }
    }

    private Check() {
    }
}
