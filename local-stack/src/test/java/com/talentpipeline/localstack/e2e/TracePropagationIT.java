package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.trace.Traceparent;
import com.talentpipeline.embedding.worker.EmbeddingBatchProcessor;
import com.talentpipeline.localstack.pipeline.LocalPipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * One task can be followed across services by the W3C trace id its client sent: the submitted
 * record and every task event carry it (envelope field and {@code traceparent} Kafka header), and
 * the worker logs its work on the task with that trace id in the MDC (a field of the JSON logs).
 */
class TracePropagationIT {

    static LocalPipeline pipeline;
    static PipelineClient client;

    @BeforeAll
    static void startPipeline() {
        pipeline = SharedPipeline.get();
        client = new PipelineClient(pipeline);
    }

    @Test
    void theClientsTraceIdReachesTheWorkersLogsAndEveryEventOfTheTask() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
        Logger workerLog = (Logger) LoggerFactory.getLogger(EmbeddingBatchProcessor.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        workerLog.addAppender(appender);
        try {
            String resume = Seeds.javaKafkaResume("trace@example.com")
                    .replace("\"summary\":\"", "\"summary\":\"Trace " + UUID.randomUUID() + ". ");
            var response = client.post(client.ingest("/v1/resumes"), resume, Map.of("traceparent", traceparent));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            JsonNode accepted = PipelineClient.json(response);
            String taskId = accepted.get("taskId").asString();
            String resumeId = accepted.get("resumeId").asString();
            assertThat(client.awaitTerminal(taskId, Duration.ofSeconds(60)).get("state").asString()).isEqualTo("SUCCEEDED");

            List<ConsumerRecord<String, byte[]>> submitted = read(Topics.RESUME_SUBMITTED_NAME, resumeId, taskId, 1);
            assertThat(Traceparent.from(submitted.get(0).headers())).isEqualTo(traceparent);
            assertThat(envelope(submitted.get(0)).get("traceparent").asString()).isEqualTo(traceparent);

            // RUNNING and SUCCEEDED from the worker: same trace in the envelope and in the header.
            List<ConsumerRecord<String, byte[]>> events = read(Topics.TASK_EVENTS_NAME, resumeId, taskId, 2);
            for (ConsumerRecord<String, byte[]> event : events) {
                assertThat(envelope(event).get("traceparent").asString()).isEqualTo(traceparent);
                assertThat(Traceparent.traceId(Traceparent.from(event.headers()))).isEqualTo(traceId);
            }

            Instant deadline = Instant.now().plusSeconds(10);
            ILoggingEvent logged = null;
            while (logged == null && Instant.now().isBefore(deadline)) {
                logged = appender.list.stream().filter(e -> e.getFormattedMessage().contains(taskId)).findFirst().orElse(null);
                PipelineClient.sleep(50);
            }
            assertThat(logged).as("worker log line for task " + taskId).isNotNull();
            assertThat(logged.getMDCPropertyMap()).as("MDC of " + logged.getFormattedMessage())
                    .containsEntry("traceId", traceId).containsKey("spanId");
        } finally {
            workerLog.detachAppender(appender);
        }
    }

    private static JsonNode envelope(ConsumerRecord<String, byte[]> record) {
        return PipelineJson.mapper().readTree(record.value());
    }

    /** The records with this key whose envelope names the task, waiting for at least {@code expected}. */
    private static List<ConsumerRecord<String, byte[]>> read(String topic, String key, String taskId, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().endpoints().kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "trace-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (found.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key()) && new String(record.value(), java.nio.charset.StandardCharsets.UTF_8).contains(taskId)) {
                        found.add(record);
                    }
                }
            }
        }
        assertThat(found).as(topic + " records of task " + taskId).hasSizeGreaterThanOrEqualTo(expected);
        return found;
    }
}
