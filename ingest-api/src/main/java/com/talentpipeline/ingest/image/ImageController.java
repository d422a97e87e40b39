package com.talentpipeline.ingest.image;

import com.talentpipeline.core.hash.ContentHash;
import com.talentpipeline.core.image.ImageDecoder;
import com.talentpipeline.core.image.ImageSubmitted;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.task.intake.IntakeRequest;
import com.talentpipeline.core.task.intake.TaskAccepted;
import com.talentpipeline.core.task.intake.TaskIntake;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.Uploads;
import com.talentpipeline.ingest.config.IngestProperties;
import com.talentpipeline.ingest.web.Callers;
import com.talentpipeline.ingest.web.Responses;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /v1/images} (multipart part {@code file}: PNG, JPEG or WebP): the type from the magic bytes, the
 * dimensions from the header, the whole image decoded once (a damaged image is 422 now, not a FAILED task
 * later); then the image row and its task in the intake kit's one statement, {@code image.submitted} (key =
 * image id) and 202 once Kafka acknowledged it. The detections are read at
 * {@code GET /v1/images/{id}/detections}.
 */
@RestController
class ImageController {

    private final TaskIntake intake;
    private final DatabaseClient db;
    private final Callers callers;
    private final Responses responses;
    private final ImageDecoder decoder;
    private final long maxSize;

    public ImageController(TaskIntake intake, DatabaseClient db, Callers callers, Responses responses,
            IngestProperties properties) {
        this.intake = intake;
        this.db = db;
        this.callers = callers;
        this.responses = responses;
        this.decoder = new ImageDecoder(properties.maxImagePixels());
        this.maxSize = properties.maxFileSize().toBytes();
    }

    @PostMapping(path = "/v1/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<TaskAccepted>> submit(ServerWebExchange exchange,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "traceparent", required = false) String traceparent) {
        String key = Responses.idempotencyKey(idempotencyKey);
        return Uploads.form(exchange, maxSize)
                .flatMap(form -> Uploads.file(form, "file", maxSize))
                // Decoding is CPU work: off the event loop.
                .flatMap(upload -> Mono.fromCallable(() -> {
                    ImageDecoder.Header header = decoder.inspect(upload.bytes());
                    decoder.verify(upload.bytes(), header);
                    return new ImageRows.Image(UUID.randomUUID(), header.type().mediaType(),
                            shorten(upload.fileName()), header.width(), header.height(), upload.bytes());
                }).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(image -> callers.client(exchange, null).flatMap(client -> {
                    String imageId = image.id().toString();
                    var accept = new IntakeRequest<>(TaskType.IMAGE_DETECTION, Topics.IMAGE_SUBMITTED, imageId,
                            ContentHash.sha256Hex(image.bytes()),
                            // The bytes travel in the event: the detection worker reads no table of this module.
                            version -> new ImageSubmitted(imageId, image.contentType(), image.width(), image.height(),
                                    image.bytes().length, image.fileName(), image.bytes()),
                            key, client.callbackUrl(), new ImageRows(db, image), null);
                    return intake.submit(accept, client.tenantId(), traceparent)
                            .map(accepted -> responses.accepted(accepted, (a, url) -> TaskAccepted.of(a, url)
                                    // A replay answers with the first upload's image id (its task's subject).
                                    .forImage(a.subjectId(), image.contentType(), image.width(), image.height(),
                                            "/v1/images/" + a.subjectId() + "/detections")));
                }));
    }

    private static String shorten(String name) {
        return name == null ? null : name.length() > 200 ? name.substring(0, 200) : name;
    }
}
