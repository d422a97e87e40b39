package com.talentpipeline.detection.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.core.web.ProblemDetailsAdvice;
import com.talentpipeline.detection.backbone.BuiltinBackbone;
import com.talentpipeline.detection.config.DetectionProperties;
import com.talentpipeline.detection.detect.DetectionService;
import com.talentpipeline.core.image.ImageDecoder;
import com.talentpipeline.detection.maskcut.MaskCut;
import com.talentpipeline.detection.store.ImageStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import com.talentpipeline.core.web.MultipartAutoConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The image API on one controller: tenant isolation (a test filter sets the tenant from a header, as the
 * API-key filter does), problems for bad input, the synchronous path and the 501 for text matching.
 */
class ImageControllerTest {

    private final ImageStore store = mock(ImageStore.class);
    private final ImageController controller = new ImageController(DetectionProperties.defaults(),
            new DetectionService(BuiltinBackbone.defaults(), new MaskCut(MaskCut.Settings.defaults()), true,
                    new SimpleMeterRegistry()),
            new ImageDecoder(40_000_000L), store);
    private final WebFilter tenantFromHeader = (exchange, chain) -> {
        // As the access filter would: the key's tenant, here the header's, else the default tenant.
        String tenant = exchange.getRequest().getHeaders().getFirst("X-Test-Tenant");
        exchange.getAttributes().put(RequestTenant.ATTRIBUTE, tenant != null ? tenant : "default");
        return chain.filter(exchange);
    };
    private final WebTestClient client = WebTestClient.bindToController(controller)
            .controllerAdvice(new ProblemDetailsAdvice())
            .httpMessageCodecs(codecs -> new MultipartAutoConfiguration().namedPartsMultipartReader().customize(codecs))
            .webFilter(tenantFromHeader)
            .configureClient()
            // Longer than the synchronous endpoint's own 10 s timeout: the client's 5 s default failed
            // the sync test on a loaded machine before the server could answer either way.
            .responseTimeout(java.time.Duration.ofSeconds(30))
            .build();

    @AfterEach
    void stop() {
        controller.destroy();
    }

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(220, 220, 210));
        g.fillRect(0, 0, 160, 120);
        g.setColor(new Color(30, 40, 160));
        g.fillOval(40, 30, 60, 60);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static MultipartBodyBuilder file(String name, byte[] bytes, String fileName) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part(name, new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return body;
    }

    @Test
    void anotherTenantsImageIsNotFound() {
        UUID id = UUID.randomUUID();
        var result = PipelineJson.mapper().readTree("{\"width\":1,\"height\":1,\"detections\":[]}");
        when(store.find(eq("tenant-a"), eq(id))).thenReturn(Mono.just(new ImageStore.ImageRow(id, "tenant-a",
                UUID.randomUUID(), "image/png", "x.png", 1, 1, "SUCCEEDED", result)));
        when(store.find(eq("tenant-b"), any())).thenReturn(Mono.empty());
        client.get().uri("/v1/images/{id}/detections", id).header("X-Test-Tenant", "tenant-a").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.width").isEqualTo(1);
        client.get().uri("/v1/images/{id}/detections", id).header("X-Test-Tenant", "tenant-b").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("not_found");
    }

    @Test
    void detectionsNotYetStoredAreAConflict() {
        UUID id = UUID.randomUUID();
        when(store.find(eq("default"), eq(id))).thenReturn(Mono.just(new ImageStore.ImageRow(id, "default",
                UUID.randomUUID(), "image/png", "x.png", 1, 1, "RUNNING", null)));
        client.get().uri("/v1/images/{id}/detections", id).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("not_ready");
    }

    @Test
    void aTextFileNamedPngIsUnsupported() {
        client.post().uri("/v1/images:detect").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(file("file", "plain text".getBytes(), "photo.png").build()))
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.code").isEqualTo("unsupported_media_type");
    }

    @Test
    void aPartWithoutContentDispositionIsABadRequestOnEveryUpload() {
        String body = "--x\r\nContent-Type: image/png\r\n\r\nabc\r\n--x--\r\n";
        for (String path : List.of("/v1/images:detect", "/v1/images/compare")) {
            client.post().uri(path).header("Content-Type", "multipart/form-data; boundary=x").bodyValue(body)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("malformed_multipart");
        }
    }

    @Test
    void aMissingFilePartIsABadRequest() {
        client.post().uri("/v1/images:detect").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(file("picture", new byte[] {1}, "a.png").build()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("file");
    }

    @Test
    void smallImagesAreDetectedSynchronously() throws Exception {
        client.post().uri("/v1/images:detect").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(file("file", png(), "a.png").build()))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.backbone.name").isEqualTo("builtin-color-texture-v1")
                .jsonPath("$.detections[0].bbox[0]").value(x -> org.assertj.core.api.Assertions
                        .assertThat(((Number) x).intValue()).isBetween(34, 46))
                .jsonPath("$.detections[0].segmentation.size[0]").isEqualTo(120)
                .jsonPath("$.timings.totalMillis").exists();
    }

    @Test
    void comparingAnImageWithItselfIsOne() throws Exception {
        MultipartBodyBuilder body = file("first", png(), "a.png");
        body.part("second", new ByteArrayResource(png()) {
            @Override
            public String getFilename() {
                return "b.png";
            }
        });
        client.post().uri("/v1/images/compare").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.similarity").isEqualTo(1.0);
    }

    @Test
    void storedImagesAreComparedByIdWithinTheCallersTenant() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        when(store.bytes(eq("tenant-a"), eq(first))).thenReturn(Mono.just(png()));
        when(store.bytes(eq("tenant-a"), eq(second))).thenReturn(Mono.just(png()));
        when(store.bytes(eq("tenant-b"), any())).thenReturn(Mono.empty());
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("firstId", first.toString());
        body.part("secondId", second.toString());
        var form = body.build();
        client.post().uri("/v1/images/compare").header("X-Test-Tenant", "tenant-a")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(form))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.similarity").isEqualTo(1.0);
        client.post().uri("/v1/images/compare").header("X-Test-Tenant", "tenant-b")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(form))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void textMatchingWithoutClipIsNotImplementedAndNamesTheSetting() {
        client.post().uri("/v1/images/match-text").exchange()
                .expectStatus().isEqualTo(501)
                .expectBody()
                .jsonPath("$.code").isEqualTo("clip_not_configured")
                .jsonPath("$.detail").value(d -> org.assertj.core.api.Assertions.assertThat((String) d)
                        .contains("pipeline.detection.clip.model-url"));
    }
}
