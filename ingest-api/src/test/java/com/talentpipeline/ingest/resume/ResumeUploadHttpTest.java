package com.talentpipeline.ingest.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.web.ProblemDetailsAdvice;
import com.talentpipeline.ingest.config.BodySizeLimitFilter;
import com.talentpipeline.ingest.config.IngestConfiguration;
import com.talentpipeline.ingest.document.TestDocuments;
import com.talentpipeline.ingest.submission.Submission;
import com.talentpipeline.ingest.submission.SubmissionService;
import com.talentpipeline.ingest.web.Responses;
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
 * Multipart uploads through the real controller, reader and parser with the submission service
 * mocked: a good file becomes a submission of the parsed resume, every bad file a 4xx problem and no
 * submission. The file limit is lowered so the 413 case stays small.
 */
// The access filter with security off: every request is the default tenant, paths are still checked.
@WebFluxTest(controllers = ResumeController.class, properties = {"pipeline.ingest.max-file-size=300KB",
        "pipeline.security.enabled=false"})
@org.springframework.boot.autoconfigure.ImportAutoConfiguration(com.talentpipeline.core.security.AccessAutoConfiguration.class)
@Import({Responses.class, IngestConfiguration.class, BodySizeLimitFilter.class, ProblemDetailsAdvice.class,
        ResumeUploads.class, com.talentpipeline.ingest.web.Callers.class,
        com.talentpipeline.core.web.MultipartAutoConfiguration.class})
class ResumeUploadHttpTest {

