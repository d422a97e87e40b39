package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.localstack.tools.DeadLetterReplay;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scenario 5: a poison record (unreadable bytes naming its task) goes to {@code resume.submitted.DLT}
 * with the error in its headers, its task is FAILED with the reason and the partition keeps moving;
 * and {@link DeadLetterReplay} re-drives a dead letter whose cause is gone (a model failure that was
 * fixed): a dry run changes nothing, a run republishes it to the original topic as a task of its own
 * that reaches SUCCEEDED, and a second run republishes nothing.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DeadLetterReplayFaultIT {

    /** Starts from a healthy stack whatever the test before left behind (servers up, worker started, pools answering). */
    @BeforeEach
    void healthyStack() {
        FaultPipeline.get().ensureHealthy();
    }

    /** Leaves a healthy stack whatever this test's assertions did. */
    @AfterEach
    void restoreStack() {
        FaultPipeline.get().ensureHealthy();
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndAFixedDeadLetterIsReplayedOnce() throws Exception {
        FaultPipeline f = FaultPipeline.get();
        String dlt = Topics.RESUME_SUBMITTED.deadLetterTopic();

        // Poison: an envelope that names its task but whose payload is not a resume submission (a string
        // where an object belongs). The worker cannot deserialise it, dead-letters it and fails the task.
        UUID poisonTask = UUID.randomUUID();
        String poisonKey = "poison-" + poisonTask;
        byte[] poison = ("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"resume.submitted\",\"taskId\":\""
                + poisonTask + "\",\"tenantId\":\"default\",\"subjectId\":\"" + poisonKey
                + "\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"payload\":{\"resumeId\":[1,2],\"resume\":\"x\"}}")
                .getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = Topics4Tests.producer(f.pipeline)) {
            producer.send(new ProducerRecord<>(Topics.RESUME_SUBMITTED_NAME, poisonKey, poison)).get(10, TimeUnit.SECONDS);
        }
        JsonNode failed = f.awaitTerminal(poisonTask.toString(), Duration.ofSeconds(90));
        assertThat(failed.get("state").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").get("code").asString()).isEqualTo("MALFORMED_EVENT");
        assertThat(failed.get("error").get("message").asString()).isNotBlank();
        List<ConsumerRecord<String, byte[]>> dead = Topics4Tests.readKey(f.pipeline, dlt, poisonKey, 1);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
        assertThat(dead.get(0).headers().lastHeader("kafka_dlt-original-topic").value())
                .isEqualTo(Topics.RESUME_SUBMITTED_NAME.getBytes(StandardCharsets.UTF_8));
        // The partition keeps moving.
        JsonNode good = f.client.submit("/v1/resumes", FaultPipeline.resume(FaultPipeline.marker("after-poison")));
        assertThat(f.awaitTerminal(good.get("task_id").asString(), Duration.ofSeconds(90)).get("state").asString())
                .isEqualTo("SUCCEEDED");

        // A dead letter whose cause is fixed: a real job event, dead-lettered as the worker does when the
        // model fails on it (same headers). Jobs: the poison above stays in the resume DLT.
        String jobDlt = Topics.JOB_SUBMITTED.deadLetterTopic();
        JsonNode job = f.client.submit("/v1/jobs", Seeds.backendJob());
        assertThat(f.awaitTerminal(job.get("task_id").asString(), Duration.ofSeconds(90)).get("state").asString())
                .isEqualTo("SUCCEEDED");
        String jobId = job.get("job_id").asString();
        ConsumerRecord<String, byte[]> original = Topics4Tests.readKey(f.pipeline, Topics.JOB_SUBMITTED_NAME, jobId, 1).get(0);
        ObjectNode envelope = (ObjectNode) PipelineJson.mapper().readTree(original.value());
        String deadTask = UUID.randomUUID().toString();
        envelope.put("taskId", deadTask);
        try (KafkaProducer<String, byte[]> producer = Topics4Tests.producer(f.pipeline)) {
            ProducerRecord<String, byte[]> letter = new ProducerRecord<>(jobDlt, jobId,
                    PipelineJson.mapper().writeValueAsBytes(envelope));
            original.headers().forEach(h -> letter.headers().add(h));
            letter.headers().add("kafka_dlt-original-topic", Topics.JOB_SUBMITTED_NAME.getBytes(StandardCharsets.UTF_8));
            letter.headers().add("kafka_dlt-exception-fqcn", "ai.djl.translate.TranslateException".getBytes(StandardCharsets.UTF_8));
            letter.headers().add("kafka_dlt-exception-message", "model failed".getBytes(StandardCharsets.UTF_8));
            producer.send(letter).get(10, TimeUnit.SECONDS);
        }

        String bootstrap = f.stack.endpoints().kafkaBootstrapServers();
        String topic = Topics.JOB_SUBMITTED_NAME;
        long before = Topics4Tests.endOffsets(f.pipeline, topic);
        DeadLetterReplay.Result dry = DeadLetterReplay.run(new DeadLetterReplay.Options(bootstrap, topic, null, null,
                true, false), quiet());
        assertThat(dry.scanned()).isEqualTo(1);
        assertThat(dry.replayed()).isZero();
        assertThat(Topics4Tests.endOffsets(f.pipeline, topic)).as("dry run publishes nothing").isEqualTo(before);

        long t0 = System.nanoTime();
        DeadLetterReplay.Result run = DeadLetterReplay.run(new DeadLetterReplay.Options(bootstrap, topic, null, null,
                false, false), quiet());
        assertThat(run.replayed()).isEqualTo(1);
        assertThat(run.taskIds()).hasSize(1).doesNotContain(deadTask);
        assertThat(Topics4Tests.endOffsets(f.pipeline, topic)).isEqualTo(before + 1);
        // The fixed dead letter runs as a task of its own (deterministic in the dead letter's coordinates).
        JsonNode replayedTask = f.awaitTerminal(run.taskIds().get(0), Duration.ofSeconds(90));
        assertThat(replayedTask.get("state").asString()).isEqualTo("SUCCEEDED");
        long replayMillis = FaultPipeline.millisSince(t0);
        List<ConsumerRecord<String, byte[]>> replayed = Topics4Tests.read(f.pipeline, topic,
                r -> jobId.equals(r.key()) && r.headers().lastHeader(DeadLetterReplay.REPLAYED_FROM_HEADER) != null,
                1, Duration.ofSeconds(30));
        assertThat(replayed).hasSize(1);
        assertThat(replayed.get(0).headers().lastHeader("kafka_dlt-exception-message")).isNull();
        assertThat(new String(replayed.get(0).headers().lastHeader(DeadLetterReplay.REPLAY_OF_TASK_HEADER).value(),
                StandardCharsets.UTF_8)).isEqualTo(deadTask);

        // Recorded as replayed: a second run re-drives nothing; --from-offset 0 would again (listed only here).
        DeadLetterReplay.Result again = DeadLetterReplay.run(new DeadLetterReplay.Options(bootstrap, topic, null, null,
                false, false), quiet());
        assertThat(again.replayed()).isZero();
        assertThat(Topics4Tests.endOffsets(f.pipeline, topic)).isEqualTo(before + 1);
        DeadLetterReplay.Result fromStart = DeadLetterReplay.run(new DeadLetterReplay.Options(bootstrap, topic, 0L, null,
                true, false), quiet());
        assertThat(fromStart.scanned()).isEqualTo(1);
        assertThat(fromStart.taskIds()).isEqualTo(run.taskIds());
        FaultPipeline.record("dlt replay: dry run listed " + dry.scanned() + ", run replayed " + run.replayed()
                + " (SUCCEEDED " + replayMillis + " ms after the run began), second run replayed " + again.replayed());
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
