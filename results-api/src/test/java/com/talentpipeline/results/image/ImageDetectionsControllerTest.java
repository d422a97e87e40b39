package com.talentpipeline.results.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.web.ProblemDetailsAdvice;
import com.talentpipeline.results.task.TaskStore;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/images/{id}/detections} from the image task's stored result (no database): JSON without the
 * overlay, COCO with the upload's file name, the overlay PNG apart, 409 before success and 404 for unknown ids.
 */
class ImageDetectionsControllerTest {

    final TaskStore tasks = mock(TaskStore.class);
    final String image = UUID.randomUUID().toString();
    final byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    final WebTestClient web;

    ImageDetectionsControllerTest() {
        WebFilter tenant = (exchange, chain) -> {
            exchange.getAttributes().put(RequestTenant.ATTRIBUTE, "tenant-a");
            return chain.filter(exchange);
        };
        web = WebTestClient.bindToController(new ImageDetectionsController(tasks))
                .controllerAdvice(new ProblemDetailsAdvice()).webFilter(tenant).build();
        when(tasks.latestTask(anyString(), anyString(), anyString())).thenReturn(Mono.empty());
    }

    ObjectNode result() {
        ObjectNode result = PipelineJson.mapper().createObjectNode();
        result.put("imageId", image).put("width", 480).put("height", 360).put("fileName", "scene.png");
        result.putObject("backbone").put("name", "builtin-color-texture-v1");
        ObjectNode detection = result.putArray("detections").addObject();
        detection.putArray("bbox").add(1).add(2).add(3).add(4);
        detection.put("area", 12).put("score", 0.9);
        result.put(ImageDetectionsController.OVERLAY, Base64.getEncoder().encodeToString(png));
        return result;
    }

    @Test
    void aSucceededTaskIsServedAsJsonCocoAndOverlay() {
        when(tasks.latestTask("tenant-a", image, "image.detection"))
                .thenReturn(Mono.just(new TaskStore.SubjectTask(UUID.randomUUID(), "SUCCEEDED", result())));
        String json = new String(web.get().uri("/v1/images/" + image + "/detections").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.width").isEqualTo(480)
                .jsonPath("$.detections[0].area").isEqualTo(12).returnResult().getResponseBody());
        assertThat(json).doesNotContain(ImageDetectionsController.OVERLAY);
        web.get().uri("/v1/images/" + image + "/detections?format=coco").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"" + image + "-coco.json\"")
                .expectBody().jsonPath("$.images[0].file_name").isEqualTo("scene.png")
                .jsonPath("$.annotations.length()").isEqualTo(1);
        byte[] overlay = web.get().uri("/v1/images/" + image + "/detections?overlay=true").exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(overlay).isEqualTo(png);
    }

    @Test
    void runningFailedUnknownAndBadRequestsAreProblems() {
        String running = UUID.randomUUID().toString();
        String failed = UUID.randomUUID().toString();
        when(tasks.latestTask("tenant-a", running, "image.detection"))
                .thenReturn(Mono.just(new TaskStore.SubjectTask(UUID.randomUUID(), "RUNNING", null)));
        when(tasks.latestTask("tenant-a", failed, "image.detection"))
                .thenReturn(Mono.just(new TaskStore.SubjectTask(UUID.randomUUID(), "FAILED", null)));
        web.get().uri("/v1/images/" + running + "/detections").exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("not_ready");
        web.get().uri("/v1/images/" + failed + "/detections").exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("detection_failed");
        web.get().uri("/v1/images/" + UUID.randomUUID() + "/detections").exchange().expectStatus().isNotFound();
        web.get().uri("/v1/images/not-a-uuid/detections").exchange().expectStatus().isNotFound();
        web.get().uri("/v1/images/" + image + "/detections?format=xml").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("invalid_parameter");
    }
}
