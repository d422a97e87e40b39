package com.talentpipeline.detection.task;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.image.ImageDecoder;
import com.talentpipeline.core.image.ImageDetections;
import com.talentpipeline.core.image.ImageSubmitted;
import com.talentpipeline.core.kafka.consume.ConsumeKit;
import com.talentpipeline.core.kafka.consume.DeadLetters;
import com.talentpipeline.core.kafka.consume.Received;
import com.talentpipeline.core.kafka.consume.TaskFailure;
import com.talentpipeline.core.kafka.consume.TypedListener;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.detection.config.DetectionProperties;
import com.talentpipeline.detection.detect.DetectionReport;
import com.talentpipeline.detection.detect.DetectionService;
import com.talentpipeline.detection.detect.OverlayPreview;
import com.talentpipeline.detection.store.DetectionStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code image.submitted} (group {@code detection-worker}): RUNNING, detection, the detections
 * row (upsert by image id), then SUCCEEDED with the result document, so a redelivered event repeats an
 * idempotent computation under the same task id. An unreadable event (the consume kit), an image missing
 * from the event or that cannot be decoded, or a detection that throws goes to {@code image.submitted.DLT} and its task
 * to FAILED; a database that is down is thrown to the error handler, which retries with backoff.
 */
@Component
class ImageSubmittedListener {

    private static final Logger log = LoggerFactory.getLogger(ImageSubmittedListener.class);
    private static final Duration DB = Duration.ofSeconds(30);

    private final DetectionStore store;
    private final DetectionProperties.Overlay overlay;
    private final DetectionService detection;
    private final ImageDecoder decoder;
    private final DetectionTasks tasks;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;
    private final TypedListener<ImageSubmitted> listener;

    public ImageSubmittedListener(DetectionStore store, DetectionService detection, ImageDecoder decoder,
            DetectionTasks tasks, ConsumeKit kit, MeterRegistry meters, DetectionProperties properties) {
        this.store = store;
        this.overlay = properties.overlay();
        this.detection = detection;
        this.decoder = decoder;
        this.tasks = tasks;
        this.deadLetters = kit.deadLetters();
        this.meters = meters;
        // An image id that is no UUID could never be looked up: a bad record, not a failure to retry.
        this.listener = kit.listener(Topics.IMAGE_SUBMITTED).failingTasksAs(TaskType.IMAGE_DETECTION)
                .requiring(envelope -> UUID.fromString(envelope.payload().imageId()))
                .handler(batch -> {
                    for (Received<ImageSubmitted> received : batch) {
                        detect(received.record(), received.envelope());
                    }
                });
    }

    @KafkaListener(id = "detection-images", topics = Topics.IMAGE_SUBMITTED_NAME, groupId = "detection-worker",
            batch = "false")
    public void onImage(ConsumerRecord<String, byte[]> record) throws Exception {
        listener.onRecord(record);
    }

    private void detect(ConsumerRecord<String, byte[]> record, EventEnvelope<ImageSubmitted> envelope) {
        ImageSubmitted image = envelope.payload();
        UUID taskId = envelope.taskId();
        String tenant = envelope.tenantId();
        String imageId = image.imageId();
        String trace = envelope.traceparent();
        tasks.running(taskId, tenant, imageId, trace);
        // The bytes travel in the event (the ingest API's images table is not read here).
        byte[] bytes = image.bytes();
        if (bytes == null || bytes.length == 0) {
            failForGood(record, envelope, new IllegalStateException("image " + imageId + " not found in the event"),
                    "missing", ErrorCode.INTERNAL_ERROR, "the image was not found in the event");
            return;
        }
        DetectionReport report;
        java.awt.image.BufferedImage decoded;
        try {
            long t0 = System.nanoTime();
            decoded = decoder.read(bytes);
            report = detection.detect(decoded, (System.nanoTime() - t0) / 1e6);
        } catch (ApiProblemException e) {
            failForGood(record, envelope, e, "undecodable", ErrorCode.INTERNAL_ERROR, e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.warn("detection failed on image {}: {}", imageId, e.toString());
            failForGood(record, envelope, e, "model", ErrorCode.MODEL_FAILED,
                    "object discovery failed: " + e.getClass().getSimpleName());
            return;
        }
        // The file name names the image in the COCO export the results API builds from the task's result.
        ImageDetections document = report.asDocument(imageId).withFileName(
                image.fileName() == null || image.fileName().isBlank() ? imageId + ".png" : image.fileName());
        store.saveDetections(tenant, UUID.fromString(imageId), report.backbone().name(),
                report.result().detections().size(), document).block(DB);
        String png = OverlayPreview.base64Png(decoded, report.result().detections(), overlay.maxSide(),
                (int) overlay.maxSize().toBytes());
        tasks.succeeded(taskId, tenant, imageId, trace, report.backbone().name(), document, png);
        log.info("image {} ({}x{}): {} objects in {} ms", imageId, image.width(), image.height(),
                report.result().detections().size(), Math.round(report.totalMillis()));
    }

    /** The image failed for good: dead letter and FAILED task (the consume kit's writer), counted by reason. */
    private void failForGood(ConsumerRecord<String, byte[]> record, EventEnvelope<ImageSubmitted> envelope,
            Exception cause, String reason, ErrorCode code, String message) {
        DeadLetters.await(deadLetters.failForGood(record, cause, TaskFailure.of(envelope, envelope.taskId(),
                envelope.payload().imageId(), TaskType.IMAGE_DETECTION, code, message)));
        Counter.builder("pipeline.consumer.errors").description("Records a consumer could not process")
                .tag("topic", record.topic()).tag("reason", reason).register(meters).increment();
    }
}
