package io.hybridllm.ingest.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Ingest's own settings, under {@code hybrid.ingest}. */
@ConfigMapping(prefix = "hybrid.ingest")
public interface IngestConfig {

    /** {@code none}: no key needed, anyone may submit and poll (one's own machine); {@code keys}: tenants' API keys. */
    enum Auth {
        NONE, KEYS
    }

    @WithDefault("none")
    Auth auth();

    Limits limits();

    LongPoll longPoll();

    Expiry expiry();

    Callbacks callbacks();

    OpenAi openai();

    Cleanup cleanup();

    TenantKeys tenantKeys();

    interface TenantKeys {
        /**
         * How often every key's hash and tenant is written again on {@code llm.tenant-keys}
         * ({@code hybrid.ingest.tenant-keys.republish-every}), so a write the broker missed is made good.
         */
        @WithDefault("10m")
        Duration republishEvery();

        /**
         * How long this replica trusts a key it has found in force without asking the database again (0: every request
         * asks). A key revoked through this replica is refused at once; another replica may take it until its entry
         * ends. At most a minute.
         */
        @WithDefault("5s")
        Duration cacheTtl();
    }

    interface Cleanup {
        /** How often old idempotency keys and cancellations are cleared ({@code hybrid.ingest.cleanup.every}). */
        @WithDefault("10m")
        Duration every();

        /**
         * How long an {@code Idempotency-Key} protects a retry, as OpenAI keeps its keys: after it, it is forgotten.
         */
        @WithDefault("24h")
        Duration idempotencyKeys();

        /**
         * How long after a cancelled request's reply its cancellation stays on {@code llm.cancellations}: longer than a
         * redelivery of its tier record to a worker (after a crash or rebalance) may take.
         */
        @WithDefault("1h")
        Duration cancellationsAfterReply();

        /**
         * How long a cancellation whose request never got a reply stays: longer than the tier topics keep a record (7
         * days), so no worker can still find the request there when the cancellation goes.
         */
        @WithDefault("8d")
        Duration cancellationsUnanswered();
    }

    interface OpenAi {
        /**
         * How long {@code POST /v1/chat/completions} waits for the answer on the connection before a 504 that names the
         * request to poll; a client may ask for less with {@code X-Hybrid-Timeout}.
         */
        @WithDefault("120s")
        Duration timeout();
    }

    interface LongPoll {
        /** The longest {@code ?wait=} a client may ask for; proxies often cut idle connections after a minute. */
        @WithDefault("60s")
        Duration max();
    }

    interface Expiry {
        /** How often requests past their deadline are looked for ({@code hybrid.ingest.expiry.every}). */
        @WithDefault("30s")
        Duration every();

        /**
         * How long past its deadline a request may sit on a tier before it is ended as expired: longer than a model
         * call may take, since a worker checks the deadline only before each call.
         */
        @WithDefault("5m")
        Duration routedGrace();
    }

    interface Callbacks {
        /**
         * The key every tenant's callback secret is derived from ({@code HYBRID_CALLBACK_SIGNING_KEY}); without it a
         * request with a callback URL is refused, since an unsigned callback cannot be trusted.
         */
        Optional<String> signingKey();

        /** Tries per callback, the first included. */
        @WithDefault("8")
        int maxAttempts();

        /** The wait after the first failed try; it doubles after each one, up to {@link #maxBackoff()}. */
        @WithDefault("2s")
        Duration backoff();

        @WithDefault("10m")
        Duration maxBackoff();

        /**
         * Whether callbacks may go to loopback, link-local, private, multicast and any-local addresses; off, since a
         * client could otherwise make ingest call into the network it runs in. On for a closed network of one's own.
         */
        @WithDefault("false")
        boolean allowPrivateNetworks();

        /** The whole exchange with the client's server, per try. */
        @WithDefault("10s")
        Duration timeout();
    }

    interface Limits {
        /** Submissions a minute per tenant that has no rate of its own. */
        @WithDefault("600")
        int requestsPerMinute();

        /**
         * How long tokens a replica took from a tenant's shared bucket ahead of need may be spent (0: none are taken
         * ahead); what is left after it is lost. At most a minute.
         */
        @WithDefault("1s")
        Duration lease();

        /**
         * The largest body of one request (413 above it), and of every route without a limit of its own: checked from
         * Content-Length before the body is read or a key looked up.
         */
        @WithDefault("1048576")
        int maxRequestBytes();

        /**
         * The furthest a request's {@code hints.deadline} may lie ahead (400 beyond it): a deadline bounds how long a
         * request may be held and kept, so none may be unbounded. An OpenAI batch's window (24 h) fits the default.
         */
        @WithDefault("24h")
        Duration maxDeadline();

        /** The largest batch input, in bytes and in lines (413 above either). */
        @WithDefault("52428800")
        int maxBatchBytes();

        @WithDefault("50000")
        int maxBatchLines();

        /**
         * The largest file uploaded to {@code POST /v1/files} (413 above it); its lines are held to
         * {@link #maxBatchLines()}.
         */
        @WithDefault("52428800")
        int maxFileBytes();

        /** All the files a tenant keeps uploaded at once, in bytes: an upload beyond it is refused until some go. */
        @WithDefault("1073741824")
        long maxTenantFileBytes();
    }
}
