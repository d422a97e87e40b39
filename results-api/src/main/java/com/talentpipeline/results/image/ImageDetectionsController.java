package com.talentpipeline.results.image;

import com.talentpipeline.core.image.ImageDetections;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.FieldProblem;
import com.talentpipeline.results.task.TaskStore;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/images/{id}/detections}: the detections as JSON, as a COCO file ({@code ?format=coco}) or
 * as the overlay PNG the worker drew ({@code ?overlay=true}); {@code 409 not_ready} (or
 * {@code detection_failed}) until the task succeeded, 404 for an image the tenant did not upload.
 */
@RestController
class ImageDetectionsController {

    /** The overlay PNG (base64) the worker publishes with the result; served apart, never in the JSON. */
    static final String OVERLAY = "overlayPng";

    private final TaskStore tasks;

    ImageDetectionsController(TaskStore tasks) {
        this.tasks = tasks;
    }

    @ApiResponse(responseCode = "200",
            description = "The detections; with format=coco a COCO file instead, with overlay=true the image/png overlay",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ImageDetections.class)),
                @Content(mediaType = MediaType.IMAGE_PNG_VALUE, schema = @Schema(type = "string", format = "binary"))})
    @GetMapping(path = "/v1/images/{id}/detections")
    Mono<ResponseEntity<Object>> detections(ServerWebExchange exchange, @PathVariable String id,
            @RequestParam(name = "format", required = false) String format,
            @RequestParam(name = "overlay", defaultValue = "false") boolean overlay) {
        String tenant = RequestTenant.of(exchange);
        if (format != null && !format.equals("coco") && !format.equals("json")) {
            return Mono.error(new ApiProblemException(HttpStatus.BAD_REQUEST, "invalid_parameter",
                    "format must be json or coco", List.of(new FieldProblem("format", "must be json or coco")), null));
        }
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            // Not a UUID cannot be anybody's image: the same 404 as an unknown id.
            return Mono.error(ApiProblemException.notFound("Image", id));
        }
        // The task's subject is the image id: the worker published the result on task.events.
        return tasks.latestTask(tenant, id, TaskType.IMAGE_DETECTION.wireName())
                .switchIfEmpty(Mono.error(() -> ApiProblemException.notFound("Image", id)))
                .map(found -> {
                    if (found.result() == null || !TaskState.SUCCEEDED.name().equals(found.state())) {
                        boolean failed = TaskState.FAILED.name().equals(found.state());
                        throw new ApiProblemException(HttpStatus.CONFLICT, failed ? "detection_failed" : "not_ready",
                                failed ? "Detection failed on this image; see task " + found.taskId()
                                        : "Detection is still running; poll task " + found.taskId(), List.of(), null);
                    }
                    return overlay ? overlay(found.result(), id) : document(found.result(), id, "coco".equals(format));
                });
    }

    private static ResponseEntity<Object> overlay(JsonNode result, String id) {
        JsonNode png = result.path(OVERLAY);
        if (!png.isString()) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "overlay_unavailable",
                    "No overlay was published for image " + id + " (larger than the worker's "
                            + "pipeline.detection.overlay.max-size); draw the JSON's masks instead", List.of(), null);
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .body(Base64.getDecoder().decode(png.asString()));
    }

    private static ResponseEntity<Object> document(JsonNode result, String id, boolean coco) {
        ObjectNode json = ((ObjectNode) result.deepCopy());
        json.remove(OVERLAY);
        if (!coco) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
        }
        String fileName = json.path("fileName").asString("");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + "-coco.json\"")
                .body(CocoExport.of(json, fileName.isBlank() ? id + ".png" : fileName));
    }
}
