package io.hybridllm.worker.cloud.config;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Turns the datasource, Hibernate ORM and Flyway on or off together with the credential store, before any of them
 * starts: on for {@code hybrid.cloud.credentials.store=postgresql}, or when unset and a database URL is configured; off
 * otherwise, so that a worker without a database starts as if it had none. Quarkus deactivates only the datasource by
 * itself when the URL is missing, and Hibernate ORM then fails for want of it. A setting made explicitly wins: these
 * values sit below every other source.
 */
public class CredentialStoreActivation implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String store = value(context, "hybrid.cloud.credentials.store");
        boolean database = !value(context, "quarkus.datasource.jdbc.url").isEmpty();
        String on = String.valueOf(store.equals("postgresql") || store.isEmpty() && database);
        return List
                .of(new PropertiesConfigSource(Map.of("quarkus.datasource.active", on, "quarkus.hibernate-orm.active",
                        on, "quarkus.flyway.active", on), "credential store activation", Integer.MIN_VALUE + 100));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(100);
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null ? "" : value.getValue().strip();
    }
}
