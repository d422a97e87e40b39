package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.localstack.pipeline.LocalPipeline;
import com.talentpipeline.matching.recommend.RecommendationRefresher;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue #4 end to end: jobs and a resume go in through ingest, the embedding worker embeds them, the
 * matching worker indexes {@code job.embedded} and {@code resume.embedded}; a match task succeeds with
 * the seed's fields, recommendations rank the Java job above the nursing and pastry jobs and never show
 * the closed job, batch compare ranks with progress, search finds the right job first, a new resume
 * version publishes recomputed recommendations as a task, clusters come back, and a job's candidates list
 * the tenant's resumes (a new one live, an erased one never).
 */
class MatchingIT {

    static LocalPipeline pipeline;
    static PipelineClient client;
    static String run;
    static String resumeId;
    static String javaJob;
    static String nurseJob;
    static String pastryJob;
    static String closedJob;
    static String searchJob;

    @BeforeAll
    static void start() {
        pipeline = SharedPipeline.get();
        client = new PipelineClient(pipeline);
        run = UUID.randomUUID().toString().substring(0, 8);
        List<String> embeddingTasks = new ArrayList<>();
        javaJob = job(Seeds.backendJob(), embeddingTasks);
        pastryJob = job(Seeds.pastryChefJob(), embeddingTasks);
        nurseJob = job("""
                {"title":"Registered Nurse","company":"City Hospital","location":"Hamburg","experienceLevel":"Mid",
                 "skills":[{"name":"Patient care"},{"name":"Medication administration"},{"name":"Nursing"}],
                 "requirements":["Registered nursing license","2 years of acute care experience"],
                 "description":"Care for patients on a surgical ward."}""", embeddingTasks);
        closedJob = job(Seeds.backendJob().replace("\"status\":\"active\"", "\"status\":\"closed\"")
                .replace("Senior Java Backend Engineer", "Java Backend Engineer (position filled)"), embeddingTasks);
        searchJob = job("""
                {"title":"Pediatric Oncology Nurse","company":"Kinderklinik RUN","location":"Munich","experienceLevel":"Senior",
                 "skills":[{"name":"Oncology"},{"name":"Pediatrics"},{"name":"Chemotherapy administration"}],
                 "requirements":["Pediatric oncology experience"],
                 "description":"Care for children undergoing cancer treatment."}""".replace("RUN", run), embeddingTasks);
        JsonNode accepted = client.submit("/v1/resumes", Seeds.javaKafkaResume("lars-match-" + run + "@example.com"));
        resumeId = accepted.get("resume_id").asString();
        embeddingTasks.add(accepted.get("task_id").asString());
        for (String task : embeddingTasks) {
            assertThat(client.awaitTerminal(task, Duration.ofSeconds(90)).get("state").asString()).isEqualTo("SUCCEEDED");
        }
        awaitRecommended(List.of(javaJob, nurseJob, pastryJob, searchJob));
    }

    static String job(String body, List<String> tasks) {
        JsonNode accepted = client.submit("/v1/jobs", body);
        tasks.add(accepted.get("task_id").asString());
        return accepted.get("job_id").asString();
    }

