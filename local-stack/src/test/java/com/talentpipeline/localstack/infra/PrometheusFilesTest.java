package com.talentpipeline.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus configuration and alert rules are well-formed (the structure {@code promtool check
 * rules} enforces, checked here without promtool) and scrape the services on their real ports.
 */
class PrometheusFilesTest {

    private static final Pattern DURATION = Pattern.compile("(\\d+(ms|s|m|h|d|w|y))+");
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    @Test
    void alertRulesHaveThePromtoolStructure() {
        List<Path> files = InfraFiles.list("prometheus", ".rules.yml");
        assertThat(files).isNotEmpty();
        Set<String> alerts = new HashSet<>();
        for (Path file : files) {
            Map<String, Object> root = InfraFiles.yaml(file);
            assertThat(root.keySet()).as(file + " top level").containsExactly("groups");
            Set<String> groupNames = new HashSet<>();
            for (Object g : InfraFiles.asList(root.get("groups"), file + ": groups")) {
                Map<String, Object> group = InfraFiles.asMap(g, file + ": group");
                assertThat(group.keySet()).as(file + " group keys").containsAnyOf("name").isSubsetOf("name", "interval", "rules", "limit");
                String name = String.valueOf(group.get("name"));
                assertThat(groupNames.add(name)).as(file + ": duplicate group " + name).isTrue();
                List<Object> rules = InfraFiles.asList(group.get("rules"), name + ": rules");
                assertThat(rules).as(name + " rules").isNotEmpty();
                for (Object r : rules) {
                    Map<String, Object> rule = InfraFiles.asMap(r, name + ": rule");
                    assertRule(name, rule);
                    if (rule.containsKey("alert")) {
                        assertThat(alerts.add(String.valueOf(rule.get("alert")))).as("unique alert " + rule.get("alert")).isTrue();
                    }
                }
            }
        }
        assertThat(alerts).contains("ConsumerLagGrowing", "DeadLetterMessages", "TaskFailureRatioHigh",
                "ServiceDown", "ServiceNotReady");
    }

    private static void assertRule(String group, Map<String, Object> rule) {
        boolean alert = rule.containsKey("alert");
        assertThat(alert ^ rule.containsKey("record")).as(group + ": exactly one of alert/record in " + rule).isTrue();
        String id = group + "/" + (alert ? rule.get("alert") : rule.get("record"));
        assertThat(rule.keySet()).as(id + " keys")
                .isSubsetOf(alert ? Set.of("alert", "expr", "for", "keep_firing_for", "labels", "annotations")
                        : Set.of("record", "expr", "labels"));
        assertThat(METRIC_NAME.matcher(String.valueOf(alert ? rule.get("alert") : rule.get("record"))).matches())
                .as(id + " name").isTrue();
        Object expr = rule.get("expr");
        assertThat(expr).as(id + " expr").isInstanceOf(String.class);
        assertBalanced(id, (String) expr);
        if (rule.containsKey("for")) {
            assertThat(DURATION.matcher(String.valueOf(rule.get("for"))).matches()).as(id + " for: " + rule.get("for")).isTrue();
        }
        if (alert) {
            Map<String, Object> labels = InfraFiles.asMap(rule.get("labels"), id + " labels");
            labels.keySet().forEach(l -> assertThat(LABEL_NAME.matcher(l).matches()).as(id + " label " + l).isTrue());
            assertThat(labels.get("severity")).as(id + " severity").isIn("warning", "critical");
            Map<String, Object> annotations = InfraFiles.asMap(rule.get("annotations"), id + " annotations");
            assertThat(annotations).as(id + " annotations").containsKeys("summary", "description");
            annotations.values().forEach(v -> assertBalancedTemplate(id, String.valueOf(v)));
        }
    }

    private static void assertBalanced(String id, String expr) {
        List<Character> stack = new ArrayList<>();
        boolean quoted = false;
        for (char c : expr.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && "([{".indexOf(c) >= 0) {
                stack.add(c);
            } else if (!quoted && ")]}".indexOf(c) >= 0) {
                assertThat(stack).as(id + ": unbalanced " + c + " in " + expr).isNotEmpty();
                char open = stack.remove(stack.size() - 1);
                assertThat("([{".indexOf(open)).as(id + ": mismatched " + c + " in " + expr).isEqualTo(")]}".indexOf(c));
            }
        }
        assertThat(stack).as(id + ": unclosed in " + expr).isEmpty();
        assertThat(quoted).as(id + ": unclosed quote in " + expr).isFalse();
        assertThat(PromQl.metricNames(expr)).as(id + ": reads no metric").isNotEmpty();
    }

    private static void assertBalancedTemplate(String id, String text) {
        assertThat(text.split("\\{\\{", -1).length).as(id + ": template braces in " + text)
                .isEqualTo(text.split("}}", -1).length);
    }

    @Test
    void prometheusScrapesEveryServiceOnItsPortAndLoadsTheRules() {
        Map<String, Object> config = InfraFiles.yaml(InfraFiles.root().resolve("prometheus/prometheus.yml"));
        List<Object> ruleFiles = InfraFiles.asList(config.get("rule_files"), "rule_files");
        for (Object ruleFile : ruleFiles) {
            // Mounted at /etc/prometheus/ in docker-compose.yml.
            String name = Path.of(String.valueOf(ruleFile)).getFileName().toString();
            assertThat(InfraFiles.root().resolve("prometheus").resolve(name)).as("rule file " + ruleFile).exists();
        }
        Map<String, String> targets = new java.util.HashMap<>();
        for (Object j : InfraFiles.asList(config.get("scrape_configs"), "scrape_configs")) {
            Map<String, Object> job = InfraFiles.asMap(j, "scrape job");
            if (!"talent-pipeline".equals(job.get("job_name"))) {
                continue;
            }
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            for (Object s : InfraFiles.asList(job.get("static_configs"), "static_configs")) {
                Map<String, Object> sc = InfraFiles.asMap(s, "static_config");
                String service = String.valueOf(InfraFiles.asMap(sc.get("labels"), "labels").get("service"));
                for (Object t : InfraFiles.asList(sc.get("targets"), "targets")) {
                    targets.put(service, String.valueOf(t));
                }
            }
        }
        for (String service : ServiceConfigs.SERVICES) {
            assertThat(targets).as("scrape target of " + service)
                    .containsEntry(service, service + ":" + ServiceConfigs.port(service));
        }
    }
}
