package io.hybridllm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.hybridllm.launcher.faults.HttpEndpoints;
import io.hybridllm.launcher.system.LocalSystem;
import io.hybridllm.launcher.system.Service;

/**
 * Every HTTP endpoint of every service, fed random and malformed bodies, content types, path segments and query
 * parameters: each answer comes within seconds and is never a 5xx, and every service is still ready afterwards. The
 * random source is seeded, so a failure can be replayed.
 */
class HttpFuzzIT {

    private static final long SEED = 20261122L;
    private static final int CASES_PER_ENDPOINT = 40;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static LocalSystem system;

    private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain", "application/toml",
            "application/xml", "application/x-www-form-urlencoded", "application/json; charset=latin1", "");

    @BeforeAll
    static void start() throws InterruptedException {
        system = SimulatedSystem.get();
    }

    @Test
    void malformedInputGets4xxNever5xxAndTheServicesStayReady() throws Exception {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (HttpEndpoints.Endpoint endpoint : HttpEndpoints.ALL) {
            for (int i = 0; i < CASES_PER_ENDPOINT; i++) {
                String url = system.url(endpoint.service()) + fill(endpoint.path(), random) + query(random);
                String body = body(random);
                String type = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                        .method(endpoint.method(), endpoint.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
                if (!type.isEmpty()) {
                    request.header("Content-Type", type);
                }
                if (random.nextBoolean()) {
                    request.header("Authorization", "Bearer " + token(random));
                }
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                sent++;
                if (response.statusCode() >= 500) {
                    failures.add(endpoint.method() + " " + url + " [" + type + "] " + abbreviate(body) + " -> "
                            + response.statusCode() + " " + abbreviate(response.body()));
                }
            }
        }
        assertThat(failures).as("5xx answers out of %d requests", sent).isEmpty();
        for (Service service : Service.values()) {
            HttpResponse<String> ready = HTTP.send(
                    HttpRequest.newBuilder(URI.create(system.url(service) + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).as(service + " ready after the fuzzing").isEqualTo(200);
        }
    }

    private static String fill(String path, Random random) {
        String filled = path;
        while (filled.contains("{x}")) {
            filled = filled.replaceFirst("\\{x\\}",
                    URLEncoder.encode(segment(random), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return filled;
    }

    private static String segment(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "global";
            case 1 -> "tenant:" + "x".repeat(random.nextInt(300));
            case 2 -> "monthly";
            case 3 -> "..";
            case 4 -> new String(new char[] { (char) random.nextInt(0x2FFF) });
            default -> Long.toHexString(random.nextLong());
        };
    }

    private static String query(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "";
            case 1 -> "?from=yesterday&to=" + random.nextInt() + "&group_by="
                    + URLEncoder.encode(segment(random), StandardCharsets.UTF_8);
            case 2 -> "?group_by=provider,provider,model,day,tenant,tier,task_type,nonsense";
            case 3 -> "?from=2026-13-45&to=1970-01-01T00:00:00Z&wait=" + random.nextInt() + "&format="
                    + URLEncoder.encode(segment(random), StandardCharsets.UTF_8);
            default -> "?" + URLEncoder.encode(segment(random), StandardCharsets.UTF_8) + "=%00%FF";
        };
    }

    private static String body(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> "";
            case 1 -> "{";
            case 2 -> "null";
            case 3 -> "[]";
            case 4 -> "{\"messages\":" + random.nextInt() + "}";
            case 5 -> "{\"messages\":[{\"role\":\"wizard\",\"content\":null}],\"task_type\":7}";
            case 6 -> "[".repeat(5_000) + "]".repeat(5_000);
            case 7 -> "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(600_000) + "\"}]}";
            case 8 -> "{\"schema_version\":99,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
            case 9 -> "[ai]\nmode = 42\n[[[";
            case 10 -> "{\"amount_usd\":-1,\"warn_at_percent\":\"many\",\"unknown\":{}}";
            default -> {
                byte[] bytes = new byte[random.nextInt(2_000)];
                random.nextBytes(bytes);
                yield new String(bytes, StandardCharsets.ISO_8859_1);
            }
        };
    }

    private static String token(Random random) {
        return random.nextBoolean() ? "" : Long.toHexString(random.nextLong());
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