    static final String TEXT = """
            Ada Lovelace
            ada@example.com | +44 20 7946 0000
            Skills
            Python, k8s
            Experience
            Analyst, Babbage Engines   2015 - 2019
            - Wrote the first program.
            """;

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
        body.part("userId", "u-1");
        return web.post().uri("/v1/resumes").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    private void problem(WebTestClient.ResponseSpec response, int status, String code) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo(code);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPdfBecomesASubmissionOfTheParsedResume() {
        UUID task = UUID.randomUUID();
        when(submissions.submit(any(), any(SubmissionService.Client.class), isNull()))
                .thenReturn(Mono.just(new com.talentpipeline.core.task.intake.Accepted(task, "r-1", false)));
        upload("cv.pdf", "application/pdf", TestDocuments.pdf(TEXT)).expectStatus().isAccepted()
                .expectBody().jsonPath("$.task_id").isEqualTo(task.toString());
        ArgumentCaptor<Submission<?>> captor = ArgumentCaptor.forClass(Submission.class);
        verify(submissions).submit(captor.capture(), any(SubmissionService.Client.class), isNull());
        assertThat(captor.getValue().documentJson()).contains("\"email\":\"ada@example.com\"", "Kubernetes",
                "\"startDate\":\"2015\"");
        assertThat(captor.getValue().topic().name()).isEqualTo("resume.submitted");
        // The uploader is the resume's owner in the event too (the results API lists predictions by it).
        var event = (com.talentpipeline.core.resume.ResumeSubmitted) captor.getValue().payloadFactory().apply(2);
        assertThat(event.userId()).isEqualTo("u-1");
        assertThat(event.version()).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aResumeWithoutNameEmailOrPhoneIsAcceptedWithWarnings() {
        UUID task = UUID.randomUUID();
        when(submissions.submit(any(), any(SubmissionService.Client.class), isNull()))
                .thenReturn(Mono.just(new com.talentpipeline.core.task.intake.Accepted(task, "r-9", false)));
        String anonymous = """
                Skill Details
                Python- Experience - 24 months
                SQL- Experience - 12 months
                Education Details
                2014 to 2018 B.E Computer Engineering Pune University
                """;
        upload("cv.txt", "text/plain", anonymous.getBytes()).expectStatus().isAccepted()
                .expectBody().jsonPath("$.task_id").isEqualTo(task.toString())
                .jsonPath("$.warnings").value(w -> assertThat((java.util.List<String>) w)
                        .contains("no name found", "no email address found", "no phone number found"));
        ArgumentCaptor<Submission<?>> captor = ArgumentCaptor.forClass(Submission.class);
        verify(submissions).submit(captor.capture(), any(SubmissionService.Client.class), isNull());
        assertThat(captor.getValue().documentJson()).contains("\"firstName\":null", "\"email\":null", "Python", "SQL");
    }

    @Test
    void readableTextInNoKnownLayoutIsKeptAsTheSummary() {
        when(submissions.submit(any(), any(SubmissionService.Client.class), isNull()))
                .thenReturn(Mono.just(new com.talentpipeline.core.task.intake.Accepted(UUID.randomUUID(), "r-8", false)));
        upload("words.txt", "text/plain", "no resume here".getBytes()).expectStatus().isAccepted()
                .expectBody().jsonPath("$.warnings").value(w -> assertThat(w.toString())
                        .contains("no resume sections recognised; the text is kept as the summary"));
    }

    @Test
    void badFilesAreProblemsAndNothingIsSubmitted() {
        problem(upload("empty.txt", "text/plain", new byte[0]), 400, "empty_file");
        problem(upload("scan.pdf", "application/pdf", TestDocuments.scannedPdf()), 422, "no_extractable_text");
        problem(upload("locked.pdf", "application/pdf", TestDocuments.pdf(TEXT, "pw")), 422, "encrypted_document");
        problem(upload("cv.pdf", "application/pdf", TestDocuments.docx(TEXT)), 415, "media_type_mismatch");
        problem(upload("cv.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}), 415,
                "unsupported_media_type");
        problem(upload("bomb.docx", "application/octet-stream", TestDocuments.zipBombDocx(80 * 1024 * 1024)), 422,
                "document_too_complex");
        problem(upload("big.txt", "text/plain", "a".repeat(400 * 1024).getBytes()), 413, "file_too_large");
        problem(upload("digits.txt", "text/plain", "1234 5678 -- 90".getBytes()), 422, "no_extractable_text");
        verify(submissions, never()).submit(any(), any(SubmissionService.Client.class), any());
    }

    @Test
    void aBrokenMultipartBodyIsA400NeverA500() {
        // No closing boundary; no boundary at all; a part header that is not a media type.
        String unclosed = "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nhello";
        problem(web.post().uri("/v1/resumes").header("Content-Type", "multipart/form-data; boundary=x")
                .bodyValue(unclosed).exchange(), 400, "malformed_multipart");
        problem(web.post().uri("/v1/resumes").header("Content-Type", "multipart/form-data")
                .bodyValue(unclosed).exchange(), 400, "malformed_multipart");
        String badType = "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n"
                + "Content-Type: x/\r\n\r\nhello\r\n--x--\r\n";
        problem(web.post().uri("/v1/resumes").header("Content-Type", "multipart/form-data; boundary=x")
                .bodyValue(badType).exchange(), 400, "malformed_multipart");
        // A part without Content-Disposition, or with one that names no field: Spring's reader threw
        // IllegalStateException("No name available") for these, a 500.
        String noDisposition = "--x\r\nContent-Type: application/pdf\r\n\r\nhello\r\n--x--\r\n";
        problem(web.post().uri("/v1/resumes").header("Content-Type", "multipart/form-data; boundary=x")
                .bodyValue(noDisposition).exchange(), 400, "malformed_multipart");
        String noHeaders = "--x\r\n\r\nhello\r\n--x--\r\n";
        problem(web.post().uri("/v1/resumes").header("Content-Type", "multipart/form-data; boundary=x")
                .bodyValue(noHeaders).exchange(), 400, "malformed_multipart");
        String noName = "--x\r\nContent-Disposition: form-data; filename=\"a.pdf\"\r\n\r\nhello\r\n--x--\r\n";
        problem(web.post().uri("/v1/resumes").header("Content-Type", "multipart/form-data; boundary=x")
                .bodyValue(noName).exchange(), 400, "malformed_multipart");
        verify(submissions, never()).submit(any(), any(SubmissionService.Client.class), any());
    }

    @Test
    void jsonBodiesKeepTheirOwnLimit() {
        // Multipart may reach the file limit; JSON stays at max-body-size (1MB by default).
        String big = "{\"summary\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        problem(web.post().uri("/v1/resumes").contentType(MediaType.APPLICATION_JSON).bodyValue(big).exchange(), 413,
                "payload_too_large");
    }
}
