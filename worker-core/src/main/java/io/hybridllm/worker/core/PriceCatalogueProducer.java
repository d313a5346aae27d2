package io.hybridllm.worker.core;

import java.nio.file.Path;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.hybridllm.contracts.pricing.PriceCatalogue;

/** Loads the price catalogue once; an unreadable file stops the start-up with the file's name and the reason. */
@Singleton
public class PriceCatalogueProducer {

    @Produces
    @Singleton
    PriceCatalogue catalogue(PricingConfig config) {
        return config.file().map(Path::of).map(PriceCatalogue::load).orElseGet(PriceCatalogue::defaults);
    }
}
