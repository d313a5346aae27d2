package io.hybridllm.launcher.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Dashboards and alert rules name only metrics in the catalogue (deploy/observability/metrics.txt, whose service
 * entries MetricsExportIT checks against the running services), and mark every use of a metric not exported yet.
 */
class ObservabilityTest {

    private static final MetricCatalogue CATALOGUE = MetricCatalogue.load();
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,4} (.+)$");

    @Test
    void dashboardsAreValidJsonAndQueryOnlyCataloguedMetrics() throws Exception {
        List<Path> dashboards = DeployFiles.files("deploy/observability/grafana/dashboards", ".json");
        assertThat(dashboards).isNotEmpty();
        for (Path file : dashboards) {
            JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
            assertThat(dashboard.path("uid").asText()).isNotBlank();
            int queries = 0;
            for (JsonNode panel : dashboard.path("panels")) {
                if (panel.path("type").asText().equals("row")) {
                    continue;
                }
                assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("prometheus");
                for (JsonNode target : panel.path("targets")) {
                    queries++;
                    for (String name : PromQl.metricNames(target.path("expr").asText())) {
                        String where = file.getFileName() + " panel '" + panel.path("title").asText() + "'";
                        assertThat(CATALOGUE.knows(name)).as(where + " uses " + name).isTrue();
                        if (CATALOGUE.pending(name)) {
                            assertThat(panel.path("title").asText()).as(where).endsWith("(pending)");
                            assertThat(panel.path("description").asText()).as(where).startsWith("PENDING: " + name);
                        }
                    }
                }
            }
            assertThat(queries).isPositive();
        }
    }

    @Test
    void alertRulesQueryOnlyCataloguedMetricsAndLinkARunbookThatExists() {
        Set<String> anchors = operationsAnchors();
        List<Map<String, Object>> rules = alertRules();
        assertThat(rules).extracting(rule -> rule.get("alert")).contains("HybridBudgetWarning", "HybridBudgetPaused",
                "HybridProviderDown", "HybridProviderErrorRate", "HybridConsumerLagGrowing", "HybridDeadLettersGrowing",
                "HybridPartitionStuck");
        for (Map<String, Object> rule : rules) {
            String alert = rule.get("alert").toString();
            Map<String, Object> annotations = Yamls.map(rule.get("annotations"));
            assertThat(Yamls.map(rule.get("labels"))).as(alert).containsKey("severity");
            String runbook = annotations.get("runbook").toString();
            assertThat(runbook).as(alert).startsWith("docs/operations.md#");
            assertThat(anchors).as(alert).contains(runbook.substring(runbook.indexOf('#') + 1));
            Set<String> names = PromQl.metricNames(rule.get("expr").toString());
            assertThat(names).as(alert).isNotEmpty();
            for (String name : names) {
                assertThat(CATALOGUE.knows(name)).as(alert + " uses " + name).isTrue();
                if (CATALOGUE.pending(name)) {
                    assertThat(annotations).as(alert).containsEntry("pending_metric", name);
                }
            }
        }
    }

    @Test
    void theMetricNameCheckSeesThroughPromQl() {
        assertThat(PromQl.metricNames("sum by (provider, outcome) (rate(hybrid_worker_calls_total{outcome=\"a b\"}"
                + "[5m])) / on (provider) group_left (x) max_over_time(up[1h]) > bool 0.5 and time() > 1e3"))
                        .containsExactly("hybrid_worker_calls_total", "up");
        assertThat(PromQl.metricNames("kafka_topic_partition_current_offset{topic=~\".+\\\\.dlq\"}"
                + " - kafka_topic_partition_oldest_offset")).containsExactly("kafka_topic_partition_current_offset",
                        "kafka_topic_partition_oldest_offset");
    }

    @Test
    void composeAndKubernetesShipTheSameRulesAndDashboards() {
        Map<String, Object> prometheus = DeployFiles.yaml("deploy/observability/prometheus/prometheus.yml");
        assertThat(Yamls.list(prometheus.get("rule_files"))).containsExactly("/etc/prometheus/alerts.yml");
        String compose = DeployFiles.read("docker-compose.yml");
        assertThat(compose).contains("./deploy/observability/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro",
                "./deploy/observability/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        String kustomization = DeployFiles.read("deploy/observability/kustomization.yaml");
        for (Path dashboard : DeployFiles.files("deploy/observability/grafana/dashboards", ".json")) {
            assertThat(kustomization).contains("grafana/dashboards/" + dashboard.getFileName());
        }
        assertThat(kustomization).contains("prometheus/alerts.yml");
    }

    @Test
    void alertmanagerRoutesToDefinedReceiversAndInhibitsRealAlertsOnSharedLabels() {
        Map<String, Object> config = DeployFiles.yaml("deploy/observability/alertmanager/alertmanager.yml");
        Set<String> receivers = Yamls.list(config.get("receivers")).stream().map(r -> Yamls.map(r).get("name"))
                .map(Object::toString).collect(Collectors.toSet());
        Map<String, Object> route = Yamls.map(config.get("route"));
        assertThat(receivers).contains(route.get("receiver").toString());
        Map<String, Map<String, Object>> rules = alertRules().stream()
                .collect(Collectors.toMap(rule -> rule.get("alert").toString(), rule -> rule));
        Set<String> severities = rules.values().stream().map(r -> Yamls.map(r.get("labels")).get("severity"))
                .map(Object::toString).collect(Collectors.toSet());
        for (Object child : Yamls.list(route.get("routes"))) {
            Map<String, Object> routed = Yamls.map(child);
            assertThat(receivers).as(routed.toString()).contains(routed.get("receiver").toString());
            for (Object matcher : Yamls.list(routed.get("matchers"))) {
                Matcher severity = Pattern.compile("severity=\"(\\w+)\"").matcher(matcher.toString());
                assertThat(severity.matches()).as(matcher.toString()).isTrue();
                assertThat(severities).as(matcher.toString()).contains(severity.group(1));
            }
        }
        List<Object> inhibitions = Yamls.list(config.get("inhibit_rules"));
        assertThat(inhibitions).isNotEmpty();
        for (Object inhibition : inhibitions) {
            Map<String, Object> rule = Yamls.map(inhibition);
            String source = alertName(rule.get("source_matchers"));
            String target = alertName(rule.get("target_matchers"));
            for (String alert : List.of(source, target)) {
                assertThat(rules).as("inhibition names " + alert).containsKey(alert);
                // An "equal" label both alerts lack would match every pair: each must keep it in its "by (...)".
                for (Object label : Yamls.list(rule.get("equal"))) {
                    assertThat(rules.get(alert).get("expr").toString()).as(alert + " keeps " + label)
                            .containsPattern("by \\([^)]*\\b" + label + "\\b");
                }
            }
        }
        String compose = DeployFiles.read("docker-compose.yml");
        assertThat(compose)
                .contains("./deploy/observability/alertmanager/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro");
        assertThat(DeployFiles.read("deploy/observability/prometheus/prometheus.yml")).contains("alertmanager:9093");
        assertThat(DeployFiles.read("deploy/observability/kustomization.yaml"))
                .contains("alertmanager/alertmanager.yml");
    }

    private static String alertName(Object matchers) {
        List<Object> list = Yamls.list(matchers);
        assertThat(list).hasSize(1);
        Matcher name = Pattern.compile("alertname=\"(\\w+)\"").matcher(list.get(0).toString());
        assertThat(name.matches()).as(list.get(0).toString()).isTrue();
        return name.group(1);
    }

    private static List<Map<String, Object>> alertRules() {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Object group : Yamls.list(DeployFiles.yaml("deploy/observability/prometheus/alerts.yml").get("groups"))) {
            Yamls.list(Yamls.map(group).get("rules")).forEach(rule -> rules.add(Yamls.map(rule)));
        }
        return rules;
    }

    /** GitHub-style anchors of docs/operations.md's headings. */
    private static Set<String> operationsAnchors() {
        Matcher matcher = HEADING.matcher(DeployFiles.read("docs/operations.md"));
        List<String> headings = new ArrayList<>();
        while (matcher.find()) {
            headings.add(matcher.group(1));
        }
        return headings.stream().map(h -> h.strip().toLowerCase().replaceAll("[^a-z0-9 -]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }
}
