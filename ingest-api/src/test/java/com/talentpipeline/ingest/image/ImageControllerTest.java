package com.talentpipeline.ingest.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.image.ImageSubmitted;
import com.talentpipeline.core.security.OutboundUrlGuard;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.task.intake.Accepted;
import com.talentpipeline.core.task.intake.IntakeRequest;
import com.talentpipeline.core.task.intake.TaskIntake;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.web.MultipartAutoConfiguration;
import com.talentpipeline.core.web.ProblemDetailsAdvice;
import com.talentpipeline.ingest.config.IngestProperties;
import com.talentpipeline.ingest.web.Callers;
import com.talentpipeline.ingest.web.Responses;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Mono;

/**
 * {@code POST /v1/images} at the front door: a damaged or non-image upload is refused before anything is
 * accepted; a good one goes through the intake kit onto {@code image.submitted} with the answer's keys.
 */
class ImageControllerTest {

    final TaskIntake intake = mock(TaskIntake.class);
    final IngestProperties properties = new IngestProperties("http://results", Duration.ofSeconds(10),
            Duration.ofSeconds(5), DataSize.ofMegabytes(1), DataSize.ofMegabytes(10), Duration.ofSeconds(10), 50,
            200_000, DataSize.ofMegabytes(64), 1000, 200, 100_000, 40_000_000L);
    final WebTestClient web = WebTestClient.bindToController(new ImageController(intake, mock(DatabaseClient.class),
                    new Callers(mock(OutboundUrlGuard.class)), new Responses(properties), properties))
            .controllerAdvice(new ProblemDetailsAdvice())
            .httpMessageCodecs(codecs -> new MultipartAutoConfiguration().namedPartsMultipartReader().customize(codecs))
            .webFilter((exchange, chain) -> {
                exchange.getAttributes().put(RequestTenant.ATTRIBUTE, "tenant-a");
                return chain.filter(exchange);
            })
            
                .httpMessageCodecs(codecs -> com.talentpipeline.core.web.wire.WireJson.install(codecs, json -> { })).build();

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 40, 160));
        g.fillOval(40, 30, 60, 60);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    WebTestClient.ResponseSpec upload(byte[] bytes, String fileName) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return web.post().uri("/v1/images").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    @Test
    void aTextFileOrACutPngIsRefusedAndNothingIsAccepted() throws Exception {
        upload("plain text".getBytes(), "photo.png").expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.code").isEqualTo("unsupported_media_type");
        upload(Arrays.copyOf(png(), 60), "cut.png").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("invalid_image");
        verify(intake, never()).submit(any(), anyString(), any());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void anImageIsAcceptedThroughTheIntakeWithItsTypeAndSize() throws Exception {
        UUID task = UUID.randomUUID();
        ArgumentCaptor<IntakeRequest> request = ArgumentCaptor.forClass(IntakeRequest.class);
        when(intake.submit(request.capture(), eq("tenant-a"), isNull())).thenAnswer(call -> Mono.just(
                new Accepted(task, ((IntakeRequest<?, ?>) call.getArgument(0)).subjectId(), false)));
        byte[] png = png();
        var body = upload(png, "scene.png").expectStatus().isAccepted()
                .expectHeader().valueEquals("Location", "http://results/v1/tasks/" + task)
                .expectBody()
                .jsonPath("$.task_id").isEqualTo(task.toString())
                .jsonPath("$.status").isEqualTo("ACCEPTED")
                .jsonPath("$.content_type").isEqualTo("image/png")
                .jsonPath("$.width").isEqualTo(160)
                .jsonPath("$.height").isEqualTo(120)
                .returnResult();
        IntakeRequest<ImageSubmitted, ?> sent = request.getValue();
        assertThat(new String(body.getResponseBody())).contains("\"image_id\":\"" + sent.subjectId() + "\"",
                "\"detections_url\":\"/v1/images/" + sent.subjectId() + "/detections\"");
        assertThat(sent.type()).isEqualTo(TaskType.IMAGE_DETECTION);
        assertThat(sent.topic()).isSameAs(Topics.IMAGE_SUBMITTED);
        assertThat(sent.payloadFactory().apply(1).sizeBytes()).isEqualTo(png.length);
        // The bytes travel in the event: the detection worker reads no table of this module.
        assertThat(sent.payloadFactory().apply(1).bytes()).isEqualTo(png);
        assertThat(sent.payloadFactory().apply(1).fileName()).isEqualTo("scene.png");
        assertThat(sent.rows().ctes()).contains("INSERT INTO images").contains(":task");
    }
}
