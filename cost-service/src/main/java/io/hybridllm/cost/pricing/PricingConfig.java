package io.hybridllm.cost.pricing;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Where the prices come from. */
@ConfigMapping(prefix = "hybrid.pricing")
public interface PricingConfig {

    /** A TOML price catalogue in the shape of the default one; without it, the catalogue shipped in contracts. */
    Optional<Path> file();
}
