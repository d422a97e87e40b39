package com.talentpipeline.ingest.resume;

import com.talentpipeline.core.hash.ContentHash;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.resume.ResumeSubmitted;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.FieldProblem;
import com.talentpipeline.ingest.config.IngestProperties;
import com.talentpipeline.ingest.document.DocumentProblems;
import com.talentpipeline.ingest.door.DoorAnswers;
import com.talentpipeline.ingest.door.DoorCache;
import com.talentpipeline.ingest.submission.Submission;
import com.talentpipeline.ingest.submission.SubmissionService;
import com.talentpipeline.core.task.intake.TaskAccepted;
import com.talentpipeline.ingest.web.Callers;
import com.talentpipeline.ingest.web.Responses;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Resume writes: {@code POST /v1/resumes} (JSON or a multipart file), {@code PUT /v1/resumes/{id}}
 * (a new version, JSON or file) and {@code DELETE /v1/resumes/{id}} (erasure). Every accepted write is
 * 202 and a task to poll; the event is always {@code resume.submitted}, so the workers do not care
 * whether the resume came as JSON or as a document.
 */
@RestController
@RequestMapping("/v1/resumes")
public class ResumeController {

    private static final int MAX_USER_ID = 200;

    private final SubmissionService submissions;
    private final Responses responses;
    private final ResumeUploads uploads;
    private final ResumeFileStore files;
    private final ResumeErasure erasure;
    private final ResumeUpdates updates;
    private final IngestProperties properties;
    private final Callers callers;
    private final DoorCache doorCache;

    public ResumeController(SubmissionService submissions, Responses responses, ResumeUploads uploads,
            ResumeFileStore files, ResumeErasure erasure, ResumeUpdates updates, IngestProperties properties,
            Callers callers, DoorCache doorCache) {
        this.callers = callers;
        this.doorCache = doorCache;
        this.submissions = submissions;
        this.responses = responses;
        this.uploads = uploads;
        this.files = files;
        this.erasure = erasure;
        this.updates = updates;
        this.properties = properties;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<TaskAccepted>> submit(
            @Valid @RequestBody Resume resume,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "traceparent", required = false) String traceparent,
            ServerWebExchange exchange) {
        // A new resume from JSON may be answered at the door; a file's score also depends on the file's text.
        return callers.client(exchange, null).flatMap(client -> submitJson(client, UUID.randomUUID().toString(),
                resume, idempotencyKey, traceparent, Submission.NO_WRITES, Submission.NO_WRITES, true));
    }

    /** A resume file (PDF, DOCX, plain text, PNG or JPEG) in the {@code file} part, optional {@code userId} part. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<TaskAccepted>> upload(
            ServerWebExchange exchange,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "traceparent", required = false) String traceparent) {
        return submitFile(UUID.randomUUID().toString(), exchange, idempotencyKey, traceparent);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<TaskAccepted>> replace(
            @PathVariable String id,
            @Valid @RequestBody Resume resume,
            @RequestHeader(name = "traceparent", required = false) String traceparent,
            ServerWebExchange exchange) {
        // A JSON version has no file: the old version's file and parse report must not describe it.
        // Kept aside in the transaction, and put back if Kafka does not acknowledge the new version.
        ResumeFileStore.Undo undo = files.undo(id);
        String tenant = RequestTenant.of(exchange);
        return requireExisting(tenant, id)
                .then(callers.client(exchange, null))
                .flatMap(client -> submitJson(client, id, resume, null, traceparent,
                        version -> undo.snapshot().then(files.delete(id)), version -> undo.restore(version), false))
                .flatMap(response -> announce(tenant, response, id, "json", traceparent));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<TaskAccepted>> replaceWithFile(
            @PathVariable String id,
            ServerWebExchange exchange,
            @RequestHeader(name = "traceparent", required = false) String traceparent) {
        String tenant = RequestTenant.of(exchange);
        return requireExisting(tenant, id)
                .then(Mono.defer(() -> submitFile(id, exchange, null, traceparent)))
                .flatMap(response -> announce(tenant, response, id, "file", traceparent));
    }

    /**
     * Erases the resume, its file and tombstones its embeddings, and has every participant erase its own
     * data (tasks, results, scores, predictions, RAG rows, caches): 202 with the {@code erasure} task
     * (RUNNING; SUCCEEDED once every participant reported, its result listing the counts), or 404.
     */
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<TaskAccepted>> delete(@PathVariable String id, ServerWebExchange exchange) {
        return erasure.erase(RequestTenant.of(exchange), id)
                .map(erased -> responses.accepted(new com.talentpipeline.core.task.intake.Accepted(erased.taskId(), id, false),
                        (a, url) -> new TaskAccepted(a.taskId(), id, null, "RUNNING", url, null)));
    }

