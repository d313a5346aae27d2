package io.hybridllm.cost.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Tier;
import io.hybridllm.cost.Calls;
import io.hybridllm.cost.budget.Budgets;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dashboard in a real browser: usage goes through Kafka into the service, Debian's chromium (headless) loads
 * {@code /dashboard/} for one tenant, and the DOM must hold the charts drawn from that usage. A screenshot goes to
 * {@code target/dashboard.png}; with {@code -Ddashboard.screenshot.docs=true} also to {@code docs/images/}.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
class DashboardBrowserTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    @TestHTTPResource("/dashboard/")
    URL dashboard;

    @BeforeAll
    static void chromiumIsInstalled() {
        Chromium.requireInstalled();
    }

    @Test
    void rendersSpendTiersBudgetsAndAlertsFromRealUsage() throws IOException {
        String tenant = Calls.uniqueTenant("dashboard");
        // The day's budget is measured in Asia/Tokyo (application.properties): only the calls made now count in it.
        Budgets.put("tenant:" + tenant, "daily", "{\"amount_usd\": 1.00}");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant yesterday = now.minus(Duration.ofDays(1));
        Instant twoDaysAgo = now.minus(Duration.ofDays(2));

        IntStream.range(0, 5).forEach(i -> cloud(tenant, "openai", "gpt-4o", 40_000, 0, now)); // 5 x $0.10
        cloud(tenant, "anthropic", "claude-3-5-sonnet-20241022", 50_000, 10_000, now); // $0.15 + $0.15
        cloud(tenant, "openai", "gpt-4o-mini", 100_000, 50_000, now); // $0.015 + $0.03: $0.845 today, 84%: warn
        cloud(tenant, "openai", "gpt-4o", 40_000, 0, yesterday); // $0.10
        cloud(tenant, "gemini", "gemini-1.5-flash", 1_000_000, 0, twoDaysAgo); // $0.075
        IntStream.range(0, 6).forEach(i -> Calls.of(tenant, "ollama", "llama3.2:1b").at(now).sendTo(kafka));
        IntStream.range(0, 2).forEach(
                i -> Calls.of(tenant, "ollama", "qwen2.5-coder:7b").tier(Tier.LOCAL_QUALITY).at(now).sendTo(kafka));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given()
                        .get("/v1/costs/summary?group_by=tier&tenant=" + tenant + "&from=" + twoDaysAgo.minusSeconds(1))
                        .then().extract().path("total.calls"), calls -> Integer.valueOf(17).equals(calls));

        URL page = URI.create(dashboard + "?tenant=" + tenant).toURL();
        String dom = Chromium.dumpDom(page);
        Files.writeString(Path.of("target", "dashboard-dom.html"), dom);

        assertThat(Dom.elements(dom, "body").getFirst()).as("the page finished drawing, see target/dashboard-dom.html")
                .containsEntry("data-state", "ready");
        assertThat(Dom.textAfter(dom, "data-kpi=\"spend\"", "div", "value")).isEqualTo("$1.02");
        assertThat(Dom.textAfter(dom, "data-kpi=\"calls\"", "div", "value")).isEqualTo("17");
        assertThat(Dom.textAfter(dom, "data-kpi=\"cache\"", "div", "label")).isEqualTo("saved by 0 cache hits");

        String today = day(now);
        assertThat(Dom.withClass(dom, "rect", "bar").stream().filter(bar -> bar.containsKey("data-day"))
                .map(bar -> bar.get("data-day") + " " + bar.get("data-provider") + " " + bar.get("data-usd")))
                        .containsExactlyInAnyOrder(today + " anthropic 0.3", today + " openai 0.545",
                                day(yesterday) + " openai 0.1", day(twoDaysAgo) + " gemini 0.075");
        assertThat(Dom.elements(dom, "li").stream().map(item -> item.get("data-provider")))
                .as("the legend names the providers that spent").containsSubsequence("anthropic", "gemini", "openai")
                .doesNotContain("ollama");
        assertThat(Dom.withClass(dom, "rect", "bar").stream().filter(bar -> bar.containsKey("data-model"))
                .map(bar -> bar.get("data-provider") + "/" + bar.get("data-model") + " " + bar.get("data-usd")))
                        .containsExactly("openai/gpt-4o 0.6", "anthropic/claude-3-5-sonnet-20241022 0.3",
                                "gemini/gemini-1.5-flash 0.075", "openai/gpt-4o-mini 0.045", "ollama/llama3.2:1b 0",
                                "ollama/qwen2.5-coder:7b 0");
        assertThat(Dom.elements(dom, "path").stream().filter(p -> "slice".equals(p.get("class")))
                .map(slice -> slice.get("data-tier") + " " + slice.get("data-calls")))
                        .containsExactlyInAnyOrder("cloud 9", "local-fast 6", "local-quality 2");

        List<Map<String, String>> gauges = Dom.elements(dom, "figure");
        assertThat(gauges).anySatisfy(gauge -> assertThat(gauge).containsEntry("data-scope", "tenant:" + tenant)
                .containsEntry("data-period", "daily").containsEntry("data-percent", "84")
                .containsEntry("data-level", "warn"));
        assertThat(gauges).anySatisfy(gauge -> assertThat(gauge).containsEntry("data-scope", "global")
                .containsEntry("data-period", "monthly"));
        // The tenant's own alert, and the global budgets' alerts of other tests of this JVM at most.
        List<Map<String, String>> alerts = Dom.withClass(dom, "li", "alert");
        assertThat(alerts).extracting(alert -> alert.get("data-tenant")).containsOnly(tenant, "*");
        assertThat(alerts).filteredOn(alert -> tenant.equals(alert.get("data-tenant"))).singleElement()
                .satisfies(alert -> assertThat(alert).containsEntry("data-level", "warn"));

        Path screenshot = Path.of("target", "dashboard.png");
        Chromium.screenshot(page, screenshot, 1280, 1420);
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
        if (Boolean.getBoolean("dashboard.screenshot.docs")) {
            Path docs = Path.of("..", "docs", "images", "dashboard.png");
            Files.createDirectories(docs.getParent());
            Files.copy(screenshot, docs, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void cloud(String tenant, String provider, String model, int in, int out, Instant at) {
        Calls.of(tenant, provider, model).tokens(in, out).at(at).sendTo(kafka);
    }

    private static String day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
