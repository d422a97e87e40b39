package com.talentpipeline.matching.query;

import static com.talentpipeline.matching.query.Asked.json;
import static com.talentpipeline.matching.query.Asked.refused;
import static com.talentpipeline.matching.query.Asked.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.job.JobStatus;
import com.talentpipeline.core.match.CandidatesRequested;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.resume.ResumeEmbeddings;
import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.matching.candidates.CandidateRanker;
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
import com.talentpipeline.matching.recommend.Profiles;
import com.talentpipeline.matching.store.DocumentStore;
import com.talentpipeline.matching.store.StoredDocument;
import com.talentpipeline.matching.store.StoredResume;
import com.talentpipeline.matching.support.Fixtures;
import com.talentpipeline.matching.support.Model;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The answer to {@code GET /v1/jobs/{id}/candidates} ({@code job.candidates.requested}) over the real index,
 * resume vectors and engine, with the stored rows in memory, as in {@link MatchingQueriesTest}: ranking
 * with the match breakdown, the latest version only, erased and stale resumes absent, tenant isolation,
 * filters, cursor paging and tampering, a new resume seen live. (Unknown and closed jobs and the shape of
 * the parameters are the front door's checks.)
 */
class CandidateQueriesTest {

    static final Map<String, StoredResume> rows = new ConcurrentHashMap<>();
    static final Map<String, StoredDocument> jobs = new ConcurrentHashMap<>();
    static ProfileEmbedder embedder;
    static JobIndex index;
    static ResumeVectors vectors;
    static MatchEngine engine;
    static MatchingProperties properties = MatchingProperties.defaults();
    static MatchingQueries queries;

    /** The stored documents, in memory. */
    static final class InMemoryDocuments extends DocumentStore {
        InMemoryDocuments() {
            super(null);
        }

        @Override
        public Mono<StoredDocument> job(String tenantId, String id) {
            return Mono.justOrEmpty(jobs.get(id)).filter(d -> d.tenantId().equals(tenantId));
        }

        @Override
        public Flux<StoredResume> resumes(String tenantId, Collection<String> ids) {
            return Flux.fromIterable(ids).mapNotNull(rows::get).filter(r -> r.document().tenantId().equals(tenantId));
        }
    }

    @BeforeAll
    static void setUp() {
        embedder = new ProfileEmbedder(Model.encoder());
        index = new JobIndex(Model.encoder().info().dimension());
        vectors = new ResumeVectors();
        engine = new MatchEngine(new SkillMatcher(SkillVocabulary.defaults(), new SkillEmbeddings(Model.encoder()), 0.8));
        addJob("java-senior", "acme", Fixtures.javaBackendSenior());
        addJob("nurse-job", "acme", Fixtures.registeredNurse());
        addJob("globex-java", "globex", Fixtures.javaBackendSenior());
        addJob("initech-java", "initech", Fixtures.javaBackendSenior());
        Job open = Fixtures.javaBackendSenior();
        Job closed = new Job(open.title(), open.company(), open.location(), open.experienceLevel(), JobStatus.CLOSED,
                open.skills(), open.requirements(), open.description(), true);
        addJob("closed-java", "acme", closed);

        // ada: version 1 was a nurse resume, version 2 (stored, latest) the Java one.
        addResume("ada", "acme", 1, Fixtures.nurseResume(), "Berlin", false);
        addResume("ada", "acme", 2, Fixtures.javaBackendResume(), "Berlin", false);
        addResume("flo", "acme", 1, Fixtures.nurseResume(), "Hamburg", false);
        addResume("jo", "acme", 1, Fixtures.juniorFrontendResume(), null, true);
        addResume("ben", "acme", 1, javaMidResume(), "Munich", false);
        // stale: the stored row is at version 2, its embeddings still at 1 (not listed until re-embedded).
        addResume("stale", "acme", 1, Fixtures.javaBackendResume(), "Berlin", false);
        rows.put("stale", new StoredResume(new StoredDocument("stale", "acme", 2, "h", List.of("Java"), null), "Berlin", false));
        // erased through the compacted topic's tombstone, as the index reader applies it.
        addResume("erased", "acme", 1, Fixtures.javaBackendResume(), "Berlin", false);
        vectors.apply(List.of(new ConsumerRecord<>("resume.embedded", 0, 7L, "erased", null)));
        // erased in PostgreSQL, but a late redelivery put its vectors back: the missing row keeps it out.
        addResume("ghost", "acme", 1, Fixtures.javaBackendResume(), "Berlin", false);
        rows.remove("ghost");
        addResume("gus", "globex", 1, Fixtures.javaBackendResume(), "Berlin", false);

        CandidateRanker ranker = new CandidateRanker(vectors, (tenant, ids) -> new InMemoryDocuments().resumes(tenant, ids)
                .collectMap(StoredResume::id).block(Duration.ofSeconds(5)), engine, properties);
        queries = new MatchingQueries(new InMemoryDocuments(), null, null, null, null, null, ranker,
                Indexes.loaded(index, vectors), null, Model.encoder(), properties);
    }

    static Resume javaMidResume() {
        return new Resume("Ben", "Code", null, null, "Java developer.",
                List.of(new Resume.Skill("Java", null), new Resume.Skill("Spring Boot", null), new Resume.Skill("SQL", null)),
                List.of(new Resume.WorkExperience("Java Developer", "Insurance AG", "2021-01", "present",
                        List.of("Maintained Java services"))),
                List.of(), List.of());
    }

    static void addJob(String id, String tenant, Job job) {
        JobProfile profile = embedder.job(id, tenant, job);
        index.upsert(profile);
        jobs.put(id, new StoredDocument(id, tenant, 1, "h-" + id, profile.skills(), job.status().wireName()));
    }

    /** A resume version as the embedding worker publishes it, and its stored row (the latest version). */
    static ResumeProfile addResume(String id, String tenant, int version, Resume resume, String location, boolean remote) {
        ResumeProfile p = embedder.resume(id, tenant, resume);
        String hash = "hash-" + id + "-" + version;
        vectors.put(EventEnvelope.of("resume.embedded", null, tenant, id, hash, null,
                new ResumeEmbeddings(id, version, new ModelRef("m", "v", 384), p.sections(), Map.of(),
                        new ResumeEmbeddings.Metrics(p.experienceYears(), p.skills().size(), 1))));
        rows.put(id, new StoredResume(new StoredDocument(id, tenant, version, hash, p.skills(), null), location, remote));
        return p;
    }

    /**
     * The query the front door publishes for {@code GET /v1/jobs/{jobId}/candidates?...} once it checked the
     * parameters' shape (limit and minScore are numbers, remote a boolean).
     */
    static CandidatesRequested q(String uri) {
        String[] pathAndQuery = uri.split("[?]", 2);
        String jobId = pathAndQuery[0].split("/")[3];
        Map<String, String> params = new HashMap<>();
        if (pathAndQuery.length > 1) {
            for (String pair : pathAndQuery[1].split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv[1]);
            }
        }
        return new CandidatesRequested(jobId, params.containsKey("limit") ? Integer.valueOf(params.get("limit")) : null,
                params.get("cursor"), params.containsKey("minScore") ? Double.valueOf(params.get("minScore")) : null,
                params.get("location"), params.containsKey("remote") ? Boolean.valueOf(params.get("remote")) : null);
    }

    private Map<String, Object> get(String tenant, String uri) {
        CandidatesRequested query = q(uri);
        return json(queries.candidates(request(tenant, query.jobId(), query)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> candidates(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("candidates");
    }

    private static List<Object> ids(Map<String, Object> body) {
        return candidates(body).stream().map(c -> c.get("resume_id")).toList();
    }

    private void problem(String tenant, String uri, int status, String code, String field) {
        CandidatesRequested query = q(uri);
        refused(() -> queries.candidates(request(tenant, query.jobId(), query)), status, code, field);
    }

    @Test
    void ranksTheTenantsLatestResumesWithTheMatchBreakdown() {
        Map<String, Object> body = get("acme", "/v1/jobs/java-senior/candidates?limit=10");
        List<Object> ids = ids(body);
        assertThat(ids).containsExactlyInAnyOrder("ada", "ben", "flo", "jo");
        assertThat(ids.get(0)).isEqualTo("ada");
        assertThat(ids.indexOf("flo")).isGreaterThan(ids.indexOf("ben"));
        List<Map<String, Object>> list = candidates(body);
        for (int i = 1; i < list.size(); i++) {
            assertThat((Double) list.get(i - 1).get("match_percentage"))
                    .isGreaterThanOrEqualTo((Double) list.get(i).get("match_percentage"));
        }
        assertThat(list.get(0)).containsKeys("breakdown", "matched_skills", "missing_skills", "recommendation_level",
                "strengths", "improvements", "job_id", "job_title", "company", "matcher_version");
        assertThat(list.get(0).get("job_id")).isEqualTo("java-senior");
        assertThat(body.get("nextCursor")).isNull();

        // The same numbers as a single comparison of the latest version (what POST /v1/matches computes).
        ResumeVectors.Entry ada = vectors.get("acme", "ada");
        assertThat(ada.embeddings().version()).isEqualTo(2);
        var expected = engine.session(Profiles.of(rows.get("ada").document(), ada.embeddings()))
                .compare(index.get("acme", "java-senior"), properties.weightsOf("acme"));
        assertThat(list.get(0).get("match_percentage")).isEqualTo(expected.matchPercentage());
        assertThat(list.get(0).get("matched_skills")).isEqualTo(expected.matchedSkills());
        assertThat(expected.matchPercentage()).isGreaterThan(50);

        // For the nurse job the nurse ranks first.
        assertThat(ids(get("acme", "/v1/jobs/nurse-job/candidates")).get(0)).isEqualTo("flo");
    }

    @Test
    void erasedStaleAndForeignResumesAreNeverListed() {
        List<Object> ids = ids(get("acme", "/v1/jobs/java-senior/candidates?limit=100"));
        assertThat(ids).doesNotContain("erased", "ghost", "stale", "gus").doesNotHaveDuplicates();
        assertThat(vectors.get("acme", "erased")).isNull();
        assertThat(ids(get("globex", "/v1/jobs/globex-java/candidates"))).containsExactly("gus");
    }

    @Test
    void jobsTheIndexDoesNotHoldAreNotIndexedYet() {
        // The front door answers 404/409 job_closed from its jobs table; a job it knows but this index does
        // not (yet) hold is the worker's 409 embeddings_pending, also for another tenant's id.
        problem("globex", "/v1/jobs/java-senior/candidates", 409, "embeddings_pending", null);
        problem("acme", "/v1/jobs/nope/candidates", 409, "embeddings_pending", null);
    }

    @Test
    void filtersOnScoreLocationAndRemote() {
        List<Map<String, Object>> all = candidates(get("acme", "/v1/jobs/java-senior/candidates"));
        double second = (Double) all.get(1).get("match_percentage");
        List<Map<String, Object>> high = candidates(get("acme", "/v1/jobs/java-senior/candidates?minScore=" + second));
        assertThat(high).hasSizeBetween(2, all.size() - 1)
                .allSatisfy(c -> assertThat((Double) c.get("match_percentage")).isGreaterThanOrEqualTo(second));
        assertThat(ids(get("acme", "/v1/jobs/java-senior/candidates?location=BERL"))).containsExactly("ada");
        assertThat(ids(get("acme", "/v1/jobs/java-senior/candidates?location=hamburg"))).containsExactly("flo");
        assertThat(ids(get("acme", "/v1/jobs/java-senior/candidates?remote=true"))).containsExactly("jo");
        assertThat(ids(get("acme", "/v1/jobs/java-senior/candidates?remote=false"))).containsExactlyInAnyOrder("ada", "ben", "flo");
        assertThat(ids(get("acme", "/v1/jobs/java-senior/candidates?location=paris"))).isEmpty();

        problem("acme", "/v1/jobs/java-senior/candidates?minScore=101", 400, "validation_failed", "minScore");
        problem("acme", "/v1/jobs/java-senior/candidates?minScore=NaN", 400, "validation_failed", "minScore");
        problem("acme", "/v1/jobs/java-senior/candidates?limit=0", 400, "validation_failed", "limit");
        problem("acme", "/v1/jobs/java-senior/candidates?limit=101", 400, "validation_failed", "limit");
    }

    @Test
    void cursorsPageThroughTheRankingAndAreBoundToTenantJobAndFilters() {
        List<Object> full = ids(get("acme", "/v1/jobs/java-senior/candidates?limit=10"));
        List<Object> paged = new ArrayList<>();
        String cursor = null;
        String first = null;
        for (int page = 0; page < 10; page++) {
            Map<String, Object> body = get("acme", "/v1/jobs/java-senior/candidates?limit=1"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            paged.addAll(ids(body));
            cursor = (String) body.get("nextCursor");
            if (first == null) {
                first = cursor;
            }
            if (cursor == null) {
                break;
            }
        }
        assertThat(paged).isEqualTo(full);
        assertThat(first).isNotNull();

        String decoded = new String(Base64.getUrlDecoder().decode(first), StandardCharsets.UTF_8);
        String tampered = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(decoded.replaceFirst("\\|1\\|", "|2|").getBytes(StandardCharsets.UTF_8));
        assertThat(tampered).isNotEqualTo(first);
        problem("acme", "/v1/jobs/java-senior/candidates?cursor=" + tampered, 400, "invalid_cursor", "cursor");
        problem("acme", "/v1/jobs/java-senior/candidates?cursor=" + first.substring(0, first.length() - 2) + "zz",
                400, "invalid_cursor", "cursor");
        problem("acme", "/v1/jobs/java-senior/candidates?cursor=bm9wZQ", 400, "invalid_cursor", "cursor");
        String negative = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(decoded.replaceFirst("\\|1\\|", "|-1|").getBytes(StandardCharsets.UTF_8));
        problem("acme", "/v1/jobs/java-senior/candidates?cursor=" + negative, 400, "invalid_cursor", "cursor");
        // Replayed with other filters, for another job, or by another tenant.
        problem("acme", "/v1/jobs/java-senior/candidates?minScore=10&cursor=" + first, 400, "invalid_cursor", "cursor");
        problem("acme", "/v1/jobs/java-senior/candidates?location=berlin&cursor=" + first, 400, "invalid_cursor", "cursor");
        problem("acme", "/v1/jobs/nurse-job/candidates?cursor=" + first, 400, "invalid_cursor", "cursor");
        problem("globex", "/v1/jobs/globex-java/candidates?cursor=" + first, 400, "invalid_cursor", "cursor");
        // The same offset re-encoded with a valid form but the scope changed is refused too.
        String[] parts = decoded.split("\\|");
        String otherScope = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (parts[0] + "|" + parts[1] + "|0123456789abcdef|" + parts[3]).getBytes(StandardCharsets.UTF_8));
        problem("acme", "/v1/jobs/java-senior/candidates?cursor=" + otherScope, 400, "invalid_cursor", "cursor");
    }

    @Test
    void filtersThatRejectTheVectorTopKWidenIt() {
        MatchingProperties d = MatchingProperties.defaults();
        MatchingProperties narrow = new MatchingProperties(d.weights(), d.skillThreshold(), d.batch(), d.recommendations(),
                new MatchingProperties.Candidates(20, 100, 1, 1000, 5000), d.search(), d.clusters(), d.embeddingsWait(),
                d.index());
        CandidateRanker ranker = new CandidateRanker(vectors, (tenant, ids) -> new InMemoryDocuments().resumes(tenant, ids)
                .collectMap(StoredResume::id).block(Duration.ofSeconds(5)), engine, narrow);
        JobProfile job = index.get("acme", "java-senior");
        // k starts at 2 (the Java resumes, nearest to the job); the Hamburg nurse is found only by widening.
        assertThat(vectors.topK("acme", job.vector(), 2)).extracting(h -> h.entry().embeddings().resumeId())
                .doesNotContain("flo");
        CandidateRanker.Page page = ranker.rank(job, new com.talentpipeline.matching.candidates.CandidateFilter(null, "hamburg", null), 0, 1);
        assertThat(page.candidates()).extracting(c -> c.resumeId()).containsExactly("flo");
        assertThat(page.compared()).isGreaterThan(2);
        assertThat(page.more()).isFalse();
    }

    @Test
    void aNewResumeAppearsWithoutARestart() {
        assertThat(ids(get("initech", "/v1/jobs/initech-java/candidates"))).isEmpty();
        addResume("ivy", "initech", 1, Fixtures.javaBackendResume(), null, false);
        assertThat(ids(get("initech", "/v1/jobs/initech-java/candidates"))).containsExactly("ivy");
        // A new version replaces the old one in place.
        addResume("ivy", "initech", 2, Fixtures.nurseResume(), null, false);
        List<Map<String, Object>> after = candidates(get("initech", "/v1/jobs/initech-java/candidates"));
        assertThat(after).hasSize(1);
        assertThat((Double) after.get(0).get("match_percentage")).isLessThan(50);
    }
}
