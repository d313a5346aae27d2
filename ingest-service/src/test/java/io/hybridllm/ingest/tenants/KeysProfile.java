package io.hybridllm.ingest.tenants;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Ingest as in production: tenants need keys, the admin API has a token, limits are small enough to reach. */
public class KeysProfile implements QuarkusTestProfile {

    public static final String ADMIN_TOKEN = "test-admin-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("hybrid.ingest.auth", "keys", "hybrid.admin.token", ADMIN_TOKEN,
                "hybrid.ingest.limits.max-request-bytes", "2048", "hybrid.ingest.limits.max-batch-lines", "20",
                "hybrid.ingest.limits.max-tenant-file-bytes", "4096", "hybrid.ingest.tenant-keys.republish-every",
                "2s");
    }
}
