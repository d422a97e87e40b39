package com.talentpipeline.scoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.job.ExperienceLevel;
import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.core.web.ProblemDetailsAdvice;
import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.scoring.career.CareerLabel;
import com.talentpipeline.scoring.career.CareerPredictor;
import com.talentpipeline.scoring.config.ScoringProperties;
import com.talentpipeline.scoring.resume.AtsScorer;
import com.talentpipeline.scoring.resume.JobKeywords;
import com.talentpipeline.scoring.resume.QualityScorer;
import com.talentpipeline.scoring.resume.ResumeScore;
import com.talentpipeline.scoring.resume.ResumeScorer;
import com.talentpipeline.scoring.store.Documents;
import com.talentpipeline.scoring.store.ScoreStore;
import com.talentpipeline.scoring.store.TaxonomyStore;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The controllers over HTTP (WebTestClient, no server), with the stores mocked: every read is scoped
 * by the caller's tenant (another tenant's id is 404, never its data), and bad input is a 4xx
 * problem+json naming the field.
 */
class ScoringApiTenancyTest {

    static final String A = "tenant-a";
    static final String B = "tenant-b";

    Documents documents = mock(Documents.class);
    ScoreStore scores = mock(ScoreStore.class);
    TaxonomyStore taxonomies = mock(TaxonomyStore.class);
    @SuppressWarnings("unchecked")
    KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
    WebTestClient web;
    TextEncoder encoder = mock(TextEncoder.class);
    ModelInfo encoderInfo = mock(ModelInfo.class);

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
        ScoringProperties properties = new ScoringProperties(new ScoringProperties.Career(0.04, 0.035, 8.0, 0.5, 1.0, 10, 1.0, 0.5, 40, 5, 100, 20, 20000),
                new ScoringProperties.Interview(new ScoringProperties.Scorer(true), new ScoringProperties.Scorer(true)));
        ResumeScorer scorer = new ResumeScorer(new AtsScorer(new JobKeywords(SkillVocabulary.defaults())), predictor, 5);
        web = WebTestClient.bindToController(new ScoreController(scores, documents, scorer),
                        new CareerController(taxonomies, properties))
                .controllerAdvice(new ProblemDetailsAdvice())
                .webFilter(new TestTenantFilter())
                .build();
        when(documents.resume(anyString(), anyString())).thenReturn(Mono.empty());
        when(documents.resume(A, "r1")).thenReturn(Mono.just(new Documents.StoredResume(1, RESUME)));
        when(documents.sourceText(anyString(), anyString(), anyInt())).thenReturn(Mono.empty());
        when(documents.job(anyString(), anyString())).thenReturn(Mono.empty());
        when(documents.job(A, "j1")).thenReturn(Mono.just(JOB));
        when(scores.latest(anyString(), anyString())).thenReturn(Mono.empty());
        when(scores.latestProfile(anyString(), anyString())).thenReturn(Mono.empty());
        var q = new QualityScorer().score(RESUME, YearMonth.of(2026, 11));
        ResumeScore score = new ResumeScore("r1", 1, "v", q.overallScore(), q.grade(), q.weights(), q.breakdown(),
                q.totalExperienceYears(), q.strengths(), q.improvements(), q.recommendations(), 80, null, List.of(), "m");
        when(scores.latest(A, "r1")).thenReturn(Mono.just(new ScoreStore.Stored(1, "v", UUID.randomUUID(),
                PipelineJson.mapper().writeValueAsString(score))));
        when(taxonomies.find(anyString(), anyString())).thenReturn(Mono.empty());
        when(taxonomies.find(A, "t1")).thenReturn(Mono.just(new TaxonomyStore.Taxonomy("t1", "Mine", List.of(
                new CareerLabel("x", "x", "", List.of(), List.of()), new CareerLabel("y", "y", "", List.of(), List.of())),
                OffsetDateTime.now())));
        when(taxonomies.delete(anyString(), anyString())).thenReturn(Mono.just(false));
        when(taxonomies.list(anyString())).thenReturn(Flux.empty());
    }

    WebTestClient.ResponseSpec get(String tenant, String path) {
        return web.get().uri(path).header(TestTenantFilter.HEADER, tenant).exchange();
    }

    WebTestClient.ResponseSpec post(String tenant, String path, String body) {
        return web.post().uri(path).header(TestTenantFilter.HEADER, tenant).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    @Test
    void aScoreIsServedToItsTenantOnlyAndAnotherTenantGets404() {
        get(A, "/v1/resumes/r1/score").expectStatus().isOk().expectBody()
                .jsonPath("$.overall_score").isNumber().jsonPath("$.grade").isNotEmpty()
                .jsonPath("$.breakdown.completeness.rules").isArray();
        get(B, "/v1/resumes/r1/score").expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("not_found");
        verify(scores, never()).latest(eq(B), anyString());
    }

    @Test
    void anUnscoredResumeIs409NotReady() {
        when(documents.resume(B, "r2")).thenReturn(Mono.just(new Documents.StoredResume(1, RESUME)));
        get(B, "/v1/resumes/r2/score").expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("not_ready");
    }

    @Test
    void atsAgainstAJobListsItsKeywordsAndAnotherTenantsJobIs404() {
        get(A, "/v1/resumes/r1/score?jobId=j1").expectStatus().isOk().expectBody()
                .jsonPath("$.ats.keywords.found[?(@ == 'Java')]").exists()
                .jsonPath("$.ats.keywords.found[?(@ == 'Kafka')]").exists()
                .jsonPath("$.ats.keywords.missing[?(@ == 'Kubernetes')]").exists()
                .jsonPath("$.ats.keywords.missing[?(@ == 'PostgreSQL')]").exists()
                .jsonPath("$.ats.factors[?(@.factor == 'keyword_coverage')]").exists();
        when(documents.job(B, "j1")).thenReturn(Mono.empty());
        when(documents.resume(B, "r1")).thenReturn(Mono.just(new Documents.StoredResume(1, RESUME)));
        Mono<ScoreStore.Stored> stored = scores.latest(A, "r1");
        when(scores.latest(B, "r1")).thenReturn(stored);
        get(B, "/v1/resumes/r1/score?jobId=j1").expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("Job"));
    }

    @Test
    void storedTaxonomiesAreInvisibleToOtherTenants() {
        get(A, "/v1/career-paths/taxonomies/t1").expectStatus().isOk().expectBody().jsonPath("$.labels.length()").isEqualTo(2);
        get(B, "/v1/career-paths/taxonomies/t1").expectStatus().isNotFound();
        web.delete().uri("/v1/career-paths/taxonomies/t1").header(TestTenantFilter.HEADER, B).exchange()
                .expectStatus().isNotFound();
        verify(taxonomies).delete(B, "t1");
    }
}
