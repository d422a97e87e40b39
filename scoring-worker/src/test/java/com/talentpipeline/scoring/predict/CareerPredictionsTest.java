package com.talentpipeline.scoring.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.career.CareerPaths;
import com.talentpipeline.core.career.CareerRequested;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.kafka.reply.RequestHandler;
import com.talentpipeline.core.resume.ProfileText;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.scoring.career.CareerLabel;
import com.talentpipeline.scoring.career.CareerPredictor;
import com.talentpipeline.scoring.career.StudentCareers;
import com.talentpipeline.scoring.config.ScoringProperties;
import com.talentpipeline.scoring.store.Documents;
import com.talentpipeline.scoring.store.ScoreStore;
import com.talentpipeline.scoring.store.TaxonomyStore;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/**
 * The worker's answer to {@code career.requested}, with the stores mocked: reads are scoped by the
 * request's tenant (another tenant's resume or taxonomy is a 404 refusal), and a stored resume is
 * predicted from its stored profile vector (409 until there is one), never encoded again.
 */
class CareerPredictionsTest {

    static final String A = "tenant-a";
    static final String B = "tenant-b";
    static final Resume RESUME = new Resume("Ada", "Lovelace", "ada@example.com", "+44 20 7946 0000",
            "Backend engineer building Java and Kafka services.", List.of(new Resume.Skill("Java", "Expert")),
            List.of(new Resume.WorkExperience("Backend Engineer", "Acme", "2018-01", "present",
                    List.of("Built Kafka consumers processing 2 million events a day"))), List.of(), List.of());

    Documents documents = mock(Documents.class);
    ScoreStore scores = mock(ScoreStore.class);
    TaxonomyStore taxonomies = mock(TaxonomyStore.class);
    TextEncoder encoder = mock(TextEncoder.class);
    ModelInfo info = mock(ModelInfo.class);
    CareerPredictions predictions;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        when(encoder.info()).thenReturn(info);
        when(info.name()).thenReturn("m");
        when(info.version()).thenReturn("m@1");
        when(encoder.embed(any())).thenAnswer(call -> {
            List<String> texts = call.getArgument(0);
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = new float[] {i % 2, (i + 1) % 2};
            }
            return out;
        });
        CareerPredictor predictor = new CareerPredictor(encoder, CareerPredictor.Settings.defaults());
        ScoringProperties properties = new ScoringProperties(
                new ScoringProperties.Career(0.04, 0.035, 8.0, 0.5, 1.0, 10, 1.0, 0.5, 40, 5, 100, 20, 20000),
                new ScoringProperties.Interview(new ScoringProperties.Scorer(true), new ScoringProperties.Scorer(true)));
        predictions = new CareerPredictions(predictor, new StudentCareers(predictor), documents, taxonomies, scores,
                properties, new com.talentpipeline.core.kafka.reply.Responders(mock(KafkaTemplate.class),
                        com.talentpipeline.core.kafka.consume.ConsumeKit.of(mock(KafkaTemplate.class),
                                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), "scoring-worker").deadLetters()),
                java.time.Duration.ofMillis(200));
        when(documents.resume(anyString(), anyString())).thenReturn(Mono.empty());
        when(documents.resume(A, "r1")).thenReturn(Mono.just(new Documents.StoredResume(1, RESUME)));
        when(scores.latestProfile(anyString(), anyString())).thenReturn(Mono.empty());
        when(taxonomies.find(anyString(), anyString())).thenReturn(Mono.empty());
        when(taxonomies.find(A, "t1")).thenReturn(Mono.just(new TaxonomyStore.Taxonomy("t1", "Mine", List.of(
                new CareerLabel("x", "x", "", List.of(), List.of()), new CareerLabel("y", "y", "", List.of(), List.of())),
                OffsetDateTime.now())));
    }

    static EventEnvelope<CareerRequested> request(String tenant, CareerRequested payload) {
        return EventEnvelope.of("career.requested", UUID.randomUUID(), tenant, "s", null, null, payload);
    }

    @Test
    void anotherTenantsTaxonomyAndResumeAre404() {
        assertThatThrownBy(() -> predictions.handle(request(B, new CareerRequested(null, "Java developer", null, null, "t1", null))))
                .isInstanceOfSatisfying(ApiProblemException.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThatThrownBy(() -> predictions.handle(request(B, new CareerRequested("r1", null, null, null, null, null))))
                .isInstanceOfSatisfying(ApiProblemException.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.NOT_FOUND));
        CareerPaths own = (CareerPaths) predictions.handle(
                request(A, new CareerRequested(null, "Java developer", null, null, "t1", null))).result();
        assertThat(own.labelSet()).isEqualTo("t1");
        assertThat(own.labels()).isEqualTo(2);
    }

    @Test
    void aStoredResumesCareerPathsUseItsStoredProfileVectorAndWaitForIt() {
        assertThatThrownBy(() -> predictions.handle(request(A, new CareerRequested("r1", null, null, null, null, null))))
                .isInstanceOfSatisfying(ApiProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(p.code()).isEqualTo("not_ready");
                });
        when(scores.latestProfile(A, "r1")).thenReturn(Mono.just(new ScoreStore.ProfileVector("m@1", new float[] {1, 0})));
        RequestHandler.Answer answer = predictions.handle(request(A, new CareerRequested("r1", null, null,
                List.of(new CareerRequested.Label("Backend", null, null), new CareerRequested.Label("Data", null, null)),
                null, null)));
        CareerPaths paths = (CareerPaths) answer.result();
        assertThat(paths.input()).isEqualTo("resume");
        assertThat(paths.labelSet()).isEqualTo("request");
        assertThat(paths.careerPaths()).hasSize(2);
        String profileText = ProfileText.of(RESUME);
        verify(encoder, never()).embed(org.mockito.ArgumentMatchers.argThat(
                texts -> texts != null && texts.contains(profileText)));
    }

    @Test
    void aStudentGetsTheTextItsGradesBecame() {
        CareerPaths paths = (CareerPaths) predictions.handle(request(A, new CareerRequested(null, null,
                new CareerRequested.Student(Map.of("Mathematics", 95), List.of("robots")), null, null, 3))).result();
        assertThat(paths.input()).isEqualTo("student");
        assertThat(paths.studentProfile()).isNotBlank();
        assertThat(paths.careerPaths()).hasSizeLessThanOrEqualTo(3).isNotEmpty();
    }
}
