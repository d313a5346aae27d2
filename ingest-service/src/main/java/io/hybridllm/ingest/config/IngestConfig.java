package io.hybridllm.ingest.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Ingest's own settings, under {@code hybrid.ingest}. */
@ConfigMapping(prefix = "hybrid.ingest")
public interface IngestConfig {

    LongPoll longPoll();

    Expiry expiry();

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
}
