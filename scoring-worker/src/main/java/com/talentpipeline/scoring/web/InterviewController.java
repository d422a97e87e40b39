package com.talentpipeline.scoring.web;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.hash.ContentHash;
import com.talentpipeline.core.interview.InterviewSubmitted;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.topic.ReactiveSends;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.scoring.config.ScoringProperties;
import com.talentpipeline.scoring.store.Documents;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /v1/interviews}: validates the transcript and rubric, then publishes the task (ACCEPTED)
 * and the {@code interview.submitted} event and answers 202 once Kafka acknowledged both. The task id is
 * derived from tenant, interview id and content, so a retried submission is the same task.
 */
@RestController
public class InterviewController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    private static final double TOLERANCE = 0.001;

    private final KafkaTemplate<String, byte[]> kafka;
    private final Documents documents;
    private final ScoringProperties properties;

    public InterviewController(KafkaTemplate<String, byte[]> kafka, Documents documents, ScoringProperties properties) {
        this.kafka = kafka;
        this.documents = documents;
        this.properties = properties;
    }

    @PostMapping(path = "/v1/interviews", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, Object>>> submit(@RequestBody(required = false) InterviewRequest request,
            ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        InterviewSubmitted interview = validate(request);
        Mono<Boolean> jobKnown = interview.jobId() == null ? Mono.just(true)
                : documents.job(tenant, interview.jobId()).map(j -> true).defaultIfEmpty(false);
        return jobKnown.flatMap(known -> {
            if (!known) {
                return Mono.error(ApiProblemException.notFound("Job", interview.jobId()));
            }
            String hash = ContentHash.of(interview);
            UUID taskId = UUID.nameUUIDFromBytes((TaskType.INTERVIEW_SCORE.wireName() + ":" + tenant + ":"
                    + interview.interviewId() + ":" + hash).getBytes(StandardCharsets.UTF_8));
            String key = interview.interviewId();
            EventEnvelope<TaskEvent> accepted = EventEnvelope.of(Topics.TASK_EVENTS_NAME, taskId, tenant, key, hash, null,
                    new TaskEvent(TaskType.INTERVIEW_SCORE, TaskState.ACCEPTED, 0, null, null, null, null, false, Instant.now()));
            EventEnvelope<InterviewSubmitted> event = EventEnvelope.of(Topics.INTERVIEW_SUBMITTED_NAME, taskId, tenant, key,
                    hash, null, interview);
            return ReactiveSends.acknowledged(kafka, new ProducerRecord<>(Topics.TASK_EVENTS.name(), key,
                            Topics.TASK_EVENTS.encode(accepted)))
                    .then(ReactiveSends.acknowledged(kafka, new ProducerRecord<>(Topics.INTERVIEW_SUBMITTED.name(), key,
                            Topics.INTERVIEW_SUBMITTED.encode(event))))
                    .map(ack -> {
                        String taskUrl = properties.resultsBaseUrl().replaceAll("/+$", "") + "/v1/tasks/" + taskId;
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("taskId", taskId.toString());
                        body.put("interview_id", interview.interviewId());
                        body.put("status", "ACCEPTED");
                        body.put("taskUrl", taskUrl);
                        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(taskUrl)).body(body);
                    });
        });
    }

    /** The validated event payload; 400 naming the field, or 413 for a transcript over the limits. */
    InterviewSubmitted validate(InterviewRequest request) {
        Problems problems = new Problems();
        if (request == null) {
            problems.add("body", "must not be empty");
            problems.throwIfAny("The interview");
        }
        if (request.interviewId() == null || request.interviewId().isBlank()) {
            problems.add("interview_id", "must not be blank");
        } else if (!ID.matcher(request.interviewId()).matches()) {
            problems.add("interview_id", "must be 1-200 letters, digits, '.', '_', ':' or '-'");
        }
        ScoringProperties.Interview limits = properties.interview();
        List<InterviewSubmitted.Turn> turns = new ArrayList<>();
        if (request.transcript() == null || request.transcript().isEmpty()) {
            problems.add("transcript", "must not be empty");
        } else {
            if (request.transcript().size() > limits.maxTurns()) {
                throw Problems.tooLarge("transcript", "has " + request.transcript().size() + " turns; at most "
                        + limits.maxTurns() + " are accepted");
            }
            long chars = 0;
            boolean candidate = false;
            for (int i = 0; i < request.transcript().size(); i++) {
                InterviewRequest.Turn t = request.transcript().get(i);
                String at = "transcript[" + i + "]";
                if (t == null) {
                    problems.add(at, "must not be null");
                    continue;
                }
                if (!"interviewer".equals(t.speaker()) && !"candidate".equals(t.speaker())) {
                    problems.add(at + ".speaker", "must be 'interviewer' or 'candidate'");
                }
                if (t.content() == null || t.content().isBlank()) {
                    problems.add(at + ".content", "must not be blank");
                } else {
                    chars += t.content().length();
                }
                candidate |= "candidate".equals(t.speaker()) && t.content() != null && !t.content().isBlank();
                turns.add(new InterviewSubmitted.Turn(t.speaker(), t.content()));
            }
            if (chars > limits.maxChars()) {
                throw Problems.tooLarge("transcript", "has " + chars + " characters; at most " + limits.maxChars()
                        + " are accepted");
            }
            if (!candidate) {
                problems.add("transcript", "has no candidate turn to score");
            }
        }
        InterviewRequest.Rubric r = request.rubric();
        if (r == null) {
            problems.add("rubric", "must not be empty");
        } else {
            weight(problems, "rubric.communication", r.communication());
            weight(problems, "rubric.technical", r.technical());
            weight(problems, "rubric.problem_solving", r.problemSolving());
            if (r.communication() != null && r.technical() != null && r.problemSolving() != null) {
                double sum = r.communication() + r.technical() + r.problemSolving();
                if (Math.abs(sum - 1) > TOLERANCE) {
                    problems.add("rubric", String.format(java.util.Locale.ROOT, "weights must sum to 1 (+-0.001); they sum to %.4f", sum));
                }
            }
        }
        if (request.jobId() != null && (request.jobId().isBlank() || request.jobId().length() > 200)) {
            problems.add("jobId", "must be 1-200 characters");
        }
        problems.throwIfAny("The interview");
        return new InterviewSubmitted(request.interviewId(), turns,
                new InterviewSubmitted.Rubric(r.communication(), r.technical(), r.problemSolving()), request.jobId());
    }

    private static void weight(Problems problems, String field, Double w) {
        if (w == null) {
            problems.add(field, "must be given");
        } else if (w.isNaN() || w < 0 || w > 1) {
            problems.add(field, "must be between 0 and 1");
        }
    }
}
