package com.talentpipeline.ingest.ask;

import com.talentpipeline.core.image.ImageDecoder;
import com.talentpipeline.core.image.ImageDetections;
import com.talentpipeline.core.image.ImageRequested;
import com.talentpipeline.core.image.ImageSimilarity;
import com.talentpipeline.core.kafka.reply.RequestAccepted;
import com.talentpipeline.core.kafka.reply.RequestReply;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.FieldProblem;
import com.talentpipeline.core.web.Uploads;
import com.talentpipeline.ingest.config.IngestProperties;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The image questions a client waits for, answered by the detection worker through {@code image.requested}
 * (request-reply): {@code 200} with its answer within {@code pipeline.ingest.ask.image.timeout}, else
 * {@code 202} with an {@code image.request} task the answer completes. The images travel in the request;
 * their type and header are checked here (415/422 before anything is sent), the decoding and the model run
 * in the worker, whose refusals (422 {@code invalid_image}, 501 {@code clip_not_configured}) come back as the
 * same problem.
 */
@RestController
class ImageRequestController {

    private final RequestReply requests;
    private final Documents documents;
    private final AskProperties.Image settings;
    private final ImageDecoder decoder;
    private final long maxSize;

    ImageRequestController(RequestReply requests, Documents documents, AskProperties ask, IngestProperties ingest) {
        this.requests = requests;
        this.documents = documents;
        this.settings = ask.image();
        this.decoder = new ImageDecoder(ingest.maxImagePixels());
        this.maxSize = ingest.maxFileSize().toBytes();
    }

    /** Object discovery on one small image (up to {@code max-detect-pixels}), nothing stored. */
    @ApiResponse(responseCode = "200", description = "The objects in the image (nothing stored: no image_id)",
            content = @Content(schema = @Schema(implementation = ImageDetections.class)))
    @ApiResponse(responseCode = "202", description = "Not answered within the timeout: the image.request task",
            content = @Content(schema = @Schema(implementation = RequestAccepted.class)))
    @PostMapping(path = "/v1/images:detect", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> detect(ServerWebExchange exchange,
            @RequestHeader(name = "traceparent", required = false) String traceparent) {
        String tenant = RequestTenant.of(exchange);
        return Uploads.form(exchange, maxSize)
                .flatMap(form -> Uploads.file(form, "file", maxSize))
                .flatMap(upload -> Mono.fromCallable(() -> {
                    ImageDecoder.Header header = decoder.inspect(upload.bytes());
                    long max = settings.maxDetectPixels();
                    if (header.pixels() > max) {
                        throw new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "image_too_large_for_sync",
                                "The image has " + header.pixels() + " pixels; the synchronous endpoint takes at most "
                                        + max + ". Submit it to POST /v1/images instead.",
                                List.of(new FieldProblem("file", "at most " + max + " pixels")), null);
                    }
                    return upload.bytes();
                }).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(bytes -> ask(tenant, traceparent, ImageRequested.detect(bytes)));
    }

    /**
     * Similarity of two images: multipart parts {@code first} and {@code second}, or form fields
     * {@code firstId} and {@code secondId} naming the caller's uploaded images.
     */
    @ApiResponse(responseCode = "200", description = "The similarity of the two images",
            content = @Content(schema = @Schema(implementation = ImageSimilarity.class)))
    @ApiResponse(responseCode = "202", description = "Not answered within the timeout: the image.request task",
            content = @Content(schema = @Schema(implementation = RequestAccepted.class)))
    @PostMapping(path = "/v1/images/compare", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> compare(ServerWebExchange exchange,
            @RequestHeader(name = "traceparent", required = false) String traceparent) {
        String tenant = RequestTenant.of(exchange);
        return Uploads.form(exchange, 2 * maxSize)
                .flatMap(form -> Mono.zip(image(tenant, form, "first"), image(tenant, form, "second")))
                .flatMap(pair -> ask(tenant, traceparent, ImageRequested.compare(pair.getT1(), pair.getT2())));
    }

    /** Text-to-image matching; the worker answers 501 while it has no CLIP model. */
    @ApiResponse(responseCode = "501", description = "No CLIP model: clip_not_configured (or clip_not_supported)",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "202", description = "Not answered within the timeout: the image.request task",
            content = @Content(schema = @Schema(implementation = RequestAccepted.class)))
    @PostMapping(path = "/v1/images/match-text", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> matchText(ServerWebExchange exchange,
            @RequestBody(required = false) MatchText body,
            @RequestHeader(name = "traceparent", required = false) String traceparent) {
        String tenant = RequestTenant.of(exchange);
        String text = body == null || body.text() == null ? "" : body.text().strip();
        if (text.length() > 1000) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "validation_failed", "The text is too long",
                    List.of(new FieldProblem("text", "must be at most 1000 characters")), null);
        }
        return ask(tenant, traceparent, ImageRequested.matchText(text));
    }

    /**
     * The body of {@code match-text}.
     *
     * @param text what to look for in the caller's images
     */
    record MatchText(String text) {
    }

    private Mono<ResponseEntity<Object>> ask(String tenant, String traceparent, ImageRequested request) {
        // The request has no subject of its own: its key (and its task's subject) is a fresh id.
        String subject = UUID.randomUUID().toString();
        return requests.ask(new RequestReply.Request<>(Topics.IMAGE_REQUESTED, TaskType.IMAGE_REQUEST, tenant,
                subject, traceparent, request), settings.timeout());
    }

    private Mono<byte[]> image(String tenant, MultiValueMap<String, Part> form, String name) {
        if (form.getFirst(name + "Id") instanceof FormFieldPart field) {
            return documents.image(tenant, field.value().strip());
        }
        return Uploads.file(form, name, maxSize)
                .map(upload -> {
                    decoder.inspect(upload.bytes());
                    return upload.bytes();
                });
    }
}
