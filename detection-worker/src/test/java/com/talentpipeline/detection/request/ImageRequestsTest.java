package com.talentpipeline.detection.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.image.ImageDecoder;
import com.talentpipeline.core.image.ImageRequested;
import com.talentpipeline.core.image.ImageSimilarity;
import com.talentpipeline.core.kafka.consume.ConsumeKit;
import com.talentpipeline.core.kafka.consume.DeadLetters;
import com.talentpipeline.core.kafka.reply.Reply;
import com.talentpipeline.core.kafka.reply.ReplyHeaders;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.detection.backbone.BuiltinBackbone;
import com.talentpipeline.detection.config.DetectionProperties;
import com.talentpipeline.detection.detect.DetectionService;
import com.talentpipeline.detection.maskcut.MaskCut;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The detection worker's side of {@code image.requested} with the real backbone and MaskCut (no broker): a
 * detect request is answered with the detections on the reply topic and completes its task on
 * {@code task.events}; compare, match-text and an undecodable image give the answers the endpoints promise.
 */
class ImageRequestsTest {

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
    private final List<ProducerRecord<String, byte[]>> sent = new CopyOnWriteArrayList<>();
    private final ImageRequests requests;

    @SuppressWarnings("unchecked")
    ImageRequestsTest() {
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(call -> {
            sent.add(call.getArgument(0));
            return CompletableFuture.completedFuture(null);
        });
        requests = new ImageRequests(DetectionProperties.defaults(),
                new DetectionService(BuiltinBackbone.defaults(), new MaskCut(MaskCut.Settings.defaults()), true,
                        new SimpleMeterRegistry()),
                new ImageDecoder(40_000_000L),
                new com.talentpipeline.core.kafka.reply.Responders(kafka, mock(DeadLetters.class)));
    }


    static byte[] scene() throws Exception {
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(235, 235, 225));
        g.fillRect(0, 0, 160, 120);
        g.setColor(new Color(200, 30, 40));
        g.fillOval(20, 20, 50, 50);
        g.setColor(new Color(30, 60, 170));
        g.fillRect(100, 50, 40, 50);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static EventEnvelope<ImageRequested> request(ImageRequested payload) {
        return EventEnvelope.of(Topics.IMAGE_REQUESTED_NAME, UUID.randomUUID(), "tenant-a", "s-1", null, null, payload);
    }

    @Test
    void aDetectRequestIsAnsweredOnTheReplyTopicAndCompletesItsTask() throws Exception {
        EventEnvelope<ImageRequested> request = request(ImageRequested.detect(scene()));
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.IMAGE_REQUESTED_NAME, 0, 0, "s-1",
                Topics.IMAGE_REQUESTED.encode(request));
        ReplyHeaders.attach(record.headers(), Topics.REQUEST_REPLIES_NAME, request.taskId());

        requests.onRequests(List.of(record));

        assertThat(sent).extracting(ProducerRecord::topic)
                .containsExactlyInAnyOrder(Topics.REQUEST_REPLIES_NAME, Topics.TASK_EVENTS_NAME);
        Reply reply = sent.stream().filter(r -> r.topic().equals(Topics.REQUEST_REPLIES_NAME))
                .map(r -> Topics.REQUEST_REPLIES.decode(r.value()).payload()).findFirst().orElseThrow();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.correlationId()).isEqualTo(request.taskId());
        assertThat(reply.body().path("width").asInt()).isEqualTo(160);
        assertThat(reply.body().path("detections").size()).isGreaterThanOrEqualTo(1);
        // The wire shape of the typed answer (core.image.ImageDetections) is the one the endpoint always had:
        // these keys in this order, imageId written as null, no fileName for a synchronous detection.
        assertThat(reply.body().propertyNames()).containsExactly("imageId", "width", "height", "backbone", "method",
                "detections", "timings");
        assertThat(reply.body().get("imageId").isNull()).isTrue();
        assertThat(reply.body().path("method").propertyNames()).containsExactly("name", "tau", "maxObjects", "grid");
        assertThat(reply.body().path("detections").get(0).propertyNames())
                .containsExactly("bbox", "area", "score", "segmentation");
        assertThat(reply.body().path("detections").get(0).path("segmentation").path("size").get(0).asInt())
                .isEqualTo(reply.body().path("height").asInt());
        assertThat(reply.body().path("timings").propertyNames()).containsExactly("decodeMillis", "featuresMillis",
                "solverMillis", "solverIterations", "totalMillis");
        TaskEvent event = sent.stream().filter(r -> r.topic().equals(Topics.TASK_EVENTS_NAME))
                .map(r -> Topics.TASK_EVENTS.decode(r.value()).payload()).findFirst().orElseThrow();
        assertThat(event.type()).isEqualTo(TaskType.IMAGE_REQUEST);
        assertThat(event.state()).isEqualTo(TaskState.SUCCEEDED);
    }

    @Test
    void compareOfAnImageWithItselfIsOneAndMatchTextIsA501NamingTheSetting() throws Exception {
        byte[] png = scene();
        var answer = requests.handle(request(ImageRequested.compare(png, png)));
        assertThat(((ImageSimilarity) answer.result()).similarity()).isGreaterThan(0.999);
        assertThatThrownBy(() -> requests.handle(request(ImageRequested.matchText("a red ball"))))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(501);
                    assertThat(e.code()).isEqualTo("clip_not_configured");
                    assertThat(e.getMessage()).contains("pipeline.detection.clip.model-url");
                });
    }

    @Test
    void anUndecodableOrMissingImageIsARefusalNotAFailure() {
        assertThatThrownBy(() -> requests.handle(request(ImageRequested.detect("not an image".getBytes()))))
                .isInstanceOfSatisfying(ApiProblemException.class,
                        e -> assertThat(e.status().is4xxClientError()).isTrue());
        assertThatThrownBy(() -> requests.handle(request(new ImageRequested(ImageRequested.Operation.COMPARE,
                new byte[0], null, null))))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> assertThat(e.code()).isEqualTo("validation_failed"));
    }
}
