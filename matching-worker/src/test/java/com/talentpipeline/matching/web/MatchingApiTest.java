package com.talentpipeline.matching.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.resume.ResumeEmbeddings;
import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.web.ProblemDetailsAdvice;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The HTTP contract without Kafka or PostgreSQL: validation (batch limits), 404 for unknown ids and for
 * another tenant's ids, recommendations ranked with closed jobs and other tenants excluded. The tenant
 * comes from a test filter standing in for the API-key filter ({@code X-Test-Tenant} header). Documents
 * come from an in-memory {@link DocumentStore}; the controllers, index and engine are the real ones.
 */
class MatchingApiTest {

    static final Map<String, StoredDocument> resumes = new HashMap<>();
    static final Map<String, StoredDocument> jobs = new HashMap<>();
    static final ExecutorService executor = Executors.newSingleThreadExecutor();
    static WebTestClient web;

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
        MatchEngine engine = new MatchEngine(new SkillMatcher(SkillVocabulary.defaults(), new SkillEmbeddings(Model.encoder()), 0.8));
        Indexes indexes = Indexes.loaded(index, vectors);
        Profiles profiles = new Profiles(index, vectors);
        DocumentStore documents = new InMemoryDocuments();
        TaskPublisher tasks = new TaskPublisher(null); // the asserted paths answer before any task is published
        var match = new MatchController(documents, profiles, new Comparisons(engine, null, properties), tasks, indexes,
                Model.encoder(), properties, executor);
        var discovery = new DiscoveryController(documents, profiles, new Recommender(index, engine, properties),
                new JobSearch(null, Model.encoder(), index, properties.search()), new JobClusterer(properties.clusters()),
                indexes, tasks, properties, executor);
        WebFilter tenant = (exchange, chain) -> {
            // As the access filter would: the key's tenant, here the header's, else the default tenant.
            String t = exchange.getRequest().getHeaders().getFirst("X-Test-Tenant");
            exchange.getAttributes().put(RequestTenant.ATTRIBUTE, t != null ? t : "default");
            return chain.filter(exchange);
        };
        web = WebTestClient.bindToController(match, discovery).controllerAdvice(new ProblemDetailsAdvice())
                .webFilter(tenant).build();
    }

    @AfterAll
    static void tearDown() {
        executor.shutdownNow();
    }

    static void addJob(JobIndex index, ProfileEmbedder embedder, String id, String tenant, Job job) {
        JobProfile profile = embedder.job(id, tenant, job);
        index.upsert(profile);
        jobs.put(id, new StoredDocument(id, tenant, 1, "h-" + id, profile.skills(), job.status().wireName()));
    }

    private WebTestClient.ResponseSpec post(String tenant, String path, Object body) {
        return web.post().uri(path).header("X-Test-Tenant", tenant).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private void problem(WebTestClient.ResponseSpec response, int status, String code, String field) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo(code)
                .jsonPath(field == null ? "$.code" : "$.errors[0].field").isEqualTo(field == null ? code : field);
    }

    @Test
    void batchLimitsAreEnforced() {
        problem(post("acme", "/v1/matches/batch", Map.of("resumeId", "ada", "jobIds", List.of())), 400,
                "validation_failed", "jobIds");
        List<String> tooMany = IntStream.range(0, 1001).mapToObj(i -> "job-" + i).toList();
        problem(post("acme", "/v1/matches/batch", Map.of("resumeId", "ada", "jobIds", tooMany)), 400,
                "validation_failed", "jobIds");
        problem(post("acme", "/v1/matches/batch", Map.of("resumeId", "ada", "jobIds", List.of("java-mid"), "limit", 0)),
                400, "validation_failed", "limit");
        problem(post("acme", "/v1/matches/batch", Map.of("jobIds", List.of("java-mid"))), 400, "validation_failed", "resumeId");
        // 1000 ids pass validation and reach the lookup (which finds none of these): 404, not 400.
        List<String> thousand = IntStream.range(0, 1000).mapToObj(i -> "job-" + i).toList();
        problem(post("acme", "/v1/matches/batch", Map.of("resumeId", "ada", "jobIds", thousand)), 404, "not_found", null);
    }

    @Test
    void unknownIdsAndAnotherTenantsIdsAre404() {
        // One-to-one matches are checked at the front door (ingest owns resumes and jobs), see ingest's AskControllersTest.
        problem(post("acme", "/v1/matches/batch", Map.of("resumeId", "ada", "jobIds", List.of("java-mid", "other-java"))),
                404, "not_found", null);
        problem(web.get().uri("/v1/resumes/ada/recommendations").header("X-Test-Tenant", "globex").exchange(), 404,
                "not_found", null);
    }

    @Test
    void recommendationsRankJavaJobsFirstAndExcludeClosedAndForeignJobs() {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = web.get().uri("/v1/resumes/ada/recommendations?limit=10").header("X-Test-Tenant", "acme")
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> recs = (List<Map<String, Object>>) body.get("recommendations");
        List<Object> ids = new ArrayList<>(recs.stream().map(r -> r.get("job_id")).toList());
        assertThat(ids).containsExactlyInAnyOrder("java-senior", "java-mid", "nurse", "icu", "frontend");
        assertThat(ids.subList(0, 2)).containsExactlyInAnyOrder("java-senior", "java-mid");
        assertThat(ids.indexOf("nurse")).isGreaterThan(ids.indexOf("java-mid"));
        assertThat((Double) recs.get(0).get("match_percentage")).isGreaterThanOrEqualTo((Double) recs.get(1).get("match_percentage"));
        assertThat(recs.get(0)).containsKeys("breakdown", "matched_skills", "missing_skills", "recommendation_level",
                "strengths", "improvements", "job_title", "company");

        web.get().uri("/v1/resumes/ada/recommendations?limit=10&remote=true").header("X-Test-Tenant", "acme").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.recommendations.length()").isEqualTo(2)
                .jsonPath("$.recommendations[0].job_id").isEqualTo("java-senior");
        web.get().uri("/v1/resumes/ada/recommendations?location=hamburg").header("X-Test-Tenant", "acme").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.recommendations[0].job_id").isEqualTo("nurse")
                .jsonPath("$.recommendations.length()").isEqualTo(1);
    }

    @Test
    void recommendationParametersAreValidated() {
        problem(web.get().uri("/v1/resumes/ada/recommendations?limit=0").header("X-Test-Tenant", "acme").exchange(), 400,
                "validation_failed", "limit");
        problem(web.get().uri("/v1/resumes/ada/recommendations?remote=maybe").header("X-Test-Tenant", "acme").exchange(), 400,
                "validation_failed", "remote");
        problem(web.get().uri("/v1/resumes/pending/recommendations").header("X-Test-Tenant", "acme").exchange(), 409,
                "embeddings_pending", null);
        problem(web.get().uri("/v1/jobs/search?query=java&cursor=bm9wZQ").header("X-Test-Tenant", "acme").exchange(), 400,
                "invalid_cursor", "cursor");
        problem(web.get().uri("/v1/jobs/search").header("X-Test-Tenant", "acme").exchange(), 400, "validation_failed", "query");
    }

    @Test
    void clustersAreComputedSynchronouslyForASmallTenantAndNeedEnoughJobs() {
        web.post().uri("/v1/jobs/clusters").header("X-Test-Tenant", "acme").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("k", 2)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.k").isEqualTo(2).jsonPath("$.jobs").isEqualTo(5)
                .jsonPath("$.clusters.length()").isEqualTo(2);
        problem(post("globex", "/v1/jobs/clusters", Map.of()), 422, "not_enough_jobs", null);
        problem(post("acme", "/v1/jobs/clusters", Map.of("k", 1)), 400, "validation_failed", "k");
    }
}
