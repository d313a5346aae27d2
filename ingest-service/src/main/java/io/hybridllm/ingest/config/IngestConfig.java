package io.hybridllm.ingest.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Ingest's own settings, under {@code hybrid.ingest}. */
@ConfigMapping(prefix = "hybrid.ingest")
public interface IngestConfig {

    LongPoll longPoll();

    interface LongPoll {
        /** The longest {@code ?wait=} a client may ask for; proxies often cut idle connections after a minute. */
        @WithDefault("60s")
        Duration max();
    }
}
