package com.talentpipeline.scoring.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.career.CareerRequested;
import com.talentpipeline.core.career.TaxonomyRequested;
import com.talentpipeline.core.career.TaxonomyRequested.Operation;
import com.talentpipeline.core.career.TaxonomyView;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.job.ExperienceLevel;
import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.kafka.consume.ConsumeKit;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.score.ScoreRequested;
import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.scoring.career.CareerLabel;
import com.talentpipeline.scoring.career.CareerPredictor;
import com.talentpipeline.scoring.resume.AtsScorer;
import com.talentpipeline.scoring.resume.JobKeywords;
import com.talentpipeline.scoring.resume.QualityScorer;
import com.talentpipeline.core.score.ResumeScore;
import com.talentpipeline.scoring.resume.ResumeScorer;
import com.talentpipeline.scoring.store.Documents;
import com.talentpipeline.scoring.store.ScoreStore;
import com.talentpipeline.scoring.store.TaxonomyStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The scoring worker's queries (score against a job, stored taxonomies) as their request handlers see
 * them, with the stores mocked: every read is scoped by the request's tenant (another tenant's id is
 * 404, never its data), and an unscored resume is 409 {@code not_ready}.
 */
class ScoringQueriesTest {

    static final String A = "tenant-a";
    static final String B = "tenant-b";
    static final UUID TASK = UUID.randomUUID();

    Documents documents = mock(Documents.class);
    ScoreStore scores = mock(ScoreStore.class);
    TaxonomyStore taxonomies = mock(TaxonomyStore.class);
    TextEncoder encoder = mock(TextEncoder.class);
    ModelInfo encoderInfo = mock(ModelInfo.class);
    ScoreQueries scoreQueries;
    TaxonomyQueries taxonomyQueries;

    static final Resume RESUME = new Resume("Ada", "Lovelace", "ada@example.com", "+44 20 7946 0000",
            "Backend engineer building Java and Kafka services.", List.of(new Resume.Skill("Java", "Expert"),
            new Resume.Skill("Kafka", null)), List.of(new Resume.WorkExperience("Backend Engineer", "Acme", "2018-01",
            "present", List.of("Built Kafka consumers processing 2 million events a day"))), List.of(), List.of());
    static final Job JOB = new Job("Backend Engineer", "Initech", null, ExperienceLevel.values()[0], null,
            List.of(new Job.JobSkill("Java"), new Job.JobSkill("Kubernetes")), List.of("Experience with Kafka and PostgreSQL"),
            "Build services.", false);