    private Mono<ResponseEntity<TaskAccepted>> submitJson(SubmissionService.Client client, String resumeId,
            Resume resume, String idempotencyKey,
            String traceparent, IntFunction<Mono<Void>> extraWrites, IntFunction<Mono<Void>> undoWrites,
            boolean door) {
        var problems = ResumeRules.check(resume);
        if (!problems.isEmpty()) {
            return Mono.error(new ApiProblemException(HttpStatus.BAD_REQUEST, "validation_failed",
                    "The resume is not acceptable: " + String.join(", ", problems.stream()
                            .map(p -> p.field() + " " + p.message()).toList()), problems, null));
        }
        return accept(client, resumeId, resume, null, ResumeRules.warnings(resume), idempotencyKey, traceparent,
                extraWrites, undoWrites, door);
    }

    private Mono<ResponseEntity<TaskAccepted>> submitFile(String resumeId, ServerWebExchange exchange,
            String idempotencyKey, String traceparent) {
        // The multipart reader enforces spring.webflux.multipart.max-disk-usage-per-part while it
        // buffers the form; over it is the same 413 file_too_large as over max-file-size.
        return exchange.getMultipartData()
                .onErrorMap(DataBufferLimitException.class,
                        e -> DocumentProblems.tooLarge(properties.maxFileSize().toBytes()))
                // A broken envelope (no boundary, no closing boundary) or an unreadable part header
                // (e.g. "Content-Type: x/") is the client's error: 400, never a 500.
                .onErrorMap(DecodingException.class, e -> DocumentProblems.malformedMultipart(
                        e.getMessage() == null ? "undecodable" : e.getMessage()))
                .onErrorMap(InvalidMediaTypeException.class, e -> DocumentProblems.malformedMultipart(
                        "a part has an invalid Content-Type"))
                .flatMap(form -> submitForm(exchange, resumeId, form, idempotencyKey, traceparent));
    }

    private Mono<ResponseEntity<TaskAccepted>> submitForm(ServerWebExchange exchange, String resumeId,
            MultiValueMap<String, Part> form,
            String idempotencyKey, String traceparent) {
        Part file = form.getFirst("file");
        if (file == null) {
            return Mono.error(new ApiProblemException(HttpStatus.BAD_REQUEST, "missing_file",
                    "The multipart body needs a 'file' part", List.of(new FieldProblem("file", "is required")), null));
        }
        Part userPart = form.getFirst("userId");
        Mono<String> userId = userPart == null ? Mono.just("") : text(userPart);
        return userId.flatMap(user -> {
            if (user.length() > MAX_USER_ID) {
                return Mono.error(new ApiProblemException(HttpStatus.BAD_REQUEST, "validation_failed",
                        "userId is too long", List.of(new FieldProblem("userId", "size must be at most "
                                + MAX_USER_ID)), null));
            }
            String owner = com.talentpipeline.ingest.web.Callers.userId(user);
            // A new version's file replaces the previous one, which is put back if Kafka does not acknowledge.
            ResumeFileStore.Undo undo = files.undo(resumeId);
            return callers.client(exchange, owner).flatMap(client -> uploads.read(file)
                    .flatMap(bytes -> uploads.parse(bytes, ResumeUploads.declaredType(file)))
                    .map(upload -> upload.withFileName(ResumeUploads.fileName(file)))
                    .flatMap(upload -> accept(client, resumeId, upload.parsed().resume(),
                            files.describe(client.userId(), upload), upload.warnings(),
                            idempotencyKey,
                            traceparent, version -> (version > 1 ? undo.snapshot() : Mono.<Void>empty())
                                    .then(files.save(resumeId, client.tenantId(), version, client.userId(), upload)),
                            version -> undo.restore(version), false)));
        });
    }

