package io.hybridllm.launcher.cost;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.json.Json;

/**
 * {@code hybrid costs --job ID}: a job's spend by tier, provider and model, and its savings against the reference
 * model, from the cost service's reports ({@code job_id} filter).
 */
public final class JobCostsCommand {

    public static final String USAGE = """
              costs --job=ID [--tenant=ID] [--from=DATE] [--to=DATE] [--cost-url=URL]
                                               A job's spend by tier, provider and model, and its savings against the
                                               reference model, from the cost service (default http://localhost:8084;
                                               the admin token from HYBRID_ADMIN_TOKEN, when set). --from defaults to
                                               the start of this month.
            """;

    private static final List<String> OPTIONS = List.of("--job", "--tenant", "--from", "--to", "--cost-url");

    private JobCostsCommand() {
    }

    public static int run(List<String> args, PrintStream out) throws Exception {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 0 || !OPTIONS.contains(arg.substring(0, equals))) {
                throw new IllegalArgumentException("costs: unknown option '" + arg + "'\n\n" + USAGE);
            }
            values.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        if (!values.containsKey("--job")) {
            throw new IllegalArgumentException("costs: which job? --job=ID\n\n" + USAGE);
        }
        String base = values.getOrDefault("--cost-url", "http://localhost:8084");
        String range = param("job_id", values.get("--job")) + optional("tenant", values.get("--tenant"))
                + optional("from", values.get("--from")) + optional("to", values.get("--to"));
        JsonNode summary = get(base + "/v1/costs/summary?group_by=tier,provider,model&" + range);
        JsonNode savings = get(base + "/v1/costs/savings?" + range);
        print(values.get("--job"), summary, savings, out);
        return 0;
    }

    private static void print(String job, JsonNode summary, JsonNode savings, PrintStream out) {
        out.printf("Job %s, %s to %s (USD, prices %s)%n%n", job, summary.path("from").asText(),
                summary.path("to").asText(), summary.path("price_version").asText());
        out.printf("%-14s %-12s %-28s %9s %7s %12s%n", "TIER", "PROVIDER", "MODEL", "REQUESTS", "CALLS", "COST");
        for (JsonNode group : summary.path("groups")) {
            out.printf("%-14s %-12s %-28s %9d %7d %12s%n", group.path("tier").asText(), group.path("provider").asText(),
                    group.path("model").asText(), group.path("requests").asLong(), group.path("calls").asLong(),
                    usd(group.path("cost_usd")));
        }
        JsonNode total = summary.path("total");
        out.printf("%-56s %9d %7d %12s%n%n", "total", total.path("requests").asLong(), total.path("calls").asLong(),
                usd(total.path("cost_usd")));
        JsonNode reference = savings.path("reference");
        JsonNode saved = savings.path("total");
        out.printf("Against %s/%s for every request: %s instead of %s, saved %s (%s%%)%n",
                reference.path("provider").asText(), reference.path("model").asText(), usd(saved.path("actual_usd")),
                usd(saved.path("reference_usd")), usd(saved.path("savings_usd")),
                saved.path("savings_percent").asText());
        if (savings.path("unpriced_requests").asLong() > 0) {
            out.printf("%d requests had a call the price catalogue could not price; they are left out of both sides%n",
                    savings.path("unpriced_requests").asLong());
        }
    }

    /** An amount as people read it ({@code 0.00035955}, not {@code 3.5955E-4}). */
    private static String usd(JsonNode amount) {
        return amount.isNumber() ? amount.decimalValue().stripTrailingZeros().toPlainString() : amount.asText();
    }

    private static JsonNode get(String url) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        String token = System.getenv("HYBRID_ADMIN_TOKEN");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("costs: " + url.substring(0, url.indexOf('?')) + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return Json.mapper().readTree(response.body());
    }

    private static String param(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String optional(String name, String value) {
        return value == null ? "" : "&" + param(name, value);
    }
}
