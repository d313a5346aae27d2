package io.hybridllm.ingest.tenants;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The tokens this replica has already taken from each tenant's shared bucket and not yet spent, each lease for a short
 * lifetime. A token is taken from the bucket once, before it is leased, so the replicas together still admit no more
 * than the bucket gives; a lease's lifetime bounds how long after leaving the bucket a token may be spent, and what is
 * left when it ends is lost (a slight under-admission, never an over-admission). Bounded: past {@value #MAX_TENANTS}
 * tenants with a live lease, a new one gets none and is admitted by the database alone, as without leases.
 */
final class Leases {

    static final int MAX_TENANTS = 10_000;

    private final Map<String, Lease> byTenant = new ConcurrentHashMap<>();
    private final long lifetimeNanos;
    private final int maxTenants;
    private final LongSupplier clock;

    Leases(long lifetimeNanos, int maxTenants, LongSupplier clock) {
        this.lifetimeNanos = lifetimeNanos;
        this.maxTenants = maxTenants;
        this.clock = clock;
    }

    /** Whether leases are kept at all ({@code hybrid.ingest.limits.lease} above 0). */
    boolean on() {
        return lifetimeNanos > 0;
    }

    /** Spends {@code cost} of the tenant's lease; false when it has not that many in force. */
    boolean spend(String tenant, int cost) {
        Lease lease = byTenant.get(tenant);
        return lease != null && lease.spend(cost, clock.getAsLong());
    }

    /** Tokens about to be taken from the bucket, for {@code lease}; their lifetime counts from {@code askedAt}. */
    record Opening(Lease lease, long askedAt) {

        /** Keeps the tokens the bucket gave beyond the submission's cost. */
        void keep(int tokens) {
            lease.add(tokens, askedAt);
        }
    }

    /**
     * Opens the tenant's lease for tokens taken from the bucket from now on; null when leases are off or no room is
     * left. The lifetime counts from now, before the bucket is asked, so no token outlives it.
     */
    Opening open(String tenant) {
        if (!on()) {
            return null;
        }
        long now = clock.getAsLong();
        if (!Bounded.roomFor(byTenant, tenant, maxTenants, lease -> lease.endedBy(now))) {
            return null;
        }
        return new Opening(byTenant.computeIfAbsent(tenant, t -> new Lease()), now);
    }

    int size() {
        return byTenant.size();
    }

    final class Lease {

        private int tokens;
        /** Ended from the start, whatever the clock's origin. */
        private long endsAt = clock.getAsLong();

        private synchronized boolean spend(int cost, long now) {
            if (tokens < cost || endedBy(now)) {
                return false;
            }
            tokens -= cost;
            return true;
        }

        /**
         * Adds tokens just taken from the bucket. What the lease holds still keeps its own end, the earlier one, so
         * that no token outlives its lifetime (the new ones may end early: under-admission only).
         */
        private synchronized void add(int taken, long askedAt) {
            long ends = askedAt + lifetimeNanos;
            if (tokens > 0 && !endedBy(clock.getAsLong())) {
                ends = Math.min(ends, endsAt);
                taken += tokens;
            }
            tokens = taken;
            endsAt = ends;
        }

        private synchronized boolean endedBy(long now) {
            return now - endsAt >= 0;
        }
    }
}
