package io.hybridllm.worker.cloud.credentials;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.hybridllm.contracts.AuditEvent;
import io.hybridllm.worker.cloud.config.KeyRing;
import io.hybridllm.worker.core.pool.WorkerIdentity;
import io.hybridllm.worker.core.provider.ApiKey;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the providers' key rotation in step with the store: reads it once the store is reachable
 * ({@link CredentialStoreStartup}) and then every {@code hybrid.cloud.credentials.reload-interval}, so a key put or
 * retired through any worker counts on all of them, and marks a stored key retired in the store when a provider refuses
 * it with 401, so every worker stops using it. Until the first read the worker serves with the environment's keys.
 */
@ApplicationScoped
public class CredentialSync {

    private static final Logger LOG = Logger.getLogger(CredentialSync.class);

    private final CredentialStore store;
    private final KeyRing ring;
    private final CredentialAudit audit;
    private volatile boolean loaded;

    public CredentialSync(CredentialStore store, KeyRing ring, CredentialAudit audit) {
        this.store = store;
        this.ring = ring;
        this.audit = audit;
    }

    void start(@Observes StartupEvent started) {
        if (!store.on()) {
            return;
        }
        ring.onRetired(this::retireInStore);
    }

    /** The first read of the store, once it is migrated; the regular reloads begin then. */
    void loadFirst() {
        int keys = reload();
        loaded = true;
        LOG.infof("credential store on: %d stored keys in use; read again every reload-interval", keys);
    }

    @Scheduled(every = "${hybrid.cloud.credentials.reload-interval}", delayed = "${hybrid.cloud.credentials.reload-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reloadRegularly() {
        if (!store.on() || !loaded) {
            return;
        }
        try {
            reload();
        } catch (RuntimeException e) {
            // The keys in use stay as they are until the database answers again.
            LOG.warnf("credential store not read (%s); the keys in use are kept", e.toString());
        }
    }

    /** Gives every rotating provider its active stored keys; returns how many are in use. */
    public int reload() {
        Map<String, List<ApiKey>> stored = store.activeKeys();
        int inUse = 0;
        for (String provider : ring.providers()) {
            List<ApiKey> keys = stored.getOrDefault(provider, List.of());
            ring.useStored(provider, keys);
            inUse += keys.size();
        }
        return inUse;
    }

    /** A stored key refused with 401 is retired in the store too; off the call's thread, which goes on at once. */
    private void retireInStore(String provider, ApiKey key) {
        String name = StoredKeyId.nameIn(key.id(), provider);
        if (name == null) {
            return;
        }
        Thread.ofVirtual().name("credential-retire").start(() -> {
            try {
                store.retire(provider, name, "refused by " + provider + " with HTTP 401")
                        .filter(CredentialStore.Retirement::changed)
                        .ifPresent(retired -> audit.keyChanged(AuditEvent.Action.KEY_REVOKED, retired.view(),
                                "worker-cloud", "HTTP 401 from " + provider,
                                "retired: refused with HTTP 401 on " + WorkerIdentity.current()));
            } catch (RuntimeException e) {
                LOG.warnf("%s could not be marked retired in the credential store (%s); other workers may still try it",
                        key.id(), e.toString());
            }
        });
    }
}
