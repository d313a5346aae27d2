package io.hybridllm.ingest.callbacks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.ingest.config.IngestConfig;

/**
 * Signs callbacks with the tenant's secret. A tenant's secret is derived from one signing key
 * ({@code HYBRID_CALLBACK_SIGNING_KEY}) and the tenant id,
 * {@code HMAC-SHA256(signing key, "callback-secret:" + tenant)}, so no secret is stored anywhere: the database holds
 * none, and a leaked database signs nothing. The signature is
 * {@code HMAC-SHA256(tenant secret, timestamp + "." + body)}, hex, as {@code X-Hybrid-Signature: sha256=<hex>}.
 */
@ApplicationScoped
public class CallbackSigner {

    public static final String SIGNATURE = "X-Hybrid-Signature";
    public static final String TIMESTAMP = "X-Hybrid-Timestamp";

    private final Optional<byte[]> signingKey;

    public CallbackSigner(IngestConfig config) {
        this.signingKey = config.callbacks().signingKey().filter(key -> !key.isBlank())
                .map(key -> key.getBytes(StandardCharsets.UTF_8));
    }

    public boolean canSign() {
        return signingKey.isPresent();
    }

    /** The secret a tenant verifies its callbacks with; shown only to that tenant (or an admin). */
    public String tenantSecret(String tenant) {
        return HexFormat.of()
                .formatHex(hmac(
                        signingKey.orElseThrow(
                                () -> new IllegalStateException("callbacks are off: set HYBRID_CALLBACK_SIGNING_KEY")),
                        "callback-secret:" + tenant));
    }

    /** The value of {@value #SIGNATURE} for a body sent at {@code timestamp} (epoch seconds). */
    public String signature(String tenant, long timestamp, String body) {
        return "sha256=" + HexFormat.of()
                .formatHex(hmac(tenantSecret(tenant).getBytes(StandardCharsets.UTF_8), timestamp + "." + body));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