    /** Recommendations once the worker indexed every given job (it follows job.embedded asynchronously). */
    static JsonNode awaitRecommended(List<String> jobIds) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode body = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> r = client.get(client.ingest("/v1/resumes/" + resumeId + "/recommendations?limit=100"));
            if (r.statusCode() == 200) {
                body = PipelineClient.json(r);
                List<String> ids = ids(body.get("recommendations"));
                if (ids.containsAll(jobIds)) {
                    return body;
                }
            }
            PipelineClient.sleep(200);
        }
        throw new AssertionError("jobs not recommended within 60s: " + body);
    }

    static List<String> ids(JsonNode results) {
        List<String> ids = new ArrayList<>();
        results.forEach(r -> ids.add(r.get("job_id").asString()));
        return ids;
    }

    static JsonNode result(String taskId) {
        JsonNode task = client.awaitTerminal(taskId, Duration.ofSeconds(60));
        assertThat(task.get("state").asString()).as(task.toString()).isEqualTo("SUCCEEDED");
        return PipelineClient.json(client.get(client.results("/v1/tasks/" + taskId + "?includeResult=true"))).get("result");
    }

    @Test
    void aMatchTaskSucceedsWithTheSeedsFields() {
        HttpResponse<String> r = client.post(client.ingest("/v1/matches"),
                "{\"resumeId\":\"" + resumeId + "\",\"jobId\":\"" + javaJob + "\"}", Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode accepted = PipelineClient.json(r);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> l.endsWith("/v1/tasks/" + accepted.get("task_id").asString()));
        JsonNode match = result(accepted.get("task_id").asString());
        assertThat(match.get("job_id").asString()).isEqualTo(javaJob);
        assertThat(match.get("job_title").asString()).isEqualTo("Senior Java Backend Engineer");
        assertThat(match.get("company").asString()).isEqualTo("Fintech GmbH");
        assertThat(texts(match.get("matched_skills"))).contains("Java", "Spring Boot", "Kafka");
        assertThat(texts(match.get("missing_skills"))).containsExactly("Microservices");
        assertThat(match.get("breakdown").get("skills_match").asDouble()).isEqualTo(75.0);
        double expected = 0.65 * 75.0 + 0.35 * match.get("breakdown").get("experience_match").asDouble();
        assertThat(match.get("match_percentage").asDouble()).isBetween(expected - 0.11, expected + 0.11);
        assertThat(match.get("recommendation_level").asString()).isIn("Excellent", "Good Match");
        assertThat(match.get("strengths").size()).isPositive();

        // The same comparison again comes from the 30-day cache.
        HttpResponse<String> again = client.post(client.ingest("/v1/matches"),
                "{\"resumeId\":\"" + resumeId + "\",\"jobId\":\"" + javaJob + "\"}", Map.of());
        String taskId = PipelineClient.json(again).get("task_id").asString();
        JsonNode task = client.awaitTerminal(taskId, Duration.ofSeconds(30));
        assertThat(task.get("cache_hit").asBoolean()).as(task.toString()).isTrue();
    }

    @Test
    void unknownIdsAre404AndBatchLimitsAre400AndClosedJobsAre409() {
        assertThat(client.post(client.ingest("/v1/matches"), "{\"resumeId\":\"" + resumeId + "\",\"jobId\":\"nope\"}",
                Map.of()).statusCode()).isEqualTo(404);
        assertThat(client.post(client.ingest("/v1/matches"), "{\"resumeId\":\"nope\",\"jobId\":\"" + javaJob + "\"}",
                Map.of()).statusCode()).isEqualTo(404);
        assertThat(client.post(client.ingest("/v1/matches"), "{\"resumeId\":\"" + resumeId + "\",\"jobId\":\"" + closedJob + "\"}",
                Map.of()).statusCode()).isEqualTo(409);
        String tooMany = String.join(",", IntStream.range(0, 1001).mapToObj(i -> "\"j" + i + "\"").toList());
        HttpResponse<String> r = client.post(client.ingest("/v1/matches/batch"),
                "{\"resumeId\":\"" + resumeId + "\",\"jobIds\":[" + tooMany + "]}", Map.of());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(PipelineClient.json(r).get("code").asString()).isEqualTo("validation_failed");
        assertThat(client.get(client.ingest("/v1/resumes/nope/recommendations")).statusCode()).isEqualTo(404);
    }

    @Test
    void recommendationsRankTheJavaJobFirstAndNeverShowTheClosedJob() {
        JsonNode body = awaitRecommended(List.of(javaJob, nurseJob, pastryJob));
        List<String> ids = ids(body.get("recommendations"));
        assertThat(ids).doesNotContain(closedJob);
        assertThat(ids.indexOf(javaJob)).isLessThan(ids.indexOf(nurseJob));
        assertThat(ids.indexOf(javaJob)).isLessThan(ids.indexOf(pastryJob));
        double previous = Double.MAX_VALUE;
        for (JsonNode r : body.get("recommendations")) {
            assertThat(r.get("match_percentage").asDouble()).isLessThanOrEqualTo(previous);
            previous = r.get("match_percentage").asDouble();
        }
        // Filters: Berlin + remote keeps the Java job, drops the nursing job in Hamburg.
        List<String> berlin = ids(PipelineClient.json(client.get(client.ingest(
                "/v1/resumes/" + resumeId + "/recommendations?location=berlin&remote=true"))).get("recommendations"));
        assertThat(berlin).contains(javaJob).doesNotContain(nurseJob, closedJob);
    }

    @Test
    void batchCompareRanksTheGivenJobs() {
        HttpResponse<String> r = client.post(client.ingest("/v1/matches/batch"), "{\"resumeId\":\"" + resumeId
                + "\",\"jobIds\":[\"" + pastryJob + "\",\"" + nurseJob + "\",\"" + javaJob + "\",\"" + closedJob + "\"],\"limit\":2}", Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode batch = result(PipelineClient.json(r).get("task_id").asString());
        assertThat(batch.get("compared").asInt()).isEqualTo(3);
        assertThat(batch.get("results").size()).isEqualTo(2);
        assertThat(batch.get("results").get(0).get("job_id").asString()).isEqualTo(javaJob);
        assertThat(texts(batch.get("skipped"))).containsExactly(closedJob);
    }

    @Test
    void searchReturnsTheRightJobFirstAndPagesWithACursor() {
        JsonNode page = PipelineClient.json(client.get(client.ingest("/v1/jobs/search?limit=1&query="
                + URLEncoder.encode("pediatric oncology nurse", StandardCharsets.UTF_8))));
        assertThat(page.get("results").get(0).get("job_id").asString()).as(page.toString()).isEqualTo(searchJob);
        assertThat(page.get("results").get(0).get("lexical").asDouble()).isEqualTo(1.0);
        String cursor = page.get("next_cursor").asString();
        assertThat(cursor).isNotBlank();
        JsonNode next = PipelineClient.json(client.get(client.ingest("/v1/jobs/search?limit=1&query="
                + URLEncoder.encode("pediatric oncology nurse", StandardCharsets.UTF_8) + "&cursor=" + cursor)));
        assertThat(next.get("results").get(0).get("job_id").asString()).isNotEqualTo(searchJob);
        // Semantic similarity finds the Java job for words its text does not contain verbatim.
        JsonNode semantic = PipelineClient.json(client.get(client.ingest("/v1/jobs/search?query="
                + URLEncoder.encode("server-side JVM developer", StandardCharsets.UTF_8))));
        assertThat(ids(semantic.get("results"), "job_id")).contains(javaJob).doesNotContain(closedJob);
        assertThat(client.get(client.ingest("/v1/jobs/search?query=java&cursor=" + cursor)).statusCode()).isEqualTo(400);
    }

    /**
     * Search is answered by the worker through Kafka request-reply (the worker itself serves no public
     * path any more); prints the latency at the front door so a change of the round trip shows in the log.
     */
    @Test
    void searchIsAnsweredThroughKafkaAndTheWorkerServesNoPublicPath() {
        String url = client.ingest("/v1/jobs/search?limit=5&query=" + URLEncoder.encode("java kafka", StandardCharsets.UTF_8));
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = client.get(url);
            micros.add((System.nanoTime() - t0) / 1000);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        List<Long> sorted = micros.stream().sorted().toList();
        System.out.printf("GET /v1/jobs/search through the front door and Kafka: p50 %.1f ms, p90 %.1f ms, max %.1f ms (n=%d)%n",
                sorted.get(sorted.size() / 2) / 1000.0, sorted.get(sorted.size() * 9 / 10) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0, sorted.size());
        HttpResponse<String> direct = client.get("http://127.0.0.1:" + pipeline.matchingWorkerPort() + "/v1/jobs/search?query=java");
        assertThat(direct.statusCode()).as(direct.body()).isIn(401, 403, 404);
    }

    @Test
    void aNewResumeVersionPublishesRecomputedRecommendations() {
        HttpResponse<String> r = client.put(client.ingest("/v1/resumes/" + resumeId),
                Seeds.javaKafkaResume("lars-match-" + run + "@example.com").replace("Backend engineer", "Senior backend engineer"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        UUID taskId = RecommendationRefresher.taskId(SharedPipeline.TENANT_A, resumeId, 2);
        JsonNode result = result(taskId.toString());
        assertThat(result.get("resume_version").asInt()).isEqualTo(2);
        List<String> ids = ids(result.get("recommendations"));
        assertThat(ids).contains(javaJob).doesNotContain(closedJob);
        // ... and announced for webhooks on recommendations.updated, keyed by the resume.
        var records = Topics4Tests.readKey(pipeline, Topics.RECOMMENDATIONS_UPDATED_NAME, resumeId, 1);
        assertThat(records).hasSize(1);
        var event = Topics.RECOMMENDATIONS_UPDATED.decode(records.get(0).value());
        assertThat(event.tenantId()).isEqualTo(SharedPipeline.TENANT_A);
        assertThat(event.payload().version()).isEqualTo(2);
        assertThat(event.payload().taskId()).isEqualTo(taskId);
        assertThat(event.payload().jobs()).extracting(j -> j.jobId()).containsExactlyElementsOf(ids);
    }

    /** The job's candidate ids once {@code present} are listed (the worker follows resume.embedded live). */
    static List<String> awaitCandidates(String query, List<String> present, List<String> absent) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String body = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> r = client.get(client.ingest(query));
            body = r.body();
            if (r.statusCode() == 200) {
                List<String> ids = ids(PipelineClient.json(r).get("candidates"), "resume_id");
                if (ids.containsAll(present) && absent.stream().noneMatch(ids::contains)) {
                    return ids;
                }
            }
            PipelineClient.sleep(200);
        }
        throw new AssertionError("candidates not as expected within 60s: " + body);
    }

    @Test
    void candidatesRankTheTenantsResumesLiveAndNeverListAnErasedOne() {
        String base = "/v1/jobs/" + javaJob + "/candidates?limit=100";
        List<String> ids = awaitCandidates(base, List.of(resumeId), List.of());
        assertThat(ids).doesNotHaveDuplicates();
        JsonNode body = PipelineClient.json(client.get(client.ingest(base)));
        JsonNode first = body.get("candidates").get(0);
        assertThat(first.get("job_id").asString()).isEqualTo(javaJob);
        assertThat(first.has("breakdown") && first.has("matched_skills") && first.has("recommendation_level")).isTrue();
        // The SQL filters run: a JSON resume has no parsed location; remote=false keeps a resume without remote words.
        assertThat(ids(PipelineClient.json(client.get(client.ingest(base + "&location=berlin"))).get("candidates"),
                "resume_id")).doesNotContain(resumeId);
        assertThat(ids(PipelineClient.json(client.get(client.ingest(base + "&remote=false&minScore=1"))).get("candidates"),
                "resume_id")).contains(resumeId);

        // A resume submitted now appears without a restart; erased, it disappears.
        JsonNode accepted = client.submit("/v1/resumes", Seeds.javaKafkaResume("cand-" + run + "@example.com"));
        String fresh = accepted.get("resume_id").asString();
        awaitCandidates(base, List.of(resumeId, fresh), List.of());
        assertThat(client.delete(client.ingest("/v1/resumes/" + fresh)).statusCode()).isEqualTo(202);
        awaitCandidates(base, List.of(resumeId), List.of(fresh));

        assertThat(client.get(client.ingest("/v1/jobs/" + closedJob + "/candidates")).statusCode()).isEqualTo(409);
        assertThat(client.get(client.ingest("/v1/jobs/nope/candidates")).statusCode()).isEqualTo(404);
        PipelineClient other = client.withKey(SharedPipeline.keyB());
        assertThat(other.get(other.ingest("/v1/jobs/" + javaJob + "/candidates")).statusCode()).isEqualTo(404);
        assertThat(client.get(client.ingest(base + "&cursor=bm9wZQ")).statusCode()).isEqualTo(400);
    }

    @Test
    void clustersComeBackWithSizesTermsAndRepresentatives() {
        HttpResponse<String> r = client.post(client.ingest("/v1/jobs/clusters"), "{}", Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode clusters = PipelineClient.json(r);
        assertThat(clusters.get("k").asInt()).isBetween(2, 10);
        int total = 0;
        for (JsonNode c : clusters.get("clusters")) {
            total += c.get("size").asInt();
            assertThat(c.get("representatives").size()).isPositive();
            assertThat(c.get("top_terms").size()).isPositive();
        }
        assertThat(total).isEqualTo(clusters.get("jobs").asInt());
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    static List<String> ids(JsonNode results, String field) {
        List<String> ids = new ArrayList<>();
        results.forEach(r -> ids.add(r.get(field).asString()));
        return ids;
    }
}