    private Mono<ResponseEntity<TaskAccepted>> accept(SubmissionService.Client client, String resumeId,
            Resume resume, ResumeSubmitted.ResumeUpload upload, List<String> warnings, String idempotencyKey,
            String traceparent, IntFunction<Mono<Void>> extraWrites, IntFunction<Mono<Void>> undoWrites,
            boolean door) {
        String contentHash = ContentHash.of(resume);
        var submission = new Submission<>(
                TaskType.RESUME_EMBEDDING,
                Topics.RESUME_SUBMITTED,
                resumeId,
                "resumes",
                PipelineJson.mapper().writeValueAsString(resume),
                contentHash,
                null,
                // The owner travels with the event (as resumes.user_id stores it), so the results API lists a
                // user's predictions from its own projection of resume.submitted.
                version -> new ResumeSubmitted(resumeId, version, resume, upload, client.userId()),
                Responses.idempotencyKey(idempotencyKey),
                extraWrites,
                undoWrites);
        Mono<Submission<ResumeSubmitted>> answered = !door ? Mono.just(submission)
                : doorCache.lookup(client.tenantId(), contentHash).map(known -> known
                        .map(entry -> submission.finishedWith(DoorAnswers.finished(entry, resumeId, resume)))
                        .orElse(submission));
        return answered
                .flatMap(s -> submissions.submit(s, client, traceparent))
                .doOnNext(accepted -> {
                    if (accepted.finished() != null && !accepted.replayed()) {
                        // Erasing this resume must evict the entries it was answered from, as the workers'.
                        doorCache.remember(resumeId, client.tenantId(), contentHash).subscribe();
                    }
                })
                .map(accepted -> responses.accepted(accepted, (a, url) -> body(a, url, warnings)));
    }

    private TaskAccepted body(com.talentpipeline.core.task.intake.Accepted a, String taskUrl, List<String> warnings) {
        boolean finished = a.finished() != null && !a.replayed();
        return new TaskAccepted(a.taskId(), a.subjectId(), null, finished ? "SUCCEEDED" : "ACCEPTED", taskUrl,
                a.replayed() ? true : null, properties.resultsBaseUrl() + "/v1/predictions/" + a.taskId(),
                warnings.isEmpty() ? null : warnings, finished ? true : null,
                finished ? a.finished().resultLink() : null);
    }

    private Mono<Void> requireExisting(String tenant, String id) {
        return submissions.exists("resumes", tenant, id)
                .flatMap(found -> found ? Mono.<Void>empty() : Mono.error(ApiProblemException.notFound("Resume", id)));
    }

    private Mono<ResponseEntity<TaskAccepted>> announce(String tenant, ResponseEntity<TaskAccepted> response,
            String id, String source, String traceparent) {
        return updates.announce(tenant, response.getBody().taskId(), id, source, traceparent)
                .thenReturn(response);
    }

    /** A small form field as text (bounded: form fields are tiny, a huge one is refused by the codec). */
    private static Mono<String> text(Part part) {
        return DataBufferUtils.join(part.content(), 4 * 1024)
                .map(buffer -> {
                    String value = buffer.toString(StandardCharsets.UTF_8);
                    DataBufferUtils.release(buffer);
                    return value;
                })
                .defaultIfEmpty("")
                .onErrorMap(DataBufferLimitException.class,
                        e -> new ApiProblemException(HttpStatus.BAD_REQUEST, "validation_failed", "userId is too long",
                                List.of(new FieldProblem("userId", "size must be at most " + MAX_USER_ID)), null));
    }
}
