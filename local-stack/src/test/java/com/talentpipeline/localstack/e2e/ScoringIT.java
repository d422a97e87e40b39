package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.resume.ResumeScored;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.localstack.pipeline.LocalPipeline;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue #3 end to end: a resume submitted to ingest is scored by the scoring worker from
 * {@code resume.submitted} (quality grade, ATS, career paths), readable at its API and as a SUCCEEDED
 * {@code resume.score} task on the results API; ATS against a job lists the job's keywords; an
 * interview is accepted (202), scored and SUCCEEDED on the results API; a bad rubric is 400.
 * Prints the time from submission to a readable score.
 */
class ScoringIT {

    static LocalPipeline pipeline;
    static PipelineClient client;

    @BeforeAll
    static void start() {
        pipeline = SharedPipeline.get();
        client = new PipelineClient(pipeline);
    }

    static JsonNode awaitScore(String resumeId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(deadline)) {
            last = client.get(client.results("/v1/resumes/" + resumeId + "/score"));
            if (last.statusCode() == 200) {
                return PipelineClient.json(last);
            }
            assertThat(last.statusCode()).as(last.body()).isEqualTo(409);
            assertThat(PipelineClient.json(last).get("code").asString()).isEqualTo("not_ready");
            PipelineClient.sleep(100);
        }
        throw new AssertionError("resume " + resumeId + " not scored: " + (last == null ? null : last.body()));
    }

    @Test
    void aSubmittedResumeIsScoredWithGradeAtsAndCareerPathsAndItsTaskSucceeds() {
        String email = "lars-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        long t0 = System.nanoTime();
        String resumeId = client.submit("/v1/resumes", Seeds.javaKafkaResume(email)).get("resume_id").asString();
        JsonNode score = awaitScore(resumeId);
        System.out.printf("ScoringIT: resume scored and readable %.0f ms after submission%n", (System.nanoTime() - t0) / 1e6);

        assertThat(score.get("resume_id").asString()).isEqualTo(resumeId);
        assertThat(score.get("version").asInt()).isEqualTo(1);
        int overall = score.get("overall_score").asInt();
        assertThat(overall).isBetween(0, 100);
        assertThat(Set.of("A+", "A", "B+", "B", "C+", "C", "D", "F")).contains(score.get("grade").asString());
        for (String part : List.of("completeness", "experience", "skills", "certifications")) {
            assertThat(score.get("breakdown").get(part).get("score").asInt()).isBetween(0, 100);
            assertThat(score.get("breakdown").get(part).get("rules").size()).isPositive();
        }
        assertThat(score.get("total_experience_years").asDouble()).isGreaterThan(7.0);
        assertThat(score.get("ats_score").asInt()).isBetween(0, 100);
        assertThat(score.get("ats").get("factors").size()).isEqualTo(7);
        JsonNode paths = score.get("career_paths");
        assertThat(paths.size()).isEqualTo(5);
        double sum = 0;
        List<String> top3 = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            sum += paths.get(i).get("confidence").asDouble();
            if (i < 3) {
                top3.add(paths.get(i).get("id").asString());
            }
        }
        assertThat(sum).isLessThanOrEqualTo(1.0);
        assertThat(top3).contains("backend-engineer");

        // The same result as a SUCCEEDED resume.score task on the results API.
        JsonNode task = client.awaitTerminal(score.get("task_id").asString(), Duration.ofSeconds(30));
        assertThat(task.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(task.get("type").asString()).isEqualTo("resume.score");

        // ATS against a job: the job's keywords found and missing.
        String jobId = client.submit("/v1/jobs", Seeds.backendJob()).get("job_id").asString();
        JsonNode withJob = PipelineClient.json(client.get(client.results("/v1/resumes/" + resumeId + "/score?jobId=" + jobId)));
        JsonNode keywords = withJob.get("ats").get("keywords");
        List<String> found = new ArrayList<>();
        keywords.get("found").forEach(k -> found.add(k.asString()));
        assertThat(found).contains("Java", "Kafka", "Spring Boot");
        assertThat(withJob.get("ats").get("factors").size()).isEqualTo(8);

        // resume.scored carries the derived values for webhooks.
        var scored = Topics4Tests.readKey(pipeline, Topics.RESUME_SCORED_NAME, resumeId, 1);
        ResumeScored event = Topics.RESUME_SCORED.decode(scored.get(0).value()).payload();
        assertThat(event.grade()).isEqualTo(score.get("grade").asString());
        assertThat(event.overallScore()).isEqualTo(overall);
        assertThat(event.careerPath()).isEqualTo(paths.get(0).get("career_path").asString());

        // The same content under another id is served from the Redis cache (content-addressed key).
        String twinId = client.submit("/v1/resumes", Seeds.javaKafkaResume(email)).get("resume_id").asString();
        JsonNode twin = awaitScore(twinId);
        assertThat(twin.get("resume_id").asString()).isEqualTo(twinId);
        assertThat(twin.get("overall_score").asInt()).isEqualTo(overall);
        JsonNode twinTask = client.awaitTerminal(twin.get("task_id").asString(), Duration.ofSeconds(30));
        assertThat(twinTask.get("cache_hit").asBoolean()).isTrue();
        int port = pipeline.scoringWorkerPort();
        double missCount = client.metric(port, "scoring_resume_latency_seconds_count", "cache=\"miss\"");
        double hitCount = client.metric(port, "scoring_resume_latency_seconds_count", "cache=\"hit\"");
        assertThat(hitCount).isPositive();
        System.out.printf("ScoringIT: worker scoring latency, mean over this JVM's resumes: miss %.1f ms (%d), hit %.1f ms (%d)%n",
                1000 * client.metric(port, "scoring_resume_latency_seconds_sum", "cache=\"miss\"") / missCount, (long) missCount,
                1000 * client.metric(port, "scoring_resume_latency_seconds_sum", "cache=\"hit\"") / hitCount, (long) hitCount);

        assertThat(client.get(client.results("/v1/resumes/" + resumeId + "/score?jobId=no-such-job")).statusCode()).isEqualTo(404);
        assertThat(client.get(client.results("/v1/resumes/no-such-resume/score")).statusCode()).isEqualTo(404);
    }

    static String transcript() {
        return """
                [{"speaker":"interviewer","content":"How would you design an API that must not charge a customer twice when clients retry?"},
                 {"speaker":"candidate","content":"I would make the charge endpoint idempotent. The client sends an idempotency key, and the server stores the key with the result in the same transaction as the charge, with a unique index on the key. A retry returns the stored result instead of charging again. I considered Redis with a TTL, but the trade-off is that an eviction could let a duplicate through, so we keep it in PostgreSQL."},
                 {"speaker":"interviewer","content":"How do you work with your team when you disagree on a technical decision?"},
                 {"speaker":"candidate","content":"We write down the options and the trade-offs, run a small benchmark together, and decide on the evidence. I make sure my colleagues' concerns go into the plan and we share the decision with the team."}]""";
    }

    @Test
    void anInterviewIsAcceptedScoredAndSucceedsOnTheResultsApiAndABadRubricIs400() {
        String id = "iv-" + UUID.randomUUID();
        String body = "{\"interview_id\":\"" + id + "\",\"transcript\":" + transcript()
                + ",\"rubric\":{\"communication\":0.3,\"technical\":0.4,\"problem_solving\":0.3}}";
        HttpResponse<String> accepted = client.post(client.ingest("/v1/interviews"), body, Map.of());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String taskId = PipelineClient.json(accepted).get("task_id").asString();
        assertThat(accepted.headers().firstValue("Location").orElseThrow()).endsWith("/v1/tasks/" + taskId);

        JsonNode task = client.awaitTerminal(taskId, Duration.ofSeconds(60));
        assertThat(task.get("state").asString()).as(task.toString()).isEqualTo("SUCCEEDED");
        assertThat(task.get("type").asString()).isEqualTo("interview.score");
        JsonNode result = PipelineClient.json(client.get(client.results("/v1/tasks/" + taskId + "?includeResult=true")))
                .get("result");
        assertThat(result.get("complete").asBoolean()).isTrue();
        assertThat(result.get("overall_score").asInt()).isBetween(1, 100);
        assertThat(result.get("dimensions").get("technical").get("evidence").size()).isPositive();
        assertThat(result.get("relevance").size()).isEqualTo(2);

        // Each scorer has its own health indicator (the "scorers" group, which names both, is UP; the
        // public health shows no components or details) and latency timer.
        JsonNode health = PipelineClient.json(client.get(client.scoring("/actuator/health")));
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.has("components")).as(health.toString()).isFalse();
        assertThat(health.has("details")).as(health.toString()).isFalse();
        JsonNode scorers = PipelineClient.json(client.get(client.scoring("/actuator/health/scorers")));
        assertThat(scorers.get("status").asString()).isEqualTo("UP");
        assertThat(scorers.has("components")).as(scorers.toString()).isFalse();
        assertThat(client.metric(pipeline.scoringWorkerPort(), "scoring_scorer_latency_seconds_count", "scorer=\"technical\""))
                .isPositive();
        assertThat(client.metric(pipeline.scoringWorkerPort(), "scoring_scorer_latency_seconds_count", "scorer=\"soft-skills\""))
                .isPositive();

        String bad = body.replace("\"communication\":0.3", "\"communication\":0.5");
        HttpResponse<String> refused = client.post(client.ingest("/v1/interviews"), bad, Map.of());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(PipelineClient.json(refused).get("errors").get(0).get("field").asString()).isEqualTo("rubric");
    }

    @Test
    void careerPathsForCallerLabelsStoredTaxonomiesAndStudents() {
        String labels = """
                {"text":"Registered nurse caring for patients in the intensive care unit, giving medication and educating families.",
                 "labels":[{"label":"Nursing","description":"patient care in hospitals"},
                           {"label":"Software","examples":["Java developer building REST APIs and microservices"]},
                           {"label":"Finance","description":"accounting, audits and financial statements"}]}""";
        JsonNode predicted = PipelineClient.json(client.post(client.ingest("/v1/career-paths/predict"), labels, Map.of()));
        assertThat(predicted.get("career_path").asString()).isEqualTo("Nursing");
        assertThat(predicted.get("mode").asString()).isEqualTo("mixed");

        String taxonomyId = "tx-" + UUID.randomUUID().toString().substring(0, 8);
        String taxonomy = "{\"id\":\"" + taxonomyId + "\",\"name\":\"Ours\",\"labels\":" + labels.substring(labels.indexOf("[")).replaceAll("}\\s*$", "") + "}";
        HttpResponse<String> created = client.post(client.ingest("/v1/career-paths/taxonomies"), taxonomy, Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode reused = PipelineClient.json(client.post(client.ingest("/v1/career-paths/predict"),
                "{\"text\":\"Senior Java engineer building Spring Boot microservices\",\"taxonomyId\":\"" + taxonomyId + "\"}", Map.of()));
        assertThat(reused.get("career_path").asString()).isEqualTo("Software");
        assertThat(reused.get("label_set").asString()).isEqualTo(taxonomyId);

        JsonNode student = PipelineClient.json(client.post(client.ingest("/v1/career-paths/predict"), """
                {"student":{"grades":{"Mathematics":95,"Computer Science":97,"Physics":88,"Art":55},
                            "interests":["programming","building apps","robotics"]}}""", Map.of()));
        assertThat(student.get("input").asString()).isEqualTo("student");
        assertThat(student.get("career_paths").size()).isEqualTo(5);
        assertThat(student.get("career_paths").get(0).get("because").size()).isPositive();
    }
}
