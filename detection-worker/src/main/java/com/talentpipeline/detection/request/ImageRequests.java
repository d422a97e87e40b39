package com.talentpipeline.detection.request;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.image.ImageDecoder;
import com.talentpipeline.core.image.ImageRequested;
import com.talentpipeline.core.image.ImageSimilarity;
import com.talentpipeline.core.kafka.reply.RequestHandler;
import com.talentpipeline.core.kafka.reply.Responder;
import com.talentpipeline.core.kafka.reply.Responders;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.FieldProblem;
import com.talentpipeline.detection.config.DetectionProperties;
import com.talentpipeline.detection.detect.DetectionReport;
import com.talentpipeline.detection.detect.DetectionService;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Answers {@code image.requested} (asked at the ingest API's {@code POST /v1/images:detect},
 * {@code /v1/images/compare} and {@code /v1/images/match-text}): detections of one image (nothing stored),
 * the similarity of two, or a 501 refusal while no CLIP model is configured. An image that cannot be decoded
 * is the decoder's 422 refusal. The reply and the {@code image.request} task event are published by the
 * {@link Responder}; requests of one poll run in parallel on a small pool (detection is CPU-bound).
 */
@Component
class ImageRequests implements RequestHandler<ImageRequested> {

    private final DetectionProperties properties;
    private final DetectionService detection;
    private final ImageDecoder decoder;
    private final Responder<ImageRequested> responder;

    ImageRequests(DetectionProperties properties, DetectionService detection, ImageDecoder decoder,
            Responders responders) {
        this.properties = properties;
        this.detection = detection;
        this.decoder = decoder;
        this.responder = responders.of(Topics.IMAGE_REQUESTED, TaskType.IMAGE_REQUEST, this, "image-request",
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    @KafkaListener(id = "detection-requests", idIsGroup = false, topics = Topics.IMAGE_REQUESTED_NAME,
            batch = "true")
    void onRequests(List<ConsumerRecord<String, byte[]>> records) {
        responder.onBatch(records);
    }

    @Override
    public Answer handle(EventEnvelope<ImageRequested> request) {
        ImageRequested q = request.payload();
        if (q.operation() == null) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "malformed_request", "The request names no operation");
        }
        return switch (q.operation()) {
            case DETECT -> detect(q);
            case COMPARE -> compare(q);
            case MATCH_TEXT -> throw matchText();
        };
    }

    private Answer detect(ImageRequested q) {
        long t0 = System.nanoTime();
        BufferedImage image = decoder.read(required(q.first(), "file"));
        DetectionReport report = detection.detect(image, (System.nanoTime() - t0) / 1e6);
        return Answer.of(report.asDocument(null), model());
    }

    private Answer compare(ImageRequested q) {
        long t0 = System.nanoTime();
        BufferedImage a = decoder.read(required(q.first(), "first"));
        BufferedImage b = decoder.read(required(q.second(), "second"));
        double similarity = detection.similarity(a, b);
        return Answer.of(new ImageSimilarity(Math.round(similarity * 10_000) / 10_000.0, "cosine of global embeddings",
                detection.backbone().info().name(), Math.round((System.nanoTime() - t0) / 1e5) / 10.0), model());
    }

    /** Text-to-image matching needs a CLIP model: 501 naming the setting while none is configured. */
    ApiProblemException matchText() {
        if (!properties.clip().enabled()) {
            return new ApiProblemException(HttpStatus.NOT_IMPLEMENTED, "clip_not_configured",
                    "Text-to-image matching needs a CLIP model: set pipeline.detection.clip.model-url "
                            + "(env DETECTION_CLIP_MODEL_URL) to a CLIP export", List.of(), null);
        }
        return new ApiProblemException(HttpStatus.NOT_IMPLEMENTED, "clip_not_supported",
                "pipeline.detection.clip.model-url is set, but this build has no CLIP text/image encoder yet",
                List.of(), null);
    }

    private static byte[] required(byte[] image, String field) {
        if (image == null || image.length == 0) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "validation_failed", "The request lacks an image",
                    List.of(new FieldProblem(field, "must be an image")), null);
        }
        return image;
    }

    private ModelRef model() {
        return new ModelRef(detection.backbone().info().name(), "maskcut", 0);
    }

}
