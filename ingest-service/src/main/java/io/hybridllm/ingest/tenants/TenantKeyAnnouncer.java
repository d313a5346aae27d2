package io.hybridllm.ingest.tenants;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.TenantKey;
import io.hybridllm.contracts.json.Json;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;

/**
 * Tells the other services which tenant each API key belongs to, on {@code llm.tenant-keys}: the key's SHA-256 and its
 * tenant, never the key. Written when a key is made or revoked, and every key again on a schedule, so that a write the
 * broker missed is made good without anyone's help. A key made in a transaction that then rolls back is announced all
 * the same; harmless, since nobody ever saw that key.
 */
@ApplicationScoped
public class TenantKeyAnnouncer {

    private static final Logger LOG = Logger.getLogger(TenantKeyAnnouncer.class);
    private static final int PAGE = 500;

    private final MutinyEmitter<Record<String, String>> keys;

    public TenantKeyAnnouncer(@Channel(Channels.TENANT_KEYS) MutinyEmitter<Record<String, String>> keys) {
        this.keys = keys;
    }

    /** Announces a key made or revoked; not awaited: the next republish makes a missed write good. */
    void announce(ApiKeyRecord key) {
        keys.send(record(key)).subscribe().with(done -> {
        }, failure -> LOG.warnf("key %s not announced on llm.tenant-keys (%s); the next republish makes it good",
                key.id, failure.getMessage()));
    }

    /** Every key, made or revoked, a page at a time; each write awaited, so a run never floods the producer. */
    @Scheduled(every = "${hybrid.ingest.tenant-keys.republish-every:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void republishAll() {
        for (int index = 0;; index++) {
            List<ApiKeyRecord> page = ApiKeyRecord.<ApiKeyRecord> findAll(Sort.by("id")).page(Page.of(index, PAGE))
                    .list();
            page.forEach(key -> keys.sendAndAwait(record(key)));
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private static Record<String, String> record(ApiKeyRecord key) {
        return Record.of(key.keySha256, Json.write(
                new TenantKey(SchemaVersion.CURRENT, key.keySha256, key.tenant, key.revokedAt != null, Instant.now())));
    }
}
