package com.talentpipeline.ingest.ask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.image.ImageRequested;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.kafka.reply.PendingReplies;
import com.talentpipeline.core.kafka.reply.Reply;
import com.talentpipeline.core.kafka.reply.ReplyHeaders;
import com.talentpipeline.core.kafka.reply.RequestReply;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.ProblemDetailsAdvice;
import com.talentpipeline.ingest.config.IngestProperties;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The image requests of the front door (no server, no broker): the images travel in {@code image.requested}
 * with the reply headers, the worker's reply is the answer (200 or its problem), and what the front door
 * can refuse itself (too many pixels for the synchronous path, an unknown stored image) is refused before
 * anything is published.
 */
class ImageRequestControllerTest {

    final Documents documents = mock(Documents.class);
    final List<ProducerRecord<String, byte[]>> sent = new CopyOnWriteArrayList<>();
    final PendingReplies pending = new PendingReplies();

    /** The simulated worker: answers each request as soon as it is sent. */
    WebTestClient web(Function<EventEnvelope<ImageRequested>, Reply> worker) {
        RequestReply requests = new RequestReply(record -> Mono.fromRunnable(() -> {
            sent.add(record);
            pending.complete(worker.apply(Topics.IMAGE_REQUESTED.decode(record.value())));
        }).thenReturn(true), pending, (taskId, type, tenant, subject) -> Mono.empty(), Topics.REQUEST_REPLIES_NAME,
                "http://results:8081", Duration.ofSeconds(5));
        AskProperties ask = new AskProperties(Duration.ofSeconds(1), new AskProperties.Rag(Duration.ofSeconds(1), 1000),
                new AskProperties.Career(Duration.ofSeconds(1), 20000, 100, 20),
                new AskProperties.Matching(1000, Duration.ofSeconds(1), Duration.ofSeconds(1)),
                new AskProperties.Image(Duration.ofSeconds(2), 10_000));
        IngestProperties ingest = new IngestProperties("http://results", Duration.ofSeconds(10),
                Duration.ofSeconds(5), DataSize.ofMegabytes(1), DataSize.ofMegabytes(10), Duration.ofSeconds(10), 50,
                200_000, DataSize.ofMegabytes(64), 1000, 200, 100_000, 40_000_000L);
        WebFilter tenant = (exchange, chain) -> {
            exchange.getAttributes().put(RequestTenant.ATTRIBUTE, "tenant-a");
            return chain.filter(exchange);
        };
        return WebTestClient.bindToController(new ImageRequestController(requests, documents, ask, ingest))
                .controllerAdvice(new ProblemDetailsAdvice()).webFilter(tenant).build();
    }

    static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 30, 40));
        g.fillOval(10, 10, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static WebTestClient.ResponseSpec post(WebTestClient web, String path, Map<String, Object> parts) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        parts.forEach((name, value) -> {
            if (value instanceof byte[] bytes) {
                body.part(name, new ByteArrayResource(bytes) {
                    @Override
                    public String getFilename() {
                        return name + ".png";
                    }
                }).contentType(MediaType.IMAGE_PNG);
            } else {
                body.part(name, value);
            }
        });
        return web.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    @Test
    void detectSendsTheImageAndAnswersWithTheWorkersReply() throws Exception {
        byte[] png = png(80, 60);
        WebTestClient web = web(request -> Reply.ok(request.taskId(),
                PipelineJson.mapper().valueToTree(Map.of("width", 80, "detections", List.of()))));
        post(web, "/v1/images:detect", Map.of("file", png)).expectStatus().isOk()
                .expectBody().jsonPath("$.width").isEqualTo(80).jsonPath("$.detections").isArray();
        assertThat(sent).hasSize(1);
        ProducerRecord<String, byte[]> record = sent.get(0);
        assertThat(record.topic()).isEqualTo(Topics.IMAGE_REQUESTED_NAME);
        EventEnvelope<ImageRequested> envelope = Topics.IMAGE_REQUESTED.decode(record.value());
        assertThat(envelope.payload().operation()).isEqualTo(ImageRequested.Operation.DETECT);
        assertThat(envelope.payload().first()).isEqualTo(png);
        assertThat(envelope.tenantId()).isEqualTo("tenant-a");
        assertThat(ReplyHeaders.correlationId(record.headers())).isEqualTo(envelope.taskId());
    }

    @Test
    void tooManyPixelsForTheSynchronousPathAndUnknownImagesAreRefusedBeforeSending() throws Exception {
        WebTestClient web = web(request -> Reply.ok(request.taskId(), PipelineJson.mapper().createObjectNode()));
        post(web, "/v1/images:detect", Map.of("file", png(200, 100))).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("image_too_large_for_sync");
        post(web, "/v1/images:detect", Map.of("file", "not an image".getBytes())).expectStatus().is4xxClientError();
        when(documents.image(anyString(), anyString()))
                .thenReturn(Mono.error(ApiProblemException.notFound("Image", "nope")));
        post(web, "/v1/images/compare", Map.of("firstId", "nope", "second", png(20, 20))).expectStatus().isNotFound();
        assertThat(sent).isEmpty();
    }

    @Test
    void compareTakesStoredImagesByIdAndMatchTextCarriesTheWorkersProblem() throws Exception {
        byte[] stored = png(30, 30);
        when(documents.image("tenant-a", "img-1")).thenReturn(Mono.just(stored));
        WebTestClient web = web(request -> request.payload().operation() == ImageRequested.Operation.MATCH_TEXT
                ? Reply.problem(request.taskId(), new ApiProblemException(HttpStatus.NOT_IMPLEMENTED,
                        "clip_not_configured", "set pipeline.detection.clip.model-url"))
                : Reply.ok(request.taskId(), PipelineJson.mapper().valueToTree(Map.of("similarity", 1.0))));
        byte[] uploaded = png(40, 40);
        post(web, "/v1/images/compare", Map.of("firstId", "img-1", "second", uploaded)).expectStatus().isOk()
                .expectBody().jsonPath("$.similarity").isEqualTo(1.0);
        ImageRequested compare = Topics.IMAGE_REQUESTED.decode(sent.get(0).value()).payload();
        assertThat(compare.operation()).isEqualTo(ImageRequested.Operation.COMPARE);
        assertThat(compare.first()).isEqualTo(stored);
        assertThat(compare.second()).isEqualTo(uploaded);

        web.post().uri("/v1/images/match-text").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\" a red ball \"}").exchange()
                .expectStatus().isEqualTo(501)
                .expectBody().jsonPath("$.code").isEqualTo("clip_not_configured");
        assertThat(Topics.IMAGE_REQUESTED.decode(sent.get(1).value()).payload().text()).isEqualTo("a red ball");
    }
}
