package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

/** A provider, and optionally the model on it, that may serve a request. */
public record Target(String provider, String model) {

    public Target {
        require(provider != null && !provider.isBlank(), "provider", "is required");
    }
}
