package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.localstack.pipeline.LocalPipeline;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17, embed once: new resumes and jobs are encoded by the embedding worker alone. Over the whole
 * pipeline the sum of {@code inference_texts_total} grows by exactly the embedding worker's count, and
 * every downstream result is still produced from what it published: the score with its career paths,
 * the RAG index (chunks stored), the recommendations, the jobs in the matching index.
 */
class EmbedOnceIT {

    static LocalPipeline pipeline;
    static PipelineClient client;

    @BeforeAll
    static void start() {
        pipeline = SharedPipeline.get();
        client = new PipelineClient(pipeline);
    }

    @Test
    void newResumesAndJobsAreEncodedOnlyByTheEmbeddingWorkerAndEveryResultIsStillProduced() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        quiesce();
        double embeddingBefore = client.metric(pipeline.embeddingWorkerPort(), "inference_texts_total");
        double totalBefore = totalTexts();

        List<String> jobs = new ArrayList<>();
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            JsonNode accepted = client.submit("/v1/jobs", Seeds.backendJob()
                    .replace("Senior Java Backend Engineer", "Java Backend Engineer " + run + "-" + i)
                    .replace("\"skills\":[", "\"skills\":[{\"name\":\"Stream processing " + run + i + "\"},"));
            jobs.add(accepted.get("job_id").asString());
            tasks.add(accepted.get("task_id").asString());
        }
        awaitSucceeded(tasks);
        List<String> resumes = new ArrayList<>();
        tasks.clear();
        for (int i = 0; i < 3; i++) {
            JsonNode accepted = client.submit("/v1/resumes", Seeds.javaKafkaResume("embed-once-" + run + i + "@example.com")
                    .replace("Backend engineer building", "Backend engineer (" + run + "-" + i + ") building")
                    .replace("\"skills\":[", "\"skills\":[{\"name\":\"Event sourcing " + run + i + "\"},"));
            resumes.add(accepted.get("resume_id").asString());
            tasks.add(accepted.get("task_id").asString());
        }
        awaitSucceeded(tasks);

        for (String resumeId : resumes) {
            JsonNode score = await("score of " + resumeId, () -> {
                HttpResponse<String> r = client.get(client.results("/v1/resumes/" + resumeId + "/score"));
                return r.statusCode() == 200 ? PipelineClient.json(r) : null;
            });
            assertThat(score.get("career_paths").size()).isPositive();
            await("RAG chunks of " + resumeId, () -> chunks(resumeId) > 0 ? Boolean.TRUE : null);
            JsonNode recommendations = await("recommendations of " + resumeId, () -> {
                HttpResponse<String> r = client.get(client.ingest("/v1/resumes/" + resumeId + "/recommendations?limit=100"));
                return r.statusCode() == 200 && PipelineClient.json(r).get("recommendations").size() > 0
                        ? PipelineClient.json(r) : null;
            });
            assertThat(recommendations.get("recommendations").size()).isPositive();
        }
        // A resume-job comparison of the new documents: skills are matched by the vectors both events carried.
        for (String jobId : jobs) {
            HttpResponse<String> r = client.post(client.ingest("/v1/matches"),
                    "{\"resumeId\":\"" + resumes.get(0) + "\",\"jobId\":\"" + jobId + "\"}", Map.of());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            String taskId = PipelineClient.json(r).get("task_id").asString();
            assertThat(client.awaitTerminal(taskId, Duration.ofSeconds(60)).get("state").asString()).isEqualTo("SUCCEEDED");
            JsonNode match = PipelineClient.json(client.get(client.results("/v1/tasks/" + taskId + "?includeResult=true")))
                    .get("result");
            List<String> matched = new ArrayList<>();
            match.get("matched_skills").forEach(n -> matched.add(n.asString()));
            assertThat(matched).contains("Java", "Kafka");
        }
        quiesce();

        double embedding = client.metric(pipeline.embeddingWorkerPort(), "inference_texts_total") - embeddingBefore;
        double total = totalTexts() - totalBefore;
        System.out.printf("EmbedOnceIT: 2 jobs + 3 resumes: embedding worker encoded %.0f texts, all services %.0f%n",
                embedding, total);
        assertThat(embedding).as("texts the embedding worker encoded").isPositive();
        assertThat(total).as("texts encoded anywhere in the pipeline").isEqualTo(embedding);
    }

    /** inference_texts_total summed over every service of the pipeline. */
    static double totalTexts() {
        double sum = 0;
        for (int port : new int[] {pipeline.ingestPort(), pipeline.resultsPort(), pipeline.embeddingWorkerPort(),
                pipeline.scoringWorkerPort(), pipeline.ragWorkerPort(), pipeline.matchingWorkerPort(),
                pipeline.detectionWorkerPort()}) {
            sum += client.metric(port, "inference_texts_total");
        }
        return sum;
    }

    /** Waits until no service has encoded anything for a second (work of earlier test classes settles). */
    static void quiesce() {
        double last = totalTexts();
        int stable = 0;
        Instant deadline = Instant.now().plusSeconds(30);
        while (stable < 3 && Instant.now().isBefore(deadline)) {
            PipelineClient.sleep(400);
            double now = totalTexts();
            stable = now == last ? stable + 1 : 0;
            last = now;
        }
    }

    static void awaitSucceeded(List<String> tasks) {
        for (String task : tasks) {
            assertThat(client.awaitTerminal(task, Duration.ofSeconds(90)).get("state").asString()).isEqualTo("SUCCEEDED");
        }
    }

    static <T> T await(String what, Supplier<T> probe) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            PipelineClient.sleep(200);
        }
        throw new AssertionError(what + " not there within 60 s");
    }

    static long chunks(String resumeId) {
        var endpoints = pipeline.stack().endpoints();
        try (Connection db = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUser(), endpoints.dbPassword());
                PreparedStatement count = db.prepareStatement("SELECT count(*) FROM rag_chunks WHERE resume_id = ?")) {
            count.setString(1, resumeId);
            ResultSet rs = count.executeQuery();
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
