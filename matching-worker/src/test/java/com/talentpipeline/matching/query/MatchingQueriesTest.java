package com.talentpipeline.matching.query;

import static com.talentpipeline.matching.query.Asked.json;
import static com.talentpipeline.matching.query.Asked.refused;
import static com.talentpipeline.matching.query.Asked.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.match.JobClustersRequested;
import com.talentpipeline.core.match.JobSearchRequested;
import com.talentpipeline.core.match.MatchBatchRequested;
import com.talentpipeline.core.match.RecommendationsRequested;
import com.talentpipeline.core.resume.ResumeEmbeddings;
import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.matching.cluster.JobClusterer;
import com.talentpipeline.matching.compare.JobProfile;
import com.talentpipeline.matching.compare.MatchEngine;
import com.talentpipeline.matching.compare.ProfileEmbedder;
import com.talentpipeline.matching.compare.ResumeProfile;
import com.talentpipeline.matching.compare.SkillEmbeddings;
import com.talentpipeline.matching.compare.SkillMatcher;
import com.talentpipeline.matching.config.MatchingProperties;
import com.talentpipeline.matching.index.Indexes;
import com.talentpipeline.matching.index.JobIndex;
import com.talentpipeline.matching.index.ResumeVectors;
import com.talentpipeline.matching.recommend.Comparisons;
import com.talentpipeline.matching.recommend.Profiles;
import com.talentpipeline.matching.recommend.Recommender;
import com.talentpipeline.matching.search.JobSearch;
import com.talentpipeline.matching.store.DocumentStore;
import com.talentpipeline.matching.store.StoredDocument;
import com.talentpipeline.matching.support.Fixtures;
import com.talentpipeline.matching.support.Model;
import com.talentpipeline.matching.task.TaskPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The matching worker's answers to the front door's queries without Kafka or PostgreSQL, as the responder
 * calls them: batch limits and results with progress, recommendations ranked with closed jobs and other
 * tenants excluded, search cursors, clusters. Documents come from an in-memory {@link DocumentStore}; the
 * index and engine are the real ones. (Unknown ids and parameter shapes are checked at the front door,
 * see ingest's MatchingQueriesControllersTest.)
 */
class MatchingQueriesTest {

    static final Map<String, StoredDocument> resumes = new HashMap<>();
    static final Map<String, StoredDocument> jobs = new HashMap<>();
    static final List<Integer> progress = new CopyOnWriteArrayList<>();
    static MatchingQueries queries;

    /** The stored documents, in memory. */
    static final class InMemoryDocuments extends DocumentStore {
        InMemoryDocuments() {
            super(null);
        }

        @Override
        public Mono<StoredDocument> resume(String tenantId, String id) {
            return Mono.justOrEmpty(resumes.get(id)).filter(d -> d.tenantId().equals(tenantId));
        }

        @Override
        public Mono<StoredDocument> job(String tenantId, String id) {
            return Mono.justOrEmpty(jobs.get(id)).filter(d -> d.tenantId().equals(tenantId));
        }

        @Override
        public Flux<StoredDocument> jobs(String tenantId, Collection<String> ids) {
            return Flux.fromIterable(ids).flatMap(id -> job(tenantId, id));
        }
    }

    @BeforeAll
    static void setUp() {
        ProfileEmbedder embedder = new ProfileEmbedder(Model.encoder());
        JobIndex index = new JobIndex(Model.encoder().info().dimension());
        ResumeVectors vectors = new ResumeVectors();
        addJob(index, embedder, "java-senior", "acme", Fixtures.javaBackendSenior());
        addJob(index, embedder, "java-mid", "acme", Fixtures.javaBackendMid());
        addJob(index, embedder, "nurse", "acme", Fixtures.registeredNurse());
        addJob(index, embedder, "icu", "acme", Fixtures.icuNurse());
        addJob(index, embedder, "frontend", "acme", Fixtures.frontendDeveloper());
        addJob(index, embedder, "other-java", "globex", Fixtures.javaBackendSenior());
        Job closed = Fixtures.javaBackendSenior();
        closed = new Job("Java Backend Engineer (closed)", closed.company(), closed.location(), closed.experienceLevel(),
                com.talentpipeline.core.job.JobStatus.CLOSED, closed.skills(), closed.requirements(), closed.description(), true);
        addJob(index, embedder, "closed-java", "acme", closed);

        ResumeProfile ada = embedder.resume("ada", "acme", Fixtures.javaBackendResume());
        resumes.put("ada", new StoredDocument("ada", "acme", 1, "hash-ada", ada.skills(), null));
        vectors.put(EventEnvelope.of("resume.embedded", null, "acme", "ada", "hash-ada", null,
                new ResumeEmbeddings("ada", 1, new ModelRef("m", "v", 384), ada.sections(), Map.of(),
                        new ResumeEmbeddings.Metrics(ada.experienceYears(), ada.skills().size(), 2))));
        resumes.put("pending", new StoredDocument("pending", "acme", 1, "hash-p", List.of("Java"), null));

        MatchingProperties properties = MatchingProperties.defaults();
        properties = new MatchingProperties(properties.weights(), properties.skillThreshold(), properties.batch(),
                properties.recommendations(), properties.candidates(), properties.search(), properties.clusters(),
                Duration.ofMillis(200), properties.index());
        MatchEngine engine = new MatchEngine(new SkillMatcher(SkillVocabulary.defaults(), new SkillEmbeddings(Model.encoder()), 0.8));
        Indexes indexes = Indexes.loaded(index, vectors);
        Profiles profiles = new Profiles(index, vectors);
        // Progress events are recorded instead of published.
        TaskPublisher tasks = new TaskPublisher(null) {
            @Override
            public void progress(TaskRef task, int percent) {
                assertThat(task.type()).isEqualTo(TaskType.MATCH_BATCH);
                progress.add(percent);
            }
        };
        queries = new MatchingQueries(new InMemoryDocuments(), profiles, new Comparisons(engine, null, properties),
                new Recommender(index, engine, properties), new JobSearch(null, Model.encoder(), index, properties.search()),
                new JobClusterer(properties.clusters()), null, indexes, tasks, Model.encoder(), properties);
    }

    static void addJob(JobIndex index, ProfileEmbedder embedder, String id, String tenant, Job job) {
        JobProfile profile = embedder.job(id, tenant, job);
        index.upsert(profile);
        jobs.put(id, new StoredDocument(id, tenant, 1, "h-" + id, profile.skills(), job.status().wireName()));
    }

    static Map<String, Object> batch(String tenant, String resumeId, List<String> open, List<String> closed, Integer limit) {
        return json(queries.batch(request(tenant, resumeId, new MatchBatchRequested(resumeId, open, closed, limit))));
    }

    @Test
    void batchLimitsAreEnforcedByTheWorkerToo() {
        refused(() -> batch("acme", "ada", List.of(), List.of(), null), 400, "validation_failed", "jobIds");
        List<String> tooMany = IntStream.range(0, 1001).mapToObj(i -> "job-" + i).toList();
        refused(() -> batch("acme", "ada", tooMany, List.of(), null), 400, "validation_failed", "jobIds");
        refused(() -> batch("acme", "ada", List.of("java-mid"), List.of(), 1001), 400, "validation_failed", "limit");
        refused(() -> batch("globex", "ada", List.of("java-mid"), List.of(), null), 404, "not_found", null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBatchRanksTheOpenJobsReportsProgressAndSkipsClosedAndUnindexedOnes() {
        progress.clear();
        Map<String, Object> result = batch("acme", "ada", List.of("nurse", "java-senior", "frontend", "not-indexed"),
                List.of("closed-java"), 2);
        assertThat(result).containsEntry("resumeId", "ada").containsEntry("compared", 3).containsEntry("limit", 2);
        List<Map<String, Object>> ranked = (List<Map<String, Object>>) result.get("results");
        assertThat(ranked).hasSize(2);
        assertThat(ranked.get(0).get("job_id")).isEqualTo("java-senior");
        assertThat((List<String>) result.get("skipped")).containsExactly("closed-java", "not-indexed");
        assertThat(progress).isNotEmpty().allSatisfy(p -> assertThat(p).isBetween(0, 100));
    }

    static Map<String, Object> recommend(String tenant, String resumeId, Integer limit, String location, Boolean remote) {
        return json(queries.recommendations(request(tenant, resumeId,
                new RecommendationsRequested(resumeId, limit, location, remote))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void recommendationsRankJavaJobsFirstAndExcludeClosedAndForeignJobs() {
        Map<String, Object> body = recommend("acme", "ada", 10, null, null);
        assertThat(body).containsEntry("resumeId", "ada").containsEntry("resumeVersion", 1).containsEntry("limit", 10);
        List<Map<String, Object>> recs = (List<Map<String, Object>>) body.get("recommendations");
        List<Object> ids = new ArrayList<>(recs.stream().map(r -> r.get("job_id")).toList());
        assertThat(ids).containsExactlyInAnyOrder("java-senior", "java-mid", "nurse", "icu", "frontend");
        assertThat(ids.subList(0, 2)).containsExactlyInAnyOrder("java-senior", "java-mid");
        assertThat(ids.indexOf("nurse")).isGreaterThan(ids.indexOf("java-mid"));
        assertThat((Double) recs.get(0).get("match_percentage")).isGreaterThanOrEqualTo((Double) recs.get(1).get("match_percentage"));
        assertThat(recs.get(0)).containsKeys("breakdown", "matched_skills", "missing_skills", "recommendation_level",
                "strengths", "improvements", "job_title", "company");

        List<Map<String, Object>> remote = (List<Map<String, Object>>) recommend("acme", "ada", 10, null, true).get("recommendations");
        assertThat(remote).hasSize(2);
        assertThat(remote.get(0).get("job_id")).isEqualTo("java-senior");
        List<Map<String, Object>> hamburg = (List<Map<String, Object>>) recommend("acme", "ada", null, "hamburg", null)
                .get("recommendations");
        assertThat(hamburg).extracting(r -> r.get("job_id")).containsExactly("nurse");
    }

    @Test
    void recommendationAndSearchParametersAreValidated() {
        refused(() -> recommend("acme", "ada", 0, null, null), 400, "validation_failed", "limit");
        refused(() -> recommend("acme", "ada", 101, null, null), 400, "validation_failed", "limit");
        refused(() -> recommend("acme", "pending", null, null, null), 409, "embeddings_pending", null);
        refused(() -> recommend("globex", "ada", null, null, null), 404, "not_found", null);
        refused(() -> queries.search(request("acme", "acme", new JobSearchRequested("java", null, null, null, "bm9wZQ"))),
                400, "invalid_cursor", "cursor");
        refused(() -> queries.search(request("acme", "acme", new JobSearchRequested(" ", null, null, null, null))),
                400, "validation_failed", "query");
    }

    @Test
    void clustersAreComputedForATenantAndNeedEnoughJobs() {
        var answer = queries.clusters(request("acme", "acme", new JobClustersRequested(2)));
        Map<String, Object> clusters = json(answer);
        assertThat(clusters).containsEntry("k", 2).containsEntry("jobs", 5);
        assertThat((List<?>) clusters.get("clusters")).hasSize(2);
        assertThat(answer.model().name()).isEqualTo("kmeans++");
        refused(() -> queries.clusters(request("globex", "globex", new JobClustersRequested(null))), 422, "not_enough_jobs", null);
        refused(() -> queries.clusters(request("acme", "acme", new JobClustersRequested(1))), 400, "validation_failed", "k");
    }
}
