package com.talentpipeline.ingest.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.web.ProblemDetailsAdvice;
import com.talentpipeline.ingest.config.BodySizeLimitFilter;
import com.talentpipeline.ingest.config.IngestConfiguration;
import com.talentpipeline.ingest.ocr.OcrConfiguration;
import com.talentpipeline.ingest.submission.Submission;
import com.talentpipeline.ingest.submission.SubmissionService;
import com.talentpipeline.ingest.web.Responses;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Mono;

/**
 * A photographed resume (PNG) through the real controller, OCR configuration and parser, with the
 * submission service and file store mocked: it becomes a submission of the parsed resume, the stored
 * file keeps its name, the OCR report and the OCR warning; a cut-off image is 422 and submits nothing.
 */
@WebFluxTest(controllers = ResumeController.class, properties = "pipeline.ingest.ocr.warm-up=false")
@Import({Responses.class, IngestConfiguration.class, BodySizeLimitFilter.class, ProblemDetailsAdvice.class,
        ResumeUploads.class, OcrConfiguration.class, com.talentpipeline.ingest.web.Callers.class,
        ImageUploadHttpTest.DefaultTenant.class})
class ImageUploadHttpTest {

    /** Stands in for the API-key filter: every request is the default tenant. */
    static final class DefaultTenant implements org.springframework.web.server.WebFilter {
        @Override
        public Mono<Void> filter(org.springframework.web.server.ServerWebExchange exchange,
                org.springframework.web.server.WebFilterChain chain) {
            exchange.getAttributes().put(com.talentpipeline.core.tenant.RequestTenant.ATTRIBUTE,
                    com.talentpipeline.core.task.Tenants.DEFAULT);
            return chain.filter(exchange);
        }
    }

    @Autowired
    WebTestClient web;
    @MockitoBean
    SubmissionService submissions;
    @MockitoBean
    ResumeFileStore files;
    @MockitoBean
    ResumeErasure erasure;
    @MockitoBean
    ResumeUpdates updates;
    @MockitoBean
    com.talentpipeline.core.security.OutboundUrlGuard guard;
    // Files are never answered at the door (the score also reads the file's text).
    @MockitoBean
    com.talentpipeline.ingest.door.DoorCache door;

    private WebTestClient.ResponseSpec upload(String filename, String type, byte[] bytes) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        }).contentType(MediaType.parseMediaType(type));
        // OCR of a page takes about a second on a small machine; the client's default 5 s is too tight.
        return web.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build().post().uri("/v1/resumes").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPngResumeIsReadByOcrAndSubmitted() {
        UUID task = UUID.randomUUID();
        when(submissions.submit(any(), any(SubmissionService.Client.class), isNull()))
                .thenReturn(Mono.just(new com.talentpipeline.core.task.intake.Accepted(task, "r-1", false)));
        when(files.save(any(), any(), anyInt(), any(), any())).thenReturn(Mono.empty());
        byte[] png = OcrRoundTripTest.png(OcrRoundTripTest.render(OcrRoundTripTest.TEXT));

        upload("C:\\scans\\grace.png", "image/png", png).expectStatus().isAccepted()
                .expectBody().jsonPath("$.task_id").isEqualTo(task.toString());

        ArgumentCaptor<Submission<?>> submission = ArgumentCaptor.forClass(Submission.class);
        verify(submissions).submit(submission.capture(), any(SubmissionService.Client.class), isNull());
        assertThat(submission.getValue().documentJson()).contains("\"email\":\"grace.hopper@example.com\"",
                "\"firstName\":\"Grace\"", "Kubernetes", "Senior Software Engineer");
        submission.getValue().extraWrites().apply(1).block();
        ArgumentCaptor<ParsedUpload> stored = ArgumentCaptor.forClass(ParsedUpload.class);
        verify(files).save(any(), any(), anyInt(), any(), stored.capture());
        assertThat(stored.getValue().fileName()).isEqualTo("grace.png");
        assertThat(stored.getValue().type().mediaType()).isEqualTo("image/png");
        assertThat(stored.getValue().ocr().pages()).containsExactly(1);
        assertThat(stored.getValue().warnings()).anyMatch(w -> w.contains("came from OCR"));
    }

    @Test
    void aCutOffPngIs422AndNothingIsSubmitted() {
        byte[] png = OcrRoundTripTest.png(OcrRoundTripTest.render(OcrRoundTripTest.TEXT));
        upload("half.png", "image/png", Arrays.copyOf(png, png.length / 3)).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("malformed_document");
        verify(submissions, never()).submit(any(), any(SubmissionService.Client.class), any());
    }
}