    @BeforeEach
    void setUp() {
        when(encoder.info()).thenReturn(encoderInfo);
        when(encoder.embed(any())).thenAnswer(call -> {
            List<String> texts = call.getArgument(0);
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = new float[] {i % 2, (i + 1) % 2};
            }
            return out;
        });
        CareerPredictor predictor = new CareerPredictor(encoder, CareerPredictor.Settings.defaults());
        ResumeScorer scorer = new ResumeScorer(new AtsScorer(new JobKeywords(SkillVocabulary.defaults())), predictor, 5);
        @SuppressWarnings("unchecked")
        KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
        ConsumeKit kit = ConsumeKit.of(kafka, new SimpleMeterRegistry(), "scoring-worker");
        var responders = new com.talentpipeline.core.kafka.reply.Responders(kafka, kit.deadLetters());
        scoreQueries = new ScoreQueries(scores, documents, scorer, responders, java.time.Duration.ofMillis(200));
        taxonomyQueries = new TaxonomyQueries(taxonomies, responders);
        when(documents.resume(anyString(), anyString())).thenReturn(Mono.empty());
        when(documents.resume(A, "r1")).thenReturn(Mono.just(new Documents.StoredResume(1, RESUME)));
        when(documents.job(anyString(), anyString())).thenReturn(Mono.empty());
        when(documents.job(A, "j1")).thenReturn(Mono.just(JOB));
        when(scores.latest(anyString(), anyString())).thenReturn(Mono.empty());
        when(scores.latestProfile(anyString(), anyString())).thenReturn(Mono.empty());
        var q = new QualityScorer().score(RESUME, YearMonth.of(2026, 11));
        ResumeScore score = new ResumeScore("r1", 1, "v", q.overallScore(), q.grade(), q.weights(), q.breakdown(),
                q.totalExperienceYears(), q.strengths(), q.improvements(), q.recommendations(), 80, null, List.of(), "m");
        when(scores.latest(A, "r1")).thenReturn(Mono.just(new ScoreStore.Stored(1, "v", TASK,
                PipelineJson.mapper().writeValueAsString(score))));
        when(taxonomies.find(anyString(), anyString())).thenReturn(Mono.empty());
        when(taxonomies.find(A, "t1")).thenReturn(Mono.just(new TaxonomyStore.Taxonomy("t1", "Mine", List.of(
                new CareerLabel("x", "x", "", List.of(), List.of()), new CareerLabel("y", "y", "", List.of(), List.of())),
                OffsetDateTime.now())));
        when(taxonomies.delete(anyString(), anyString())).thenReturn(Mono.just(false));
        when(taxonomies.list(anyString())).thenReturn(Flux.empty());
    }

    static <Q> EventEnvelope<Q> request(String tenant, String topic, Q payload) {
        return EventEnvelope.of(topic, UUID.randomUUID(), tenant, "s", null, null, payload);
    }

    JsonNode score(String tenant, String resumeId, String jobId) {
        return PipelineJson.mapper().valueToTree(scoreQueries.handle(request(tenant, "score.requested",
                new ScoreRequested(resumeId, jobId))).result());
    }

    Object taxonomy(String tenant, TaxonomyRequested q) {
        return taxonomyQueries.handle(request(tenant, "taxonomy.requested", q)).result();
    }

    static void assertProblem(Runnable call, HttpStatus status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(status);
            assertThat(p.code()).isEqualTo(code);
        });
    }

    @Test
    void atsAgainstAJobListsItsKeywordsWithTheScoresTaskAndAnotherTenantsIdsAre404() {
        JsonNode body = score(A, "r1", "j1");
        assertThat(body.get("task_id").asString()).isEqualTo(TASK.toString());
        assertThat(body.get("overall_score").isNumber()).isTrue();
        List<String> found = body.get("ats").get("keywords").get("found").valueStream().map(JsonNode::asString).toList();
        List<String> missing = body.get("ats").get("keywords").get("missing").valueStream().map(JsonNode::asString).toList();
        assertThat(found).contains("Java", "Kafka");
        assertThat(missing).contains("Kubernetes", "PostgreSQL");
        assertThat(body.get("ats").get("factors").valueStream().map(f -> f.get("factor").asString()))
                .contains("keyword_coverage");

        assertProblem(() -> score(B, "r1", "j1"), HttpStatus.NOT_FOUND, "not_found");
        verify(scores, never()).latest(eq(B), anyString());
        when(documents.resume(B, "r1")).thenReturn(Mono.just(new Documents.StoredResume(1, RESUME)));
        Mono<ScoreStore.Stored> stored = scores.latest(A, "r1");
        when(scores.latest(B, "r1")).thenReturn(stored);
        assertThatThrownBy(() -> score(B, "r1", "j1")).isInstanceOfSatisfying(ApiProblemException.class,
                p -> assertThat(p.getMessage()).contains("Job j1"));
    }

    @Test
    void anUnscoredResumeIs409NotReady() {
        when(documents.resume(B, "r2")).thenReturn(Mono.just(new Documents.StoredResume(1, RESUME)));
        assertProblem(() -> score(B, "r2", "j1"), HttpStatus.CONFLICT, "not_ready");
    }

    @Test
    void storedTaxonomiesAreInvisibleToOtherTenants() {
        TaxonomyView own = (TaxonomyView) taxonomy(A, new TaxonomyRequested(Operation.GET, "t1", null, null));
        assertThat(own.labels()).hasSize(2);
        assertProblem(() -> taxonomy(B, new TaxonomyRequested(Operation.GET, "t1", null, null)), HttpStatus.NOT_FOUND,
                "not_found");
        assertProblem(() -> taxonomy(B, new TaxonomyRequested(Operation.DELETE, "t1", null, null)),
                HttpStatus.NOT_FOUND, "not_found");
        verify(taxonomies).delete(B, "t1");
    }

    @Test
    void aTaxonomyIsStoredUnderTheTenantAndAnsweredWithTheKeysClientsRead() {
        when(taxonomies.save(eq(A), eq("t2"), eq("Ours"), any())).thenAnswer(call -> Mono.just(new TaxonomyStore.Taxonomy(
                "t2", "Ours", call.getArgument(3), OffsetDateTime.parse("2026-12-07T20:00:00Z"))));
        Object created = taxonomy(A, new TaxonomyRequested(Operation.CREATE, "t2", " Ours ", List.of(
                new CareerRequested.Label(" Nursing ", "patient care", null),
                new CareerRequested.Label("Software", null, List.of(" Java developer ")))));
        JsonNode json = PipelineJson.mapper().valueToTree(created);
        assertThat(json.get("id").asString()).isEqualTo("t2");
        assertThat(json.get("created_at").asString()).isEqualTo("2026-12-07T20:00Z");
        assertThat(json.get("labels").get(0).get("label").asString()).isEqualTo("Nursing");
        assertThat(json.get("labels").get(1).get("examples").asInt()).isEqualTo(1);
        assertThat(json.get("labels").get(1).has("skills")).isFalse();

        JsonNode builtin = PipelineJson.mapper().valueToTree(taxonomy(A, new TaxonomyRequested(Operation.LIST, null, null,
                null)));
        assertThat(builtin.get("builtin").get("id").asString()).isEqualTo("builtin");
        assertThat(builtin.get("builtin").get("labels").asInt()).isGreaterThan(50);
        assertThat(builtin.get("taxonomies").isArray()).isTrue();

        assertProblem(() -> taxonomy(A, new TaxonomyRequested(Operation.CREATE, "builtin", "x", List.of())),
                HttpStatus.BAD_REQUEST, "validation_failed");
    }
}
