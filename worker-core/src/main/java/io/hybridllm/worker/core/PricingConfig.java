package io.hybridllm.worker.core;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Where the price catalogue lives; without a file the catalogue shipped in contracts is used. */
@ConfigMapping(prefix = "hybrid.pricing")
public interface PricingConfig {

    Optional<String> file();
}
