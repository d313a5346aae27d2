package io.hybridllm.cost.pricing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * The one price catalogue of this service. It is loaded at startup so that an unreadable pricing file stops the service
 * with the file's name and the reason, rather than failing on the first usage event.
 */
@ApplicationScoped
public class CatalogueProducer {

    @Produces
    @Singleton
    @Startup
    PriceCatalogue catalogue(PricingConfig config) {
        PriceCatalogue catalogue = config.file().map(PriceCatalogue::load).orElseGet(PriceCatalogue::defaults);
        Log.infof("Pricing usage with catalogue version %s (%s)", catalogue.version(),
                config.file().map(Object::toString).orElse("built-in defaults"));
        return catalogue;
    }
}
