package com.talentpipeline.detection.web;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.hash.ContentHash;
import com.talentpipeline.core.image.ImageSubmitted;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.topic.ReactiveSends;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.trace.Traceparent;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.FieldProblem;
import com.talentpipeline.core.web.Uploads;
import com.talentpipeline.detection.config.DetectionProperties;
import com.talentpipeline.detection.detect.CocoExport;
import com.talentpipeline.detection.detect.DetectionService;
import com.talentpipeline.core.image.ImageDecoder;
import com.talentpipeline.detection.maskcut.Detection;
import com.talentpipeline.detection.maskcut.Overlay;
import com.talentpipeline.detection.maskcut.PixelMask;
import com.talentpipeline.detection.store.ImageStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.function.Tuples;
import tools.jackson.databind.JsonNode;

/**
 * The detection worker's image API (tenant-scoped): {@code POST /v1/images:detect} (synchronous),
 * {@code GET /v1/images/{id}/detections} (JSON, {@code ?format=coco}, {@code ?overlay=true}),
 * {@code POST /v1/images/compare} and {@code POST /v1/images/match-text}. Image uploads
 * ({@code POST /v1/images}) are accepted by the ingest API, which owns the {@code images} table.
 */
@RestController
public class ImageController implements DisposableBean {

    private final DetectionProperties properties;
    private final DetectionService detection;
    private final ImageDecoder decoder;
    private final ImageStore store;
    /** Detection is CPU-bound: a small pool off the event loop; a request past the timeout is refused, not queued forever. */
    private final ExecutorService pool = Executors.newFixedThreadPool(
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), r -> {
                Thread t = new Thread(r, "detection-sync");
                t.setDaemon(true);
                return t;
            });
    private final Scheduler scheduler = Schedulers.fromExecutorService(pool);

    public ImageController(DetectionProperties properties, DetectionService detection, ImageDecoder decoder,
            ImageStore store) {
        this.properties = properties;
        this.detection = detection;
        this.decoder = decoder;
        this.store = store;
    }

    private long maxSize() {
        return properties.upload().maxSize().toBytes();
    }

    /** Detects synchronously (nothing stored) for images up to {@code sync.max-pixels}; 503 past the timeout. */
    @PostMapping(path = "/v1/images:detect", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> detect(ServerWebExchange exchange) {
        return Uploads.form(exchange, maxSize())
                .flatMap(form -> Uploads.file(form, "file", maxSize()))
                .flatMap(upload -> {
                    ImageDecoder.Header header = decoder.inspect(upload.bytes());
                    long max = properties.sync().maxPixels();
                    if (header.pixels() > max) {
                        return Mono.error(new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "image_too_large_for_sync",
                                "The image has " + header.pixels() + " pixels; the synchronous endpoint takes at most " + max
                                        + ". Submit it to POST /v1/images instead.",
                                List.of(new FieldProblem("file", "at most " + max + " pixels")), null));
                    }
                    return Mono.fromCallable(() -> {
                        long t0 = System.nanoTime();
                        BufferedImage image = decoder.decode(upload.bytes(), header);
                        return detection.detect(image, (System.nanoTime() - t0) / 1e6).asDocument(null);
                    }).subscribeOn(scheduler);
                })
                .timeout(properties.sync().timeout(), Mono.error(() -> new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                        "detection_timeout", "Detection did not finish within " + properties.sync().timeout().toMillis()
                                + " ms; submit the image to POST /v1/images instead.", List.of(), Duration.ofSeconds(5))));
    }

    /** The detections: JSON, COCO ({@code format=coco}) or a PNG overlay ({@code overlay=true}); 409 until ready. */
    @GetMapping(path = "/v1/images/{id}/detections")
    public Mono<ResponseEntity<?>> detections(ServerWebExchange exchange, @PathVariable String id,
            @RequestParam(name = "format", required = false) String format,
            @RequestParam(name = "overlay", defaultValue = "false") boolean overlay) {
        String tenant = RequestTenant.of(exchange);
        UUID imageId = parseId(id);
        if (format != null && !format.equals("coco") && !format.equals("json")) {
            return Mono.error(new ApiProblemException(HttpStatus.BAD_REQUEST, "invalid_parameter",
                    "format must be json or coco", List.of(new FieldProblem("format", "must be json or coco")), null));
        }
        return store.find(tenant, imageId)
                .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Image", id)))
                .flatMap(row -> {
                    if (row.result() == null) {
                        boolean failed = TaskState.FAILED.name().equals(row.state());
                        return Mono.error(new ApiProblemException(HttpStatus.CONFLICT,
                                failed ? "detection_failed" : "not_ready",
                                failed ? "Detection failed on this image; see task " + row.taskId()
                                        : "Detection is still running; poll task " + row.taskId(), List.of(), null));
                    }
                    if (overlay) {
                        return store.bytes(tenant, imageId).publishOn(scheduler)
                                .map(bytes -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                                        .<Object>body(overlayPng(bytes, row.result())));
                    }
                    Object body = "coco".equals(format)
                            ? CocoExport.of(row.result(), row.fileName() == null || row.fileName().isBlank()
                                    ? row.id() + ".png" : row.fileName())
                            : row.result();
                    ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
                    if ("coco".equals(format)) {
                        ok.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + row.id() + "-coco.json\"");
                    }
                    return Mono.just(ok.<Object>body(body));
                });
    }

    private byte[] overlayPng(byte[] bytes, JsonNode result) {
        BufferedImage image = decoder.read(bytes);
        List<Detection> detections = new ArrayList<>();
        for (JsonNode d : result.path("detections")) {
            List<Long> counts = new ArrayList<>();
            d.path("segmentation").path("counts").forEach(c -> counts.add(c.asLong()));
            PixelMask mask = PixelMask.fromRle(image.getWidth(), image.getHeight(), counts);
            detections.add(new Detection(mask, mask.bbox(), mask.area(), d.path("score").asDouble(), 0));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(Overlay.draw(image, detections), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Similarity of two images: multipart parts {@code first} and {@code second}, or form fields
     * {@code firstId} and {@code secondId} naming stored images; the cosine of the backbone's global embeddings.
     */
    @PostMapping(path = "/v1/images/compare", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> compare(ServerWebExchange exchange) {
        String tenant = RequestTenant.of(exchange);
        return Uploads.form(exchange, maxSize()).flatMap(form -> Mono.zip(
                        image(tenant, form, "first"), image(tenant, form, "second"))
                .publishOn(scheduler)
                .map(pair -> {
                    long t0 = System.nanoTime();
                    BufferedImage a = decoder.read(pair.getT1());
                    BufferedImage b = decoder.read(pair.getT2());
                    double similarity = detection.similarity(a, b);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("similarity", Math.round(similarity * 10_000) / 10_000.0);
                    body.put("metric", "cosine of global embeddings");
                    body.put("backbone", detection.backbone().info().name());
                    body.put("processingMillis", Math.round((System.nanoTime() - t0) / 1e5) / 10.0);
                    return body;
                }));
    }

    private Mono<byte[]> image(String tenant, org.springframework.util.MultiValueMap<String,
            org.springframework.http.codec.multipart.Part> form, String name) {
        var idPart = form.getFirst(name + "Id");
        if (idPart instanceof org.springframework.http.codec.multipart.FormFieldPart field) {
            UUID id = parseId(field.value().strip());
            return store.bytes(tenant, id).switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Image", field.value())));
        }
        return Uploads.file(form, name, maxSize()).map(Uploads.Upload::bytes);
    }

    /** Text-to-image matching needs a CLIP model: 501 naming the setting while none is configured. */
    @PostMapping(path = "/v1/images/match-text")
    public Mono<Map<String, Object>> matchText() {
        if (!properties.clip().enabled()) {
            return Mono.error(new ApiProblemException(HttpStatus.NOT_IMPLEMENTED, "clip_not_configured",
                    "Text-to-image matching needs a CLIP model: set pipeline.detection.clip.model-url "
                            + "(env DETECTION_CLIP_MODEL_URL) to a CLIP export", List.of(), null));
        }
        return Mono.error(new ApiProblemException(HttpStatus.NOT_IMPLEMENTED, "clip_not_supported",
                "pipeline.detection.clip.model-url is set, but this build has no CLIP text/image encoder yet",
                List.of(), null));
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            // Not a UUID cannot be anybody's image: the same 404 as an unknown id.
            throw ApiProblemException.notFound("Image", id);
        }
    }

    private static String shorten(String name) {
        return name == null ? null : name.length() > 200 ? name.substring(0, 200) : name;
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
