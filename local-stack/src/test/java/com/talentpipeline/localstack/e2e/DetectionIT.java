package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.localstack.pipeline.LocalPipeline;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue #6 end to end: a generated PNG with two known objects is uploaded at the front door (ingest API),
 * {@code image.submitted} (with the image) goes through real Kafka, the task SUCCEEDS on the results API with
 * the detections, which the results API serves from the task's result as JSON, as COCO and as the overlay PNG
 * the worker drew; {@code images:detect}, compare and match-text reach the worker through request-reply
 * ({@code image.requested}); bad uploads are refused.
 */
class DetectionIT {

    static LocalPipeline pipeline;
    static PipelineClient client;
    /** The circle's box in the generated image: {x, y, w, h}. */
    static final int[] CIRCLE = {60, 90, 160, 160};
    /** The rectangle's box. */
    static final int[] RECT = {300, 140, 130, 110};

    @BeforeAll
    static void start() {
        pipeline = SharedPipeline.get();
        client = new PipelineClient(pipeline);
    }

    static byte[] scene() throws Exception {
        BufferedImage image = new BufferedImage(480, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(200, 205, 190), 480, 360, new Color(150, 160, 170)));
        g.fillRect(0, 0, 480, 360);
        g.setColor(new Color(200, 30, 40));
        g.fillOval(CIRCLE[0], CIRCLE[1], CIRCLE[2], CIRCLE[3]);
        g.setColor(new Color(30, 60, 170));
        g.fillRect(RECT[0], RECT[1], RECT[2], RECT[3]);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static double boxIou(JsonNode bbox, int[] truth) {
        double x0 = Math.max(bbox.get(0).asInt(), truth[0]);
        double y0 = Math.max(bbox.get(1).asInt(), truth[1]);
        double x1 = Math.min(bbox.get(0).asInt() + bbox.get(2).asInt(), truth[0] + truth[2]);
        double y1 = Math.min(bbox.get(1).asInt() + bbox.get(3).asInt(), truth[1] + truth[3]);
        double inter = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
        double union = bbox.get(2).asDouble() * bbox.get(3).asDouble() + (double) truth[2] * truth[3] - inter;
        return inter / union;
    }

    static double bestIou(JsonNode detections, int[] truth) {
        double best = 0;
        for (JsonNode d : detections) {
            best = Math.max(best, boxIou(d.get("bbox"), truth));
        }
        return best;
    }

    @Test
    void anUploadedImageIsDetectedThroughKafkaAndServedAsJsonCocoAndOverlay() throws Exception {
        byte[] png = scene();
        HttpResponse<String> accepted = client.postFiles(client.ingest("/v1/images"),
                Map.of("file", Map.entry("scene.png", png)));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode body = PipelineClient.json(accepted);
        String imageId = body.get("image_id").asString();
        assertThat(body.get("content_type").asString()).isEqualTo("image/png");

        JsonNode task = client.awaitTerminal(body.get("task_id").asString(), Duration.ofSeconds(60));
        assertThat(task.get("state").asString()).as(task.toString()).isEqualTo("SUCCEEDED");
        assertThat(task.get("type").asString()).isEqualTo("image.detection");

        HttpResponse<String> detections = client.get(client.results("/v1/images/" + imageId + "/detections"));
        assertThat(detections.statusCode()).as(detections.body()).isEqualTo(200);
        JsonNode result = PipelineClient.json(detections);
        assertThat(result.get("backbone").get("name").asString()).isEqualTo("builtin-color-texture-v1");
        assertThat(result.get("width").asInt()).isEqualTo(480);
        JsonNode found = result.get("detections");
        System.out.printf("DetectionIT: %d detections, box IoU circle %.2f, rectangle %.2f, timings %s%n",
                found.size(), bestIou(found, CIRCLE), bestIou(found, RECT), result.get("timings"));
        assertThat(bestIou(found, CIRCLE)).isGreaterThanOrEqualTo(0.7);
        assertThat(bestIou(found, RECT)).isGreaterThanOrEqualTo(0.7);
        assertThat(found.get(0).get("segmentation").get("size").get(0).asInt()).isEqualTo(360);

        HttpResponse<String> coco = client.get(client.results("/v1/images/" + imageId + "/detections?format=coco"));
        assertThat(coco.statusCode()).isEqualTo(200);
        JsonNode cocoJson = PipelineClient.json(coco);
        assertThat(cocoJson.get("annotations").size()).isEqualTo(found.size());
        assertThat(cocoJson.get("images").get(0).get("file_name").asString()).isEqualTo("scene.png");

        HttpResponse<byte[]> overlay = client.getBytes(client.results("/v1/images/" + imageId + "/detections?overlay=true"));
        assertThat(overlay.statusCode()).isEqualTo(200);
        assertThat(overlay.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(overlay.body()));
        assertThat(drawn.getWidth()).isEqualTo(480);
        assertThat(drawn.getRGB(CIRCLE[0] + 80, CIRCLE[1] + 80)).isNotEqualTo(new Color(200, 30, 40).getRGB());

        // Readiness is public and shows its status only; which backbone ran is in the latency metric's tag.
        HttpResponse<String> ready = client.get(client.detection("/actuator/health/readiness"));
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(PipelineClient.json(ready).get("status").asString()).isEqualTo("UP");
        assertThat(ready.body()).doesNotContain("details", "components");
        assertThat(client.metric(pipeline.detectionWorkerPort(), "detection_latency_seconds_count",
                "backbone=\"builtin-color-texture-v1\"")).isGreaterThanOrEqualTo(1);
        assertThat(client.metric(pipeline.detectionWorkerPort(), "detection_solver_latency_seconds_count")).isGreaterThanOrEqualTo(1);

        HttpResponse<String> compare = client.postFiles(client.ingest("/v1/images/compare"),
                Map.of("first", Map.entry("a.png", png), "second", Map.entry("b.png", png)));
        assertThat(compare.statusCode()).as(compare.body()).isEqualTo(200);
        assertThat(PipelineClient.json(compare).get("similarity").asDouble()).isGreaterThan(0.999);
    }

