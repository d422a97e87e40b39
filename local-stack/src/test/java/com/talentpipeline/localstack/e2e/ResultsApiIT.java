package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.localstack.pipeline.LocalPipeline;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The results API alone, driven through its input topic: task events re-delivered, out of order or
 * unreadable never corrupt a task, duplicate a result or stop the partition.
 */
class ResultsApiIT {

    static LocalPipeline pipeline;
    static PipelineClient client;
    static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() {
        pipeline = SharedPipeline.get();
        client = new PipelineClient(pipeline);
        producer = Topics4Tests.producer(pipeline);
    }

    @AfterAll
    static void stop() {
        producer.close();
    }

    private static void publish(UUID taskId, String subject, TaskEvent event) throws Exception {
        var envelope = new EventEnvelope<>(UUID.randomUUID().toString(), Topics.TASK_EVENTS_NAME, taskId, SharedPipeline.TENANT_A,
                subject, "hash", Instant.now(), null, event);
        producer.send(new ProducerRecord<>(Topics.TASK_EVENTS_NAME, subject, Topics.TASK_EVENTS.encode(envelope)))
                .get(10, TimeUnit.SECONDS);
    }

    private static long resultRows(UUID taskId) throws Exception {
        var endpoints = pipeline.stack().endpoints();
        try (Connection db = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUser(), endpoints.dbPassword());
                PreparedStatement statement = db.prepareStatement("SELECT count(*) FROM task_results WHERE task_id = ?")) {
            statement.setObject(1, taskId);
            ResultSet rs = statement.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void redeliveredAndStaleEventsChangeNothing() throws Exception {
        UUID taskId = UUID.randomUUID();
        String subject = "job-" + taskId;
        JsonNode result = PipelineJson.mapper().readTree("{\"jobId\":\"" + subject + "\",\"version\":1}");
        var model = new ModelRef("m", "m@1", 3);
        publish(taskId, subject, TaskEvent.running(TaskType.JOB_EMBEDDING));
        publish(taskId, subject, TaskEvent.succeeded(TaskType.JOB_EMBEDDING, model, "/v1/jobs/" + subject + "/embeddings",
                result, false));
        // A worker restarted after its results were acknowledged but before its offsets were committed:
        publish(taskId, subject, TaskEvent.running(TaskType.JOB_EMBEDDING));
        publish(taskId, subject, TaskEvent.succeeded(TaskType.JOB_EMBEDDING, model, "/v1/jobs/" + subject + "/embeddings",
                result, true));
        // A marker event after them: once it is visible, everything before it on the partition was applied.
        UUID marker = UUID.randomUUID();
        publish(marker, subject, TaskEvent.failed(TaskType.JOB_EMBEDDING, ErrorCode.INTERNAL_ERROR, "marker"));
        client.awaitTerminal(marker.toString(), Duration.ofSeconds(30));

        JsonNode task = client.awaitTerminal(taskId.toString(), Duration.ofSeconds(30));
        assertThat(task.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(task.get("cache_hit").asBoolean()).as("first terminal event wins").isFalse();
        assertThat(task.get("model").get("version").asString()).isEqualTo("m@1");
        assertThat(resultRows(taskId)).isEqualTo(1);
        JsonNode embeddings = PipelineClient.json(client.get(client.results("/v1/jobs/" + subject + "/embeddings")));
        assertThat(embeddings.get("job_id").asString()).isEqualTo(subject);
    }

    @Test
    void aFailedTaskCannotBeRevivedAndShowsItsReason() throws Exception {
        UUID taskId = UUID.randomUUID();
        String subject = "resume-" + taskId;
        publish(taskId, subject, TaskEvent.failed(TaskType.RESUME_EMBEDDING, ErrorCode.MODEL_FAILED, "model threw"));
        publish(taskId, subject, TaskEvent.running(TaskType.RESUME_EMBEDDING));
        UUID marker = UUID.randomUUID();
        publish(marker, subject, TaskEvent.failed(TaskType.RESUME_EMBEDDING, ErrorCode.INTERNAL_ERROR, "marker"));
        client.awaitTerminal(marker.toString(), Duration.ofSeconds(30));

        JsonNode task = PipelineClient.json(client.get(client.results("/v1/tasks/" + taskId)));
        assertThat(task.get("state").asString()).isEqualTo("FAILED");
        assertThat(task.get("error").get("code").asString()).isEqualTo("MODEL_FAILED");
        assertThat(task.get("error").get("message").asString()).isEqualTo("model threw");
        assertThat(PipelineClient.json(client.get(client.results("/v1/resumes/" + subject + "/embeddings")))
                .get("status").asInt()).isEqualTo(404);
    }

    @Test
    void anUnreadableTaskEventIsDeadLetteredAndThePartitionMovesOn() throws Exception {
        String subject = "poison-" + UUID.randomUUID();
        double dltBefore = client.metric(pipeline.resultsPort(), "pipeline_dlt_messages_total",
                "topic=\"task.events\"");
        producer.send(new ProducerRecord<>(Topics.TASK_EVENTS_NAME, subject, "not json".getBytes()))
                .get(10, TimeUnit.SECONDS);
        UUID after = UUID.randomUUID();
        publish(after, subject, TaskEvent.running(TaskType.JOB_EMBEDDING));
        publish(after, subject, TaskEvent.failed(TaskType.JOB_EMBEDDING, ErrorCode.INTERNAL_ERROR, "after poison"));
        assertThat(client.awaitTerminal(after.toString(), Duration.ofSeconds(30)).get("error").get("message").asString())
                .isEqualTo("after poison");
        assertThat(client.metric(pipeline.resultsPort(), "pipeline_dlt_messages_total", "topic=\"task.events\""))
                .isEqualTo(dltBefore + 1);
    }

    @Test
    void aWorkerEventAfterAnErasureDoesNotReCreateTheTask() throws Exception {
        var accepted = client.post(client.ingest("/v1/resumes"), Seeds.javaKafkaResume("erased-" + UUID.randomUUID()
                + "@example.com"), java.util.Map.of());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        UUID taskId = UUID.fromString(PipelineClient.json(accepted).get("task_id").asString());
        String resumeId = PipelineClient.json(accepted).get("resume_id").asString();
        assertThat(client.awaitTerminal(taskId.toString(), Duration.ofSeconds(60)).get("state").asString())
                .isEqualTo("SUCCEEDED");
        var deleted = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(PipelineClient.authorized(java.net.URI.create(client.ingest("/v1/resumes/" + resumeId)))
                        .timeout(Duration.ofSeconds(30)).DELETE().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(202);
        // The results API erases the tasks as a participant of the fan-out; the erasure task ends after it.
        String erasure = PipelineJson.mapper().readTree(deleted.body()).get("task_id").asString();
        assertThat(client.awaitTerminal(erasure, Duration.ofSeconds(60)).get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(taskRows(resumeId)).isZero();

        // A worker that was still busy (or a re-delivery) reports on the erased resume after the DELETE:
        var model = new ModelRef("m", "m@1", 3);
        JsonNode result = PipelineJson.mapper().readTree("{\"resumeId\":\"" + resumeId + "\",\"version\":1}");
        publish(taskId, resumeId, TaskEvent.running(TaskType.RESUME_EMBEDDING));
        publish(taskId, resumeId, TaskEvent.succeeded(TaskType.RESUME_EMBEDDING, model,
                "/v1/resumes/" + resumeId + "/embeddings", result, true));
        UUID late = UUID.randomUUID();
        publish(late, resumeId, TaskEvent.running(TaskType.RESUME_EMBEDDING));
        // A marker on the same partition (same key) for another subject: once it is visible, the events
        // before it were applied, or skipped.
        UUID marker = UUID.randomUUID();
        var envelope = new EventEnvelope<>(UUID.randomUUID().toString(), Topics.TASK_EVENTS_NAME, marker, SharedPipeline.TENANT_A,
                "marker-" + marker, "hash", Instant.now(), null,
                TaskEvent.failed(TaskType.RESUME_EMBEDDING, ErrorCode.INTERNAL_ERROR, "marker"));
        producer.send(new ProducerRecord<>(Topics.TASK_EVENTS_NAME, resumeId, Topics.TASK_EVENTS.encode(envelope)))
                .get(10, TimeUnit.SECONDS);
        client.awaitTerminal(marker.toString(), Duration.ofSeconds(30));

        assertThat(taskRows(resumeId)).as("tasks of the erased resume").isZero();
        assertThat(client.get(client.results("/v1/tasks/" + taskId)).statusCode()).isEqualTo(404);
        assertThat(client.get(client.results("/v1/tasks/" + late)).statusCode()).isEqualTo(404);
        assertThat(client.get(client.results("/v1/resumes/" + resumeId + "/embeddings")).statusCode()).isEqualTo(404);
    }

    private static long taskRows(String subject) throws Exception {
        var endpoints = pipeline.stack().endpoints();
        try (Connection db = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUser(), endpoints.dbPassword());
                PreparedStatement statement = db.prepareStatement("SELECT count(*) FROM tasks WHERE subject_id = ? AND type <> 'erasure'")) {
            statement.setString(1, subject);
            ResultSet rs = statement.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }
}
