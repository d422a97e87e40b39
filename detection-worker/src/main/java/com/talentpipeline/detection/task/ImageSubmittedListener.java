package com.talentpipeline.detection.task;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.image.ImageSubmitted;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.detection.detect.DetectionReport;
import com.talentpipeline.detection.detect.DetectionService;
import com.talentpipeline.core.image.ImageDecoder;
import com.talentpipeline.detection.store.ImageStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code image.submitted} (group {@code detection-worker}): RUNNING, detection, the detections
 * row (upsert by image id), then SUCCEEDED with the result document, so a redelivered event repeats an
 * idempotent computation under the same task id. An unreadable event, an image that cannot be found or
 * decoded, or a detection that throws goes to {@code image.submitted.DLT} and its task to FAILED; a
 * database that is down is thrown to the error handler, which retries with backoff.
 */
@Component
public class ImageSubmittedListener {

    private static final Logger log = LoggerFactory.getLogger(ImageSubmittedListener.class);
    private static final Duration DB = Duration.ofSeconds(30);

    private final ImageStore store;
    private final DetectionService detection;
    private final ImageDecoder decoder;
    private final DetectionTasks tasks;
    private final KafkaTemplate<String, byte[]> kafka;
    private final MeterRegistry meters;

    public ImageSubmittedListener(ImageStore store, DetectionService detection, ImageDecoder decoder,
            DetectionTasks tasks, KafkaTemplate<String, byte[]> kafka, MeterRegistry meters) {
        this.store = store;
        this.detection = detection;
        this.decoder = decoder;
        this.tasks = tasks;
        this.kafka = kafka;
        this.meters = meters;
    }

    @KafkaListener(id = "detection-images", topics = Topics.IMAGE_SUBMITTED_NAME, groupId = "detection-worker",
            batch = "false")
    public void onImage(ConsumerRecord<String, byte[]> record) throws Exception {
        EventEnvelope<ImageSubmitted> envelope;
        try {
            envelope = Topics.IMAGE_SUBMITTED.decode(record.value());
        } catch (RuntimeException e) {
            deadLetter(record, e, "malformed");
            return;
        }
        ImageSubmitted image = envelope.payload();
        UUID taskId = envelope.taskId();
        String tenant = envelope.tenantId();
        String imageId = image.imageId();
        String trace = envelope.traceparent();
        tasks.running(taskId, tenant, imageId, trace);
        byte[] bytes = store.bytes(tenant, UUID.fromString(imageId)).block(DB);
        if (bytes == null) {
            tasks.failed(taskId, tenant, imageId, trace, ErrorCode.INTERNAL_ERROR, "the image was not found");
            deadLetter(record, new IllegalStateException("image " + imageId + " not found"), "missing");
            return;
        }
        DetectionReport report;
        try {
            long t0 = System.nanoTime();
            var decoded = decoder.read(bytes);
            report = detection.detect(decoded, (System.nanoTime() - t0) / 1e6);
        } catch (ApiProblemException e) {
            tasks.failed(taskId, tenant, imageId, trace, ErrorCode.INTERNAL_ERROR, e.getMessage());
            deadLetter(record, e, "undecodable");
            return;
        } catch (RuntimeException e) {
            log.warn("detection failed on image {}: {}", imageId, e.toString());
            tasks.failed(taskId, tenant, imageId, trace, ErrorCode.MODEL_FAILED,
                    "object discovery failed: " + e.getClass().getSimpleName());
            deadLetter(record, e, "model");
            return;
        }
        Map<String, Object> document = report.asDocument(imageId);
        store.saveDetections(tenant, UUID.fromString(imageId), report.backbone().name(),
                report.result().detections().size(), document).block(DB);
        tasks.succeeded(taskId, tenant, imageId, trace, report.backbone().name(), document);
        log.info("image {} ({}x{}): {} objects in {} ms", imageId, image.width(), image.height(),
                report.result().detections().size(), Math.round(report.totalMillis()));
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Exception e, String reason) throws Exception {
        log.warn("image event {}-{}@{} dead-lettered: {}", record.topic(), record.partition(), record.offset(),
                e.getMessage());
        var out = new ProducerRecord<>(Topics.IMAGE_SUBMITTED.deadLetterTopic(), record.partition(), record.key(),
                record.value());
        out.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
        out.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE,
                String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
        out.headers().add(KafkaHeaders.DLT_ORIGINAL_OFFSET,
                Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        kafka.send(out).get(30, TimeUnit.SECONDS);
        Counter.builder("pipeline.dlt.messages").tag("topic", record.topic()).register(meters).increment();
        Counter.builder("pipeline.consumer.errors").tag("topic", record.topic()).tag("reason", reason)
                .register(meters).increment();
    }
}
