package io.hybridllm.launcher.cost;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.json.Json;
import io.hybridllm.launcher.cli.Context;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hybrid costs --job ID | --end-user ID}: a job's or an end user's spend by tier, provider and model, and the
 * savings against the reference model, from the cost service's reports ({@code job_id} and {@code end_user} filters).
 */
@Command(name = "costs", description = "A job's or an end user's spend by tier, provider and model, and the savings "
        + "against the reference model, from the cost service (the admin token from HYBRID_ADMIN_TOKEN, when set). "
        + "Both --job and --end-user: that end user's spend within the job.")
public final class JobCostsCommand implements Callable<Integer> {

    /** The cost service of {@code ./hybrid up}. */
    public static final String DEFAULT_COST_URL = "http://localhost:8084";

    private final Context context;

    @Spec
    CommandSpec spec;

    @Option(names = "--job", paramLabel = "ID", description = "The job (its job_id).")
    String job;

    @Option(names = "--end-user", paramLabel = "ID", description = "The end user (OpenAI's user, as the client sent "
            + "it).")
    String endUser;

    @Option(names = "--tenant", paramLabel = "ID", description = "Only this tenant's requests.")
    String tenant;

    @Option(names = "--from", paramLabel = "DATE", description = "From (default: the start of this month).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "To (default: now).")
    String to;

    @Option(names = "--cost-url", paramLabel = "URL", defaultValue = DEFAULT_COST_URL, description = "The cost "
            + "service (default: ${DEFAULT-VALUE}).")
    String costUrl;

    JobCostsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (job == null && endUser == null) {
            throw new ParameterException(spec.commandLine(), "costs: whose? --job=ID or --end-user=ID");
        }
        return report(new Filter(job, endUser, tenant, from, to), costUrl, context.out());
    }

    /** Whose spend, over which range; null parts do not filter. */
    public record Filter(String job, String endUser, String tenant, String from, String to) {

        public Filter {
            if (job == null && endUser == null) {
                throw new IllegalArgumentException("costs: whose? --job=ID or --end-user=ID");
            }
        }

        String query() {
            return optional("job_id", job) + optional("end_user", endUser) + optional("tenant", tenant)
                    + optional("from", from) + optional("to", to);
        }

        String title() {
            return job == null ? "End user " + endUser
                    : endUser == null ? "Job " + job : "Job " + job + ", end user " + endUser;
        }
    }

    /** Prints the breakdown and the savings of what {@code filter} selects; returns the exit code. */
    public static int report(Filter filter, String base, PrintStream out) throws Exception {
        String range = filter.query();
        JsonNode summary = get(base + "/v1/costs/summary?group_by=tier,provider,model" + range);
        JsonNode savings = get(base + "/v1/costs/savings?" + range.substring(1));
        print(filter.title(), summary, savings, out);
        return 0;
    }

    private static void print(String title, JsonNode summary, JsonNode savings, PrintStream out) {
        out.printf("%s, %s to %s (USD, prices %s)%n%n", title, summary.path("from").asText(),
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
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new IllegalStateException("costs: no cost service at " + url.substring(0, url.indexOf("/v1/"))
                    + " (is ./hybrid up running? --cost-url names another)", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("costs: " + url.substring(0, url.indexOf('?')) + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return Json.mapper().readTree(response.body());
    }

    private static String optional(String name, String value) {
        return value == null ? "" : "&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
