package io.hybridllm.ingest.requests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.hybridllm.contracts.http.Submission;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;

/**
 * Remembers which request each {@code Idempotency-Key} created, per tenant, with a hash of the submission it came with.
 * The claim is an insert into a table whose primary key is (tenant, key), so two concurrent submits with one key
 * serialise on the database: the second waits for the first to commit (or roll back) and then sees its request.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** Printable ASCII, as the IETF draft on the header expects of a key; 255 characters fit a UUID or a hash. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    /** Map entries sorted, so that equal submissions hash alike whatever order a hash map iterates in. */
    private static final ObjectWriter CANONICAL = Json.mapper().writer()
            .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final EntityManager entityManager;

    public IdempotencyKeys(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public static void validate(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new InvalidMessageException("Idempotency-Key", "must be 1-255 printable ASCII characters");
        }
    }

    /** The hash that identifies a submission: the same JSON, however it was spaced or ordered, hashes the same. */
    public static String fingerprint(Submission submission) {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(submission).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a submission", e);
        }
    }

    /**
     * Claims {@code key} for a new request, inside the caller's transaction. Empty when the claim is new; the earlier
     * request's id when the same submission was made with this key before.
     *
     * @throws KeyReusedException
     *             when the key was used with a different submission
     */
    public Optional<String> claim(String tenant, String key, String fingerprint, String requestId) {
        int inserted = entityManager.createNativeQuery("""
                insert into idempotency_key (tenant, key, body_sha256, request_id) values (?1, ?2, ?3, ?4)
                on conflict (tenant, key) do nothing
                """).setParameter(1, tenant).setParameter(2, key).setParameter(3, fingerprint)
                .setParameter(4, requestId).executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select body_sha256, request_id from idempotency_key where tenant = ?1 and key = ?2")
                .setParameter(1, tenant).setParameter(2, key).getResultList();
        Object[] earlier = rows.getFirst();
        if (!fingerprint.equals(earlier[0])) {
            throw new KeyReusedException((String) earlier[1]);
        }
        return Optional.of((String) earlier[1]);
    }

    /** The key was used before for a different body; the client's retry logic has a bug, or two clients share keys. */
    public static class KeyReusedException extends RuntimeException {
        private final String requestId;

        KeyReusedException(String requestId) {
            super("this Idempotency-Key was used before with a different body (request " + requestId
                    + "); use a new key for a new request");
            this.requestId = requestId;
        }

        public String requestId() {
            return requestId;
        }
    }
}
