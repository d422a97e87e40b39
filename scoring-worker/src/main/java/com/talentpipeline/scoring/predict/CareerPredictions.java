package com.talentpipeline.scoring.predict;

import com.talentpipeline.core.career.CareerPaths;
import com.talentpipeline.core.career.CareerPrediction;
import com.talentpipeline.core.career.CareerRequested;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.kafka.reply.RequestHandler;
import com.talentpipeline.core.kafka.reply.Responder;
import com.talentpipeline.core.kafka.reply.Responders;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.scoring.career.CareerLabel;
import com.talentpipeline.scoring.career.CareerPredictor;
import com.talentpipeline.scoring.career.CareerTaxonomy;
import com.talentpipeline.scoring.career.LabelSet;
import com.talentpipeline.scoring.career.StudentCareers;
import com.talentpipeline.scoring.config.ScoringProperties;
import com.talentpipeline.scoring.resume.ResumeText;
import com.talentpipeline.scoring.store.Documents;
import com.talentpipeline.scoring.store.ScoreStore;
import com.talentpipeline.scoring.store.TaxonomyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Answers {@code career.requested} (the front door's {@code POST /v1/career-paths/predict}, validated
 * there): a resume by the profile vector the embedding worker published (kept with its score, never
 * encoded again here; 409 {@code not_ready} until it is), a text, or a student's grades and interests,
 * against the built-in taxonomy, the request's labels or a stored taxonomy (404 when unknown).
 */
@Component
class CareerPredictions implements RequestHandler<CareerRequested> {

    private static final Duration STORE_WAIT = Duration.ofSeconds(10);

    private final CareerPredictor predictor;
    private final StudentCareers students;
    private final Documents documents;
    private final TaxonomyStore taxonomies;
    private final ScoreStore scores;
    private final ScoringProperties.Career settings;
    private final Responder<CareerRequested> responder;
    private final Duration documentWait;

    CareerPredictions(CareerPredictor predictor, StudentCareers students, Documents documents,
            TaxonomyStore taxonomies, ScoreStore scores, ScoringProperties properties,
            Responders responders, @Value("${pipeline.scoring.documents.request-wait:1s}") Duration documentWait) {
        this.documentWait = documentWait;
        this.predictor = predictor;
        this.students = students;
        this.documents = documents;
        this.taxonomies = taxonomies;
        this.scores = scores;
        this.settings = properties.career();
        this.responder = responders.of(Topics.CAREER_REQUESTED, TaskType.CAREER_PATH, this, "career-predict", 2);
    }

    @KafkaListener(id = "career-predictor", idIsGroup = false, topics = Topics.CAREER_REQUESTED_NAME, batch = "true")
    void onRequests(List<ConsumerRecord<String, byte[]>> records) {
        responder.onBatch(records);
    }

    @Override
    public Answer handle(EventEnvelope<CareerRequested> envelope) {
        CareerRequested request = envelope.payload();
        String tenant = envelope.tenantId();
        int topK = request.topK() == null ? settings.topK() : request.topK();
        Labels labels = labels(tenant, request);
        LabelSet set = labels.set();
        int k = Math.min(topK, set.labels().size());
        CareerPaths body;
        if (request.student() != null) {
            Map<String, Integer> grades = request.student().grades() == null ? Map.of() : request.student().grades();
            List<String> interests = request.student().interests() == null ? List.of() : request.student().interests();
            body = body("student", labels, students.predict(grades, interests, set, k),
                    StudentCareers.profile(grades, interests));
        } else if (request.resumeId() != null) {
            String resumeId = request.resumeId();
            // The projection may not hold a just-submitted resume yet: looked up again for a moment.
            var resume = Documents.patiently(documents.resume(tenant, resumeId), documentWait)
                    .blockOptional(STORE_WAIT.plus(documentWait))
                    .orElseThrow(() -> ApiProblemException.notFound("Resume", resumeId));
            var profile = scores.latestProfile(tenant, resumeId)
                    .filter(p -> p.model().equals(predictor.encoder().info().version()))
                    .blockOptional(STORE_WAIT)
                    .orElseThrow(() -> notScoredYet(resumeId));
            body = body("resume", labels, predictor.predict(ResumeText.professional(resume.resume()), profile.vector(), set, k),
                    null);
        } else {
            body = body("text", labels, predictor.predict(request.text(), set, k), null);
        }
        ModelInfo model = predictor.encoder().info();
        return Answer.of(body, new ModelRef(model.name(), model.version(), model.dimension()));
    }

    /** 409 while the resume's current version has no profile vector here yet (it is being embedded). */
    private static ApiProblemException notScoredYet(String resumeId) {
        return new ApiProblemException(HttpStatus.CONFLICT, "not_ready",
                "Resume " + resumeId + " is still being processed; retry in a few seconds.", List.of(),
                Duration.ofSeconds(2));
    }

    /** A label set to predict against, and where it came from. */
    private record Labels(String source, String mode, LabelSet set) {
    }

    private Labels labels(String tenant, CareerRequested request) {
        if (request.labels() != null) {
            List<CareerLabel> labels = request.labels().stream().map(l -> new CareerLabel(l.label().strip(),
                    l.label().strip(), l.description(), List.of(),
                    l.examples() == null ? List.of() : l.examples().stream().map(String::strip).toList())).toList();
            return new Labels("request", mode(labels), predictor.embed(labels));
        }
        String id = request.taxonomyId();
        if (id == null || id.isBlank() || id.equals(CareerTaxonomy.BUILT_IN_ID)) {
            return new Labels(CareerTaxonomy.BUILT_IN_ID, "zero-shot", predictor.builtIn());
        }
        TaxonomyStore.Taxonomy t = taxonomies.find(tenant, id).blockOptional(STORE_WAIT)
                .orElseThrow(() -> ApiProblemException.notFound("Taxonomy", id));
        return new Labels(t.id(), mode(t.labels()), predictor.embedCached(t.labels()));
    }

    private CareerPaths body(String input, Labels labels, List<CareerPrediction> top, String studentProfile) {
        return new CareerPaths(input, labels.source(), labels.mode(), labels.set().labels().size(), top,
                top.isEmpty() ? null : top.get(0).careerPath(), top.isEmpty() ? 0 : top.get(0).confidence(),
                labels.set().temperature(), predictor.encoder().info().name(), studentProfile);
    }

    private static String mode(List<CareerLabel> labels) {
        long fewShot = labels.stream().filter(l -> !l.examples().isEmpty()).count();
        return fewShot == 0 ? "zero-shot" : fewShot == labels.size() ? "few-shot" : "mixed";
    }

}
