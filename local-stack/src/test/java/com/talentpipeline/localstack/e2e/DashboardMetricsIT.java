package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.localstack.infra.InfraFiles;
import com.talentpipeline.localstack.infra.PromQl;
import com.talentpipeline.localstack.pipeline.LocalPipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every metric a Grafana panel or a Prometheus rule queries exists in what the running services
 * really export, after real traffic: resumes and jobs (fresh and cached) and poison messages that
 * go to dead-letter topics. Catches a renamed meter or a typo in a dashboard before an operator
 * stares at an empty panel. Histogram suffixes ({@code _bucket}, {@code _sum}, {@code _count}) are
 * matched against the scraped series as they are.
 */
class DashboardMetricsIT {

    /** Series produced by Prometheus itself, not by the services. */
    private static final Set<String> SCRAPE_SERIES = Set.of("up", "scrape_duration_seconds",
            "scrape_samples_scraped", "ALERTS", "ALERTS_FOR_STATE");
    /** A sample line of the Prometheus text format: its series name. */
    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{| )");

    /** A Grafana template variable's {@code label_values(metric, label)} query. */
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][\\w:]*)");

    static LocalPipeline pipeline;
    static PipelineClient client;
    static Set<String> scraped;

    @BeforeAll
    static void trafficThenScrape() throws Exception {
        pipeline = SharedPipeline.get();
        client = new PipelineClient(pipeline);
        String resume = Seeds.pythonAiServicesResume("dash@example.com")
                .replace("\"summary\":\"", "\"summary\":\"Dashboard " + UUID.randomUUID() + ". ");
        String first = client.submit("/v1/resumes", resume).get("task_id").asString();
        client.awaitTerminal(first, Duration.ofSeconds(60));
        // Same content again: a cache hit.
        String again = client.submit("/v1/resumes", resume).get("task_id").asString();
        client.awaitTerminal(again, Duration.ofSeconds(60));
        String job = client.submit("/v1/jobs", Seeds.backendJob()).get("task_id").asString();
        client.awaitTerminal(job, Duration.ofSeconds(60));
        poison();
        // The results API counts tasks per state every 15 s; wait for a count that includes ours.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (System.nanoTime() < deadline
                && client.metric(pipeline.resultsPort(), "pipeline_tasks_current") < 1) {
            PipelineClient.sleep(250);
        }

        scraped = new TreeSet<>();
        StringBuilder all = new StringBuilder();
        for (int port : new int[] {pipeline.ingestPort(), pipeline.resultsPort(), pipeline.embeddingWorkerPort()}) {
            String body = client.scrape("http://127.0.0.1:" + port + "/actuator/prometheus").body();
            all.append(body);
            Matcher m = SAMPLE.matcher(body);
            while (m.find()) {
                scraped.add(m.group(1));
            }
        }
        Path dump = Path.of("target", "scraped-metrics.txt");
        Files.createDirectories(dump.getParent());
        Files.writeString(dump, String.join("\n", scraped) + "\n", StandardCharsets.UTF_8);
        Files.writeString(Path.of("target", "scraped-prometheus.txt"), all, StandardCharsets.UTF_8);
    }

    /** Unreadable records on a worker topic and on task.events: both consumers dead-letter them. */
    private static void poison() throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().endpoints().kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(Topics.RESUME_SUBMITTED_NAME, "dash-poison", garbage)).get(10, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(Topics.TASK_EVENTS_NAME, "dash-poison", garbage)).get(10, TimeUnit.SECONDS);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline
                && (client.metric(pipeline.embeddingWorkerPort(), "pipeline_dlt_messages_total") < 1
                        || client.metric(pipeline.resultsPort(), "pipeline_dlt_messages_total") < 1)) {
            PipelineClient.sleep(100);
        }
    }

    @Test
    void everyDashboardQueryReadsMetricsTheServicesExport() throws IOException {
        List<Path> dashboards = InfraFiles.list("grafana/dashboards", ".json");
        assertThat(dashboards).as("dashboards").hasSizeGreaterThanOrEqualTo(3);
        Map<String, List<String>> exprs = new LinkedHashMap<>();
        for (Path dashboard : dashboards) {
            var json = InfraFiles.json(dashboard);
            List<String> list = new ArrayList<>(InfraFiles.fieldValues(json, "expr"));
            // Template variables: label_values(metric, label) reads a metric too.
            for (String definition : InfraFiles.fieldValues(json, "definition")) {
                Matcher m = LABEL_VALUES.matcher(definition);
                if (m.find()) {
                    list.add(m.group(1));
                }
            }
            exprs.put(dashboard.getFileName().toString(), list);
        }
        assertMetricsExist(exprs, Set.of());
    }

    @Test
    void everyAlertRuleReadsMetricsTheServicesExport() {
        Map<String, List<String>> exprs = new LinkedHashMap<>();
        Set<String> recorded = new TreeSet<>();
        for (Path file : InfraFiles.list("prometheus", ".rules.yml")) {
            List<String> list = new ArrayList<>();
            for (Object group : InfraFiles.asList(InfraFiles.yaml(file).get("groups"), file + " groups")) {
                for (Object rule : InfraFiles.asList(InfraFiles.asMap(group, file.toString()).get("rules"), file + " rules")) {
                    Map<String, Object> r = InfraFiles.asMap(rule, file.toString());
                    list.add(String.valueOf(r.get("expr")));
                    if (r.containsKey("record")) {
                        recorded.add(String.valueOf(r.get("record")));
                    }
                }
            }
            exprs.put(file.getFileName().toString(), list);
        }
        assertThat(exprs).as("rule files").isNotEmpty();
        assertMetricsExist(exprs, recorded);
    }

    private static void assertMetricsExist(Map<String, List<String>> exprsByFile, Set<String> alsoKnown) {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (var entry : exprsByFile.entrySet()) {
            assertThat(entry.getValue()).as(entry.getKey() + " has queries").isNotEmpty();
            for (String expr : entry.getValue()) {
                Set<String> names = PromQl.metricNames(expr);
                assertThat(names).as(entry.getKey() + ": no metric in " + expr).isNotEmpty();
                for (String name : names) {
                    checked++;
                    boolean found = SCRAPE_SERIES.contains(name) || alsoKnown.contains(name)
                            || PromQl.candidates(name).stream().anyMatch(scraped::contains);
                    if (!found) {
                        missing.add(entry.getKey() + ": " + name + " in " + expr);
                    }
                }
            }
        }
        assertThat(checked).isPositive();
        assertThat(missing).as("metrics queried but not exported (see target/scraped-metrics.txt)").isEmpty();
    }
}