    @Test
    void smallImagesAreDetectedSynchronously() throws Exception {
        HttpResponse<String> response = client.postFiles(client.ingest("/v1/images:detect"),
                Map.of("file", Map.entry("scene.png", scene())));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(bestIou(PipelineClient.json(response).get("detections"), CIRCLE)).isGreaterThanOrEqualTo(0.7);
    }

    @Test
    void unreadableEventsAndMissingImagesAreDeadLetteredAndTheirTaskFails() throws Exception {
        String missing = UUID.randomUUID().toString();
        UUID taskId = UUID.randomUUID();
        var envelope = com.talentpipeline.core.event.EventEnvelope.of(
                com.talentpipeline.core.topic.Topics.IMAGE_SUBMITTED_NAME, taskId, SharedPipeline.TENANT_A, missing, null, null,
                new com.talentpipeline.core.image.ImageSubmitted(missing, "image/png", 10, 10, 100, "lost.png", null));
        String garbageKey = "garbage-" + UUID.randomUUID();
        try (var producer = Topics4Tests.producer(pipeline)) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                    com.talentpipeline.core.topic.Topics.IMAGE_SUBMITTED_NAME, garbageKey,
                    "{not json".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                    com.talentpipeline.core.topic.Topics.IMAGE_SUBMITTED_NAME, missing,
                    com.talentpipeline.core.topic.Topics.IMAGE_SUBMITTED.encode(envelope))).get();
        }
        var dead = Topics4Tests.read(pipeline, com.talentpipeline.core.topic.Topics.IMAGE_SUBMITTED.deadLetterTopic(),
                r -> garbageKey.equals(r.key()) || missing.equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(dead).extracting(org.apache.kafka.clients.consumer.ConsumerRecord::key)
                .containsExactlyInAnyOrder(garbageKey, missing);
        JsonNode task = client.awaitTerminal(taskId.toString(), Duration.ofSeconds(30));
        assertThat(task.get("state").asString()).isEqualTo("FAILED");
        assertThat(task.toString()).contains("not found");
    }

    @Test
    void badUploadsAreRefusedWithProblems() {
        HttpResponse<String> text = client.postFiles(client.ingest("/v1/images"),
                Map.of("file", Map.entry("photo.png", "just some text, not a picture".getBytes(StandardCharsets.UTF_8))));
        assertThat(text.statusCode()).as(text.body()).isEqualTo(415);
        assertThat(text.headers().firstValue("Content-Type").orElse("")).contains("problem+json");

        byte[] big = new byte[11 * 1024 * 1024];
        big[0] = (byte) 0x89;
        HttpResponse<String> tooLarge = client.postFiles(client.ingest("/v1/images"), Map.of("file", Map.entry("big.png", big)));
        assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);

        HttpResponse<String> unknown = client.get(client.results("/v1/images/" + UUID.randomUUID() + "/detections"));
        assertThat(unknown.statusCode()).isEqualTo(404);

        HttpResponse<String> clip = client.post(client.ingest("/v1/images/match-text"), "{\"text\":\"a red ball\"}", Map.of());
        assertThat(clip.statusCode()).isEqualTo(501);
        assertThat(clip.body()).contains("pipeline.detection.clip.model-url");
    }
}
