package io.hybridllm.worker.cloud.credentials;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.hybridllm.worker.cloud.config.CredentialStoreSwitch;
import io.hybridllm.worker.cloud.config.WorkerConfig;
import io.hybridllm.worker.core.provider.ApiKey;
import io.quarkus.panache.common.Sort;

/**
 * The provider keys in PostgreSQL, sealed with the master key. Only this class sees a key's value, and only to seal it
 * or to hand it to the key rotation; the store answers everyone else with {@link CredentialView}s.
 */
@ApplicationScoped
public class CredentialStore {

    private static final Logger LOG = Logger.getLogger(CredentialStore.class);
    private static final Sort ORDER = Sort.by("provider").and("createdAt").and("id");

    private final boolean on;
    private final CredentialCipher cipher;

    /** What a put did: the key as stored now, and whether it is new (rather than a new value for an old name). */
    public record Put(CredentialView view, boolean created) {
    }

    /** What a retirement did: the key as stored now, and whether it was active until then. */
    public record Retirement(CredentialView view, boolean changed) {
    }

    public CredentialStore(WorkerConfig config, CredentialStoreSwitch store, Config variables) {
        this.on = store.on();
        // The master key is read once, here, and only when the store is on: a bad one stops the worker at startup.
        Function<String, String> env = name -> variables.getOptionalValue(name, String.class).orElse(null);
        this.cipher = on ? new CredentialCipher(MasterKey.load(config.credentials(), env)) : null;
    }

    public boolean on() {
        return on;
    }

    @Transactional
    public Put put(String provider, String name, String value) {
        Optional<ProviderCredential> existing = find(provider, name);
        ProviderCredential row = existing.orElseGet(ProviderCredential::new);
        CredentialCipher.Sealed sealed = cipher.seal(provider, name, value);
        row.provider = provider;
        row.keyName = name;
        row.nonce = sealed.nonce();
        row.ciphertext = sealed.ciphertext();
        row.masterKeyId = sealed.masterKeyId();
        row.fingerprint = Fingerprints.of(value.getBytes(StandardCharsets.UTF_8));
        row.status = ProviderCredential.ACTIVE;
        row.retiredAt = null;
        row.retiredReason = null;
        row.createdAt = Instant.now();
        if (existing.isEmpty()) {
            row.persist();
        }
        return new Put(CredentialView.of(row), existing.isEmpty());
    }

    @Transactional
    public List<CredentialView> list() {
        return ProviderCredential.<ProviderCredential> listAll(ORDER).stream().map(CredentialView::of).toList();
    }

    /** Marks the key retired with {@code reason}; empty when there is no such key. */
    @Transactional
    public Optional<Retirement> retire(String provider, String name, String reason) {
        return find(provider, name).map(row -> {
            boolean active = ProviderCredential.ACTIVE.equals(row.status);
            if (active) {
                row.status = ProviderCredential.RETIRED;
                row.retiredAt = Instant.now();
                row.retiredReason = reason;
            }
            return new Retirement(CredentialView.of(row), active);
        });
    }

    /**
     * Every active key, opened, by provider, oldest first. A key that does not open is left out with a warning that
     * names it and why (another master key, or an altered row), so one bad row never takes the others down.
     */
    @Transactional
    public Map<String, List<ApiKey>> activeKeys() {
        Map<String, List<ApiKey>> keys = new LinkedHashMap<>();
        List<ProviderCredential> rows = ProviderCredential.list("status", ORDER, ProviderCredential.ACTIVE);
        for (ProviderCredential row : rows) {
            try {
                ApiKey key = new ApiKey(row.keyId(), cipher.open(row.provider, row.keyName, row.sealed()));
                keys.computeIfAbsent(row.provider, provider -> new ArrayList<>()).add(key);
            } catch (UnreadableCredentialException e) {
                LOG.warnf("credential store: %s; the key is not used", e.getMessage());
            }
        }
        return keys;
    }

    private static Optional<ProviderCredential> find(String provider, String name) {
        return ProviderCredential.find("provider = ?1 and keyName = ?2", provider, name).firstResultOptional();
    }
}
