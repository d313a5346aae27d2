package io.hybridllm.worker.cloud.config;

import java.util.Set;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Turns the datasource, Hibernate ORM and Flyway on or off together with the credential store, before any of them
 * starts: on for {@code hybrid.cloud.credentials.store=postgresql}, or when that is unset and a database URL is
 * configured; off otherwise, so that a worker without a database starts as if it had none. (Quarkus deactivates only
 * the datasource by itself when the URL is missing, and Hibernate ORM then fails for want of it.) A value set
 * explicitly wins. It runs outside the expression interceptor (3300), so it reads the settings expanded.
 */
@Priority(5000)
public class CredentialStoreActivation implements ConfigSourceInterceptor {

    private static final Set<String> SWITCHES = Set.of("quarkus.datasource.active", "quarkus.hibernate-orm.active",
            "quarkus.flyway.active");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!SWITCHES.contains(name) || value != null && value.getValue() != null) {
            return value;
        }
        String store = text(context.proceed("hybrid.cloud.credentials.store"));
        boolean database = !text(context.proceed("quarkus.datasource.jdbc.url")).isEmpty();
        boolean on = store.equals("postgresql") || store.isEmpty() && database;
        return ConfigValue.builder().withName(name).withValue(String.valueOf(on))
                .withConfigSourceName("credential store activation (CredentialStoreActivation)").build();
    }

    private static String text(ConfigValue value) {
        return value == null || value.getValue() == null ? "" : value.getValue().strip();
    }
}
