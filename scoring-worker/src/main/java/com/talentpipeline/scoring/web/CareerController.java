package com.talentpipeline.scoring.web;

import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.FieldProblems;
import com.talentpipeline.scoring.career.CareerLabel;
import com.talentpipeline.scoring.career.CareerPrediction;
import com.talentpipeline.scoring.career.CareerPredictor;
import com.talentpipeline.scoring.career.CareerTaxonomy;
import com.talentpipeline.scoring.career.LabelSet;
import com.talentpipeline.scoring.career.StudentCareers;
import com.talentpipeline.scoring.config.ScoringProperties;
import com.talentpipeline.scoring.resume.ResumeText;
import com.talentpipeline.scoring.store.Documents;
import com.talentpipeline.scoring.store.ScoreStore;
import com.talentpipeline.scoring.store.TaxonomyStore;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Career paths on demand: {@code POST /v1/career-paths/predict} for a resume, a text or a student
 * (grades and interests), against the built-in taxonomy, the caller's own labels (zero-shot from
 * label and description, few-shot from example resumes) or a stored taxonomy; and the tenant's stored
 * taxonomies ({@code POST/GET/DELETE /v1/career-paths/taxonomies[/{id}]}).
 */
@RestController
public class CareerController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final CareerPredictor predictor;
    private final StudentCareers students;
    private final Documents documents;
    private final TaxonomyStore taxonomies;
    private final ScoreStore scores;
    private final ScoringProperties.Career settings;

    public CareerController(CareerPredictor predictor, StudentCareers students, Documents documents,
            TaxonomyStore taxonomies, ScoreStore scores, ScoringProperties properties) {
        this.predictor = predictor;
        this.scores = scores;
        this.students = students;
        this.documents = documents;
        this.taxonomies = taxonomies;
        this.settings = properties.career();
    }

    @PostMapping(path = "/v1/career-paths/predict", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> predict(@RequestBody(required = false) CareerRequests.Predict request,
            ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        validate(request);
        int topK = request.topK() == null ? settings.topK() : request.topK();
        Mono<Labels> labels = labels(tenant, request);
        if (request.student() != null) {
            Map<String, Integer> grades = request.student().grades();
            List<String> interests = request.student().interests() == null ? List.of() : request.student().interests();
            return labels.publishOn(Schedulers.boundedElastic()).map(l -> {
                LabelSet set = l.set();
                List<CareerPrediction> top = students.predict(grades, interests, set, Math.min(topK, set.labels().size()));
                Map<String, Object> body = body("student", l, top);
                body.put("student_profile", StudentCareers.profile(grades, interests));
                return body;
            });
        }
        if (request.resumeId() != null) {
            // A stored resume: its profile vector as the embedding worker published it (kept with its score),
            // never encoded again here; the text only feeds the lexical evidence.
            String resumeId = request.resumeId().strip();
            Mono<reactor.util.function.Tuple2<String, float[]>> profile = documents.resume(tenant, resumeId)
                    .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Resume", request.resumeId())))
                    .flatMap(r -> scores.latestProfile(tenant, resumeId)
                            .filter(p -> p.model().equals(predictor.encoder().info().version()))
                            .switchIfEmpty(Mono.error(() -> notScoredYet(resumeId)))
                            .map(p -> reactor.util.function.Tuples.of(ResumeText.professional(r.resume()), p.vector())));
            return profile.zipWith(labels).publishOn(Schedulers.boundedElastic()).map(t -> {
                LabelSet set = t.getT2().set();
                List<CareerPrediction> top = predictor.predict(t.getT1().getT1(), t.getT1().getT2(), set,
                        Math.min(topK, set.labels().size()));
                return body("resume", t.getT2(), top);
            });
        }
        Mono<String> text = Mono.just(request.text().strip());
        return Mono.zip(text, labels).publishOn(Schedulers.boundedElastic()).map(t -> {
            LabelSet set = t.getT2().set();
            List<CareerPrediction> top = predictor.predict(t.getT1(), set,
                    Math.min(topK, set.labels().size()));
            return body("text", t.getT2(), top);
        });
    }

    /** 409 while the resume's current version has no profile vector here yet (it is being embedded). */
    private static ApiProblemException notScoredYet(String resumeId) {
        return new ApiProblemException(org.springframework.http.HttpStatus.CONFLICT, "not_ready",
                "Resume " + resumeId + " is still being processed; retry in a few seconds.", List.of(),
                java.time.Duration.ofSeconds(2));
    }

    /** A label set to predict against, and where it came from. */
    private record Labels(String source, String mode, LabelSet set) {
    }

    private Mono<Labels> labels(String tenant, CareerRequests.Predict request) {
        if (request.labels() != null) {
            List<CareerLabel> labels = toLabels(request.labels());
            return Mono.fromCallable(() -> new Labels("request", mode(labels), predictor.embed(labels)))
                    .subscribeOn(Schedulers.boundedElastic());
        }
        String id = request.taxonomyId();
        if (id == null || id.isBlank() || id.equals(CareerTaxonomy.BUILT_IN_ID)) {
            return Mono.fromCallable(() -> new Labels(CareerTaxonomy.BUILT_IN_ID, "zero-shot", predictor.builtIn()))
                    .subscribeOn(Schedulers.boundedElastic());
        }
        return taxonomies.find(tenant, id)
                .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Taxonomy", id)))
                .publishOn(Schedulers.boundedElastic())
                .map(t -> new Labels(t.id(), mode(t.labels()), predictor.embedCached(t.labels())));
    }

    private Map<String, Object> body(String input, Labels labels, List<CareerPrediction> top) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("input", input);
        body.put("label_set", labels.source());
        body.put("mode", labels.mode());
        body.put("labels", labels.set().labels().size());
        body.put("career_paths", top);
        body.put("career_path", top.isEmpty() ? null : top.get(0).careerPath());
        body.put("confidence", top.isEmpty() ? 0 : top.get(0).confidence());
        body.put("temperature", labels.set().temperature());
        body.put("model", predictor.encoder().info().name());
        return body;
    }

    private static String mode(List<CareerLabel> labels) {
        long fewShot = labels.stream().filter(l -> !l.examples().isEmpty()).count();
        return fewShot == 0 ? "zero-shot" : fewShot == labels.size() ? "few-shot" : "mixed";
    }

    private static List<CareerLabel> toLabels(List<CareerRequests.Label> labels) {
        return labels.stream().map(l -> new CareerLabel(l.label().strip(), l.label().strip(), l.description(), List.of(),
                l.examples() == null ? List.of() : l.examples().stream().map(String::strip).toList())).toList();
    }

    private void validate(CareerRequests.Predict request) {
        FieldProblems problems = new FieldProblems();
        if (request == null) {
            problems.add("body", "must not be empty");
            problems.throwIfAny("The request");
        }
        int inputs = (request.resumeId() != null ? 1 : 0) + (request.text() != null ? 1 : 0)
                + (request.student() != null ? 1 : 0);
        if (inputs != 1) {
            problems.add("resumeId", "give exactly one of resumeId, text or student");
        }
        if (request.resumeId() != null && request.resumeId().isBlank()) {
            problems.add("resumeId", "must not be blank");
        }
        if (request.text() != null) {
            if (request.text().isBlank()) {
                problems.add("text", "must not be blank");
            } else if (request.text().length() > settings.maxTextChars()) {
                throw FieldProblems.tooLarge("text", "must be at most " + settings.maxTextChars() + " characters");
            }
        }
        if (request.student() != null) {
            Map<String, Integer> grades = request.student().grades();
            List<String> interests = request.student().interests();
            if ((grades == null || grades.isEmpty()) && (interests == null || interests.isEmpty())) {
                problems.add("student", "give grades or interests");
            }
            if (grades != null) {
                grades.forEach((subject, grade) -> {
                    if (subject == null || subject.isBlank() || subject.length() > 100) {
                        problems.add("student.grades", "subject names must be 1-100 characters");
                    } else if (grade == null || grade < 0 || grade > 100) {
                        problems.add("student.grades." + subject, "must be between 0 and 100");
                    }
                });
                if (grades.size() > 50) {
                    problems.add("student.grades", "at most 50 subjects");
                }
            }
            if (interests != null) {
                if (interests.size() > 50) {
                    problems.add("student.interests", "at most 50 interests");
                }
                for (int i = 0; i < interests.size(); i++) {
                    if (interests.get(i) == null || interests.get(i).isBlank() || interests.get(i).length() > 200) {
                        problems.add("student.interests[" + i + "]", "must be 1-200 characters");
                    }
                }
            }
        }
        if (request.labels() != null && request.taxonomyId() != null) {
            problems.add("taxonomyId", "give labels or taxonomyId, not both");
        }
        if (request.labels() != null) {
            validateLabels(request.labels(), "labels", problems);
        }
        if (request.topK() != null && (request.topK() < 1 || request.topK() > 20)) {
            problems.add("topK", "must be between 1 and 20");
        }
        problems.throwIfAny("The request");
    }

    private void validateLabels(List<CareerRequests.Label> labels, String field, FieldProblems problems) {
        if (labels.size() < 2) {
            problems.add(field, "give at least 2 labels");
        }
        if (labels.size() > settings.maxLabels()) {
            throw FieldProblems.tooLarge(field, "at most " + settings.maxLabels() + " labels");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            CareerRequests.Label l = labels.get(i);
            String at = field + "[" + i + "]";
            if (l == null || l.label() == null || l.label().isBlank()) {
                problems.add(at + ".label", "must not be blank");
                continue;
            }
            if (l.label().length() > 200) {
                problems.add(at + ".label", "must be at most 200 characters");
            }
            if (!seen.add(l.label().strip().toLowerCase(java.util.Locale.ROOT))) {
                problems.add(at + ".label", "is a duplicate");
            }
            if (l.description() != null && l.description().length() > 2_000) {
                problems.add(at + ".description", "must be at most 2000 characters");
            }
            if (l.examples() != null) {
                if (l.examples().size() > settings.maxExamples()) {
                    throw FieldProblems.tooLarge(at + ".examples", "at most " + settings.maxExamples() + " examples");
                }
                for (int k = 0; k < l.examples().size(); k++) {
                    String e = l.examples().get(k);
                    if (e == null || e.isBlank()) {
                        problems.add(at + ".examples[" + k + "]", "must not be blank");
                    } else if (e.length() > settings.maxTextChars()) {
                        throw FieldProblems.tooLarge(at + ".examples[" + k + "]",
                                "must be at most " + settings.maxTextChars() + " characters");
                    }
                }
            }
        }
    }

    @PostMapping(path = "/v1/career-paths/taxonomies", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, Object>>> create(@RequestBody(required = false) CareerRequests.Taxonomy request,
            ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        FieldProblems problems = new FieldProblems();
        if (request == null) {
            problems.add("body", "must not be empty");
            problems.throwIfAny("The taxonomy");
        }
        if (request.id() != null && (!ID.matcher(request.id()).matches() || request.id().equals(CareerTaxonomy.BUILT_IN_ID))) {
            problems.add("id", "must be 1-100 letters, digits, '.', '_' or '-', and not 'builtin'");
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            problems.add("name", "must be 1-200 characters");
        }
        if (request.labels() == null) {
            problems.add("labels", "must not be empty");
        } else {
            validateLabels(request.labels(), "labels", problems);
        }
        problems.throwIfAny("The taxonomy");
        String id = request.id() == null ? UUID.randomUUID().toString() : request.id();
        return taxonomies.save(tenant, id, request.name().strip(), toLabels(request.labels()))
                .map(t -> ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/v1/career-paths/taxonomies/" + id))
                        .body(full(t)));
    }

    @GetMapping(path = "/v1/career-paths/taxonomies", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> list(ServerWebExchange exchange) {
        return taxonomies.list(RequestTenant.of(exchange)).map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("name", t.name());
            m.put("labels", t.labels().size());
            m.put("created_at", t.createdAt().toString());
            return m;
        }).collectList().map(l -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("builtin", Map.of("id", CareerTaxonomy.BUILT_IN_ID, "labels", CareerTaxonomy.builtIn().paths().size()));
            body.put("taxonomies", l);
            return body;
        });
    }

    @GetMapping(path = "/v1/career-paths/taxonomies/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> get(@PathVariable String id, ServerWebExchange exchange) {
        if (id.equals(CareerTaxonomy.BUILT_IN_ID)) {
            return Mono.just(full(new TaxonomyStore.Taxonomy(id, "Built-in career paths", CareerTaxonomy.builtIn().paths(), null)));
        }
        return taxonomies.find(RequestTenant.of(exchange), id)
                .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Taxonomy", id)))
                .map(CareerController::full);
    }

    @DeleteMapping(path = "/v1/career-paths/taxonomies/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id, ServerWebExchange exchange) {
        return taxonomies.delete(RequestTenant.of(exchange), id)
                .flatMap(deleted -> deleted ? Mono.just(ResponseEntity.noContent().<Void>build())
                        : Mono.error(ApiProblemException.notFound("Taxonomy", id)));
    }

    private static Map<String, Object> full(TaxonomyStore.Taxonomy t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        List<Map<String, Object>> labels = new ArrayList<>();
        for (CareerLabel l : t.labels()) {
            Map<String, Object> label = new LinkedHashMap<>();
            label.put("label", l.name());
            label.put("description", l.description());
            if (!l.skills().isEmpty()) {
                label.put("skills", l.skills());
            }
            label.put("examples", l.examples().size());
            labels.add(label);
        }
        m.put("labels", labels);
        if (t.createdAt() != null) {
            m.put("created_at", t.createdAt().toString());
        }
        return m;
    }
}
