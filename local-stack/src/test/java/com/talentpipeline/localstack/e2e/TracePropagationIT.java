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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
            String taskId = accepted.get("task_id").asString();
            String resumeId = accepted.get("resume_id").asString();
            assertThat(client.awaitTerminal(taskId, Duration.ofSeconds(60)).get("state").asString()).isEqualTo("SUCCEEDED");

            List<ConsumerRecord<String, byte[]>> submitted = Topics4Tests.read(pipeline, Topics.RESUME_SUBMITTED_NAME, r -> resumeId.equals(r.key()) && new String(r.value(), java.nio.charset.StandardCharsets.UTF_8).contains(taskId), 1, java.time.Duration.ofSeconds(30));
            assertThat(Traceparent.from(submitted.get(0).headers())).isEqualTo(traceparent);
            assertThat(envelope(submitted.get(0)).get("traceparent").asString()).isEqualTo(traceparent);

            // RUNNING and SUCCEEDED from the worker: same trace in the envelope and in the header.
            List<ConsumerRecord<String, byte[]>> events = Topics4Tests.read(pipeline, Topics.TASK_EVENTS_NAME, r -> resumeId.equals(r.key()) && new String(r.value(), java.nio.charset.StandardCharsets.UTF_8).contains(taskId), 2, java.time.Duration.ofSeconds(30));
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
}
