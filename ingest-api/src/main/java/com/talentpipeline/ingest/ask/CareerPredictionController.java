package com.talentpipeline.ingest.ask;

import com.talentpipeline.core.career.CareerPaths;
import com.talentpipeline.core.career.CareerRequested;
import com.talentpipeline.core.kafka.reply.RequestAccepted;
import com.talentpipeline.core.kafka.reply.RequestReply;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.topic.Topics;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /v1/career-paths/predict}: career paths for a resume, a text or a student, predicted by the
 * scoring worker through {@code career.requested}: {@code 200} within {@code pipeline.ingest.ask.career.timeout},
 * else {@code 202} with a {@code career_path.predict} task. The shape and limits are checked here (400/413),
 * the resume's existence too (404); an unknown taxonomy or a resume not embedded yet are the worker's
 * 404/409.
 */
@RestController
class CareerPredictionController {

    private final RequestReply requests;
    private final Documents documents;
    private final AskProperties.Career settings;

    CareerPredictionController(RequestReply requests, Documents documents, AskProperties properties) {
        this.requests = requests;
        this.documents = documents;
        this.settings = properties.career();
    }

    @ApiResponse(responseCode = "200", description = "The predicted career paths, best first",
            content = @Content(schema = @Schema(implementation = CareerPaths.class)))
    @ApiResponse(responseCode = "202", description = "Not answered in time: the career_path.predict task the answer "
            + "completes (Location: the task)",
            content = @Content(schema = @Schema(implementation = RequestAccepted.class)))
    @PostMapping(path = "/v1/career-paths/predict", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> predict(@RequestBody(required = false) CareerRequested request,
            @RequestHeader(name = "traceparent", required = false) String traceparent, ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        validate(request);
        String resumeId = request.resumeId() == null ? null : request.resumeId().strip();
        // A text or a student has no subject: a fresh key spreads them over the partitions.
        String subject = resumeId == null ? UUID.randomUUID().toString() : resumeId;
        CareerRequested normalised = new CareerRequested(resumeId, request.text() == null ? null : request.text().strip(),
                request.student(), request.labels(), request.taxonomyId(), request.topK());
        Mono<Void> found = resumeId == null ? Mono.empty() : documents.resume(tenant, resumeId);
        return found.then(requests.ask(new RequestReply.Request<>(Topics.CAREER_REQUESTED, TaskType.CAREER_PATH,
                tenant, subject, traceparent, normalised), settings.timeout()));
    }

    private void validate(CareerRequested request) {
        Problems problems = new Problems();
        if (request == null) {
            problems.add("body", "must not be empty");
            problems.throwIfAny("The request");
        }
        int inputs = (request.resumeId() != null ? 1 : 0) + (request.text() != null ? 1 : 0)
                + (request.student() != null ? 1 : 0);
        if (inputs != 1) {
            problems.add("resume_id", "give exactly one of resume_id, text or student");
        }
        if (request.resumeId() != null && (request.resumeId().isBlank() || request.resumeId().length() > 200)) {
            problems.add("resume_id", "must be 1-200 characters");
        }
        if (request.text() != null) {
            if (request.text().isBlank()) {
                problems.add("text", "must not be blank");
            } else if (request.text().length() > settings.maxTextChars()) {
                throw Problems.tooLarge("text", "must be at most " + settings.maxTextChars() + " characters");
            }
        }
        if (request.student() != null) {
            validateStudent(request.student(), problems);
        }
        if (request.labels() != null && request.taxonomyId() != null) {
            problems.add("taxonomy_id", "give labels or taxonomy_id, not both");
        }
        if (request.taxonomyId() != null && (request.taxonomyId().isBlank() || request.taxonomyId().length() > 100)) {
            problems.add("taxonomy_id", "must be 1-100 characters");
        }
        if (request.labels() != null) {
            CareerLabels.validate(request.labels(), settings, problems);
        }
        if (request.topK() != null && (request.topK() < 1 || request.topK() > 20)) {
            problems.add("top_k", "must be between 1 and 20");
        }
        problems.throwIfAny("The request");
    }

    private static void validateStudent(CareerRequested.Student student, Problems problems) {
        Map<String, Integer> grades = student.grades();
        List<String> interests = student.interests();
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

}
