package io.hybridllm.policy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code [cost.providers.<name>]}: what the operator pays a provider, over the price catalogue's prices for its
 * kind (see {@link Prices}). Each table must say one complete thing: a token price for every model of the provider, a
 * monthly subscription, or free; a half-written one is refused rather than mixed with the catalogue's.
 */
final class CostProvidersReader {

    static final String TOKEN = "token";
    static final String SUBSCRIPTION = "subscription";
    static final String FREE = "free";
    private static final String IN = "input_cost_per_1m_tokens";
    private static final String OUT = "output_cost_per_1m_tokens";
    private static final String FEE = "monthly_cost";

    static Map<String, Policy.ProviderPrice> read(Table priced, Set<String> providers) {
        Map<String, Policy.ProviderPrice> prices = new LinkedHashMap<>();
        for (String name : priced.names()) {
            Table table = priced.table(name);
            if (!providers.contains(name)) {
                priced.problems().add(table.path(),
                        "prices provider '" + name + "', which [providers] does not define");
            }
            BigDecimal in = table.money(IN, null);
            BigDecimal out = table.money(OUT, null);
            BigDecimal fee = table.money(FEE, null);
            // The seed writes a subscription as its fee alone ([cost.providers.copilot] monthly_cost = 10.00).
            String model = model(table, fee != null && in == null && out == null ? SUBSCRIPTION : TOKEN);
            if (model != null) {
                check(table, name, model, in, out, fee);
                prices.put(name, new Policy.ProviderPrice(model, in, out, fee));
            }
            table.rejectUnknown();
        }
        return prices;
    }

    /** The pricing model, {@code pay_per_token} read as {@code token}; null when refused. */
    private static String model(Table table, String inferred) {
        String model = table.text("pricing_model", inferred);
        return switch (model) {
            case TOKEN, "pay_per_token" -> TOKEN;
            case SUBSCRIPTION, FREE -> model;
            case "gpu_hour" -> refuse(table, "pricing_model", "is gpu_hour, whose hourly GPU price only the price"
                    + " catalogue takes (gpu_hour_usd and concurrent_calls in hybrid.pricing.file)");
            default -> refuse(table, "pricing_model",
                    "is '" + model + "'; must be token (or pay_per_token), subscription or free");
        };
    }

    private static void check(Table table, String name, String model, BigDecimal in, BigDecimal out, BigDecimal fee) {
        switch (model) {
            case TOKEN -> {
                String perToken = "is required with pricing_model token: one price per 1M tokens for every model of "
                        + name;
                if (in == null) {
                    refuse(table, IN, perToken);
                }
                if (out == null) {
                    refuse(table, OUT, perToken);
                }
                if (fee != null) {
                    refuse(table, FEE, "is a subscription's fee: with it, set pricing_model = \"subscription\" and no"
                            + " per-token prices");
                }
            }
            case SUBSCRIPTION -> {
                if (fee == null) {
                    refuse(table, FEE, "is required with pricing_model subscription: the fee per month");
                }
                String noTokens = "is a per-token price, but a subscription's calls cost nothing one by one";
                if (in != null) {
                    refuse(table, IN, noTokens);
                }
                if (out != null) {
                    refuse(table, OUT, noTokens);
                }
            }
            default -> {
                Map<String, BigDecimal> given = new LinkedHashMap<>();
                given.put(IN, in);
                given.put(OUT, out);
                given.put(FEE, fee);
                given.forEach((key, value) -> {
                    if (value != null) {
                        refuse(table, key, "is a price, but pricing_model is free");
                    }
                });
            }
        }
    }

    private static String refuse(Table table, String key, String reason) {
        table.problems().add(table.key(key), reason);
        return null;
    }

    private CostProvidersReader() {
    }
}
