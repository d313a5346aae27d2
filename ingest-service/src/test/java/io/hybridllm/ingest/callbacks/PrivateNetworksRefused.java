package io.hybridllm.ingest.callbacks;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Callbacks as in production: only to public addresses (the other tests' receiver listens on 127.0.0.1). */
public class PrivateNetworksRefused implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("hybrid.ingest.callbacks.allow-private-networks", "false");
    }
}
