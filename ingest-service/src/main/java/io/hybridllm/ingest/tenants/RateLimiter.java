package io.hybridllm.ingest.tenants;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.ingest.config.IngestConfig;

/**
 * A token bucket per tenant: a tenant may submit its rate per minute, in bursts up to that many, refilled evenly. The
 * buckets are per replica, so N replicas behind a balancer admit up to N times the rate; set it accordingly.
 */
@ApplicationScoped
public class RateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final IngestConfig config;

    public RateLimiter(IngestConfig config) {
        this.config = config;
    }

    /** Takes {@code cost} submissions from the tenant's allowance, or throws when it has not that many left. */
    public void admit(String tenant, Integer perMinute, int cost) {
        int rate = perMinute != null ? perMinute : config.limits().requestsPerMinute();
        Duration wait = buckets.computeIfAbsent(tenant, key -> new Bucket()).take(rate, cost, System.nanoTime());
        if (!wait.isZero()) {
            throw new RateLimited(tenant, rate, wait);
        }
    }

    private static final class Bucket {
        private double tokens = -1;
        private long last;

        synchronized Duration take(int rate, int cost, long now) {
            if (tokens < 0) {
                tokens = rate;
                last = now;
            }
            tokens = Math.min(rate, tokens + (now - last) * rate / 60e9);
            last = now;
            if (tokens >= cost) {
                tokens -= cost;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((Math.min(cost, rate) - tokens) * 60e9 / rate));
        }
    }
}
