package io.hybridllm.policy;

import java.util.LinkedHashMap;
import java.util.Map;

import io.hybridllm.contracts.ProviderKind;

/**
 * {@code [providers.<name>.capabilities]}: what the provider's models can take, over the built-in defaults
 * ({@link Capabilities#BUILT_IN}), and under {@code models."<model>"} what one model can. The router skips a target
 * that cannot take a request.
 */
final class CapabilitiesReader {

    /** The provider-wide layer and the per-model ones. */
    record Read(Capabilities provider, Map<String, Capabilities> models) {
    }

    static Read read(Table table, ProviderKind kind) {
        Capabilities provider = layer(table, kind);
        Map<String, Capabilities> models = new LinkedHashMap<>();
        Table byModel = table.table("models");
        for (String model : byModel.names()) {
            Table one = byModel.table(model);
            models.put(model, layer(one, kind));
            one.rejectUnknown();
        }
        table.rejectUnknown();
        return new Read(provider, Map.copyOf(models));
    }

    private static Capabilities layer(Table table, ProviderKind kind) {
        Boolean urls = flag(table, "image_urls");
        if (Boolean.TRUE.equals(urls) && Capabilities.INLINE_IMAGES_ONLY.contains(kind)) {
            table.problems().add(table.key("image_urls"), "cannot be true for a " + kind.wireName()
                    + " provider: its API takes images only inline, and workers never fetch a URL to inline it");
            urls = null;
        }
        return new Capabilities(flag(table, "tools"), flag(table, "json_object"), flag(table, "json_schema"),
                flag(table, "images"), urls);
    }

    /** Null when unset: the layer below decides. */
    private static Boolean flag(Table table, String name) {
        return table.raw(name) == null ? null : table.bool(name, false);
    }

    private CapabilitiesReader() {
    }
}
