package com.talentpipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.web.ProblemDetailsAdvice;
import com.talentpipeline.ingest.config.BodySizeLimitFilter;
import com.talentpipeline.ingest.config.IngestConfiguration;
import com.talentpipeline.ingest.job.JobController;
import com.talentpipeline.ingest.resume.ResumeController;
import com.talentpipeline.ingest.submission.SubmissionService;
import com.talentpipeline.ingest.web.Responses;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import com.talentpipeline.core.door.DoorEntries;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.ingest.door.DoorCache;
import com.talentpipeline.ingest.submission.Submission;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The ingest controllers' input checks, with the submission service mocked: every bad input is a
 * 4xx problem+json naming the field, and nothing reaches the submission service.
 */
@WebFluxTest(controllers = {ResumeController.class, JobController.class},
        properties = {"pipeline.ingest.max-body-size=20KB", "pipeline.security.enabled=false"})
// The access filter with security off: every request is the default tenant, paths are still checked.
@org.springframework.boot.autoconfigure.ImportAutoConfiguration(com.talentpipeline.core.security.AccessAutoConfiguration.class)
@Import({Responses.class, com.talentpipeline.ingest.web.Callers.class, IngestConfiguration.class, BodySizeLimitFilter.class, ProblemDetailsAdvice.class})
class SubmissionValidationTest {

    static final String RESUME = """
            {"firstName":"Ada","lastName":"Lovelace","email":"ada@example.com",
             "skills":[{"name":"Java","proficiency":"Expert"}],
             "workExperience":[{"jobTitle":"Engineer","company":"Acme","startDate":"2019-01","endDate":"present",
                                "responsibilities":["Built Kafka services"]}]}""";

    @Autowired
    WebTestClient web;

    @MockitoBean
    SubmissionService submissions;

    // The resume controller's document collaborators; these tests only send JSON.
    @MockitoBean
    com.talentpipeline.ingest.resume.ResumeUploads uploads;
    @MockitoBean
    com.talentpipeline.ingest.resume.ResumeFileStore files;
    @MockitoBean
    com.talentpipeline.ingest.resume.ResumeErasure erasure;
    @MockitoBean
    com.talentpipeline.ingest.resume.ResumeUpdates updates;
    @MockitoBean
    com.talentpipeline.core.security.OutboundUrlGuard guard;
    @MockitoBean
    DoorCache door;

    @BeforeEach
    void nothingKnownAtTheDoor() {
        when(door.lookup(any(), any())).thenReturn(Mono.just(Optional.empty()));
        when(door.remember(any(), any(), any())).thenReturn(Mono.empty());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aResumeWhoseResultsAreKnownIsAnsweredSucceededWithItsResultLink() {
        UUID task = UUID.randomUUID();
        var known = new DoorEntries.Embedding(new ModelRef("all-minilm-l6-v2", "all-minilm-l6-v2@0123456789ab", 384),
                "/v1/resumes/{resumeId}/embeddings", PipelineJson.mapper().readTree(
                        "{\"resumeId\":\"r-0\",\"version\":1,\"meanEmbeddings\":{\"skills\":[1.0]},\"metrics\":{}}"));
        when(door.lookup(eq("default"), any())).thenReturn(Mono.just(Optional.of(known)));
        ArgumentCaptor<Submission> submitted = ArgumentCaptor.forClass(Submission.class);
        when(submissions.submit(submitted.capture(), any(SubmissionService.Client.class), isNull())).thenAnswer(call -> {
            Submission<?> s = call.getArgument(0);
            return Mono.just(new com.talentpipeline.core.task.intake.Accepted(task, s.subjectId(), false, s.finished()));
        });

        var body = post("/v1/resumes", RESUME).expectStatus().isAccepted()
                .expectHeader().valueEquals("Location", "http://localhost:8081/v1/tasks/" + task)
                .expectBody()
                .jsonPath("$.task_id").isEqualTo(task.toString())
                .jsonPath("$.status").isEqualTo("SUCCEEDED")
                .jsonPath("$.cache_hit").isEqualTo(true)
                .returnResult().getResponseBodyContent();
        String resumeId = submitted.getValue().subjectId();
        assertThat(PipelineJson.mapper().readTree(body).get("result_link").asString())
                .isEqualTo("/v1/resumes/" + resumeId + "/embeddings");
        com.talentpipeline.core.task.intake.Finished finished = submitted.getValue().finished();
        assertThat(finished.model().version()).isEqualTo("all-minilm-l6-v2@0123456789ab");
        assertThat(PipelineJson.mapper().readTree(finished.resultJson()).get("resumeId").asString()).isEqualTo(resumeId);
        // The content hash looked up is the one the submission carries (and its event too).
        verify(door).lookup("default", submitted.getValue().contentHash());
        verify(door).remember(resumeId, "default", submitted.getValue().contentHash());
    }

    @Test
    void aResumeNotKnownAtTheDoorIsAcceptedForTheWorkers() {
        UUID task = UUID.randomUUID();
        when(submissions.submit(any(), any(SubmissionService.Client.class), isNull()))
                .thenReturn(Mono.just(new com.talentpipeline.core.task.intake.Accepted(task, "r-1", false)));
        post("/v1/resumes", RESUME).expectStatus().isAccepted()
                .expectBody().jsonPath("$.status").isEqualTo("ACCEPTED").jsonPath("$.cache_hit").doesNotExist()
                .jsonPath("$.result_link").doesNotExist();
        verify(submissions).submit(argThat(s -> s.finished() == null), any(SubmissionService.Client.class), isNull());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void theEventNamesTheOwnerTheJsonSubmissionNamed() {
        when(submissions.submit(any(), any(SubmissionService.Client.class), isNull()))
                .thenReturn(Mono.just(new com.talentpipeline.core.task.intake.Accepted(UUID.randomUUID(), "r-1", false)));
        post("/v1/resumes?userId=u-42", RESUME).expectStatus().isAccepted();
        post("/v1/resumes", RESUME).expectStatus().isAccepted();
        ArgumentCaptor<Submission> submitted = ArgumentCaptor.forClass(Submission.class);
        verify(submissions, org.mockito.Mockito.times(2)).submit(submitted.capture(),
                any(SubmissionService.Client.class), isNull());
        var named = (com.talentpipeline.core.resume.ResumeSubmitted) submitted.getAllValues().get(0).payloadFactory()
                .apply(3);
        assertThat(named.version()).isEqualTo(3);
        assertThat(named.userId()).as("the owner, as resumes.user_id stores it").isEqualTo("u-42");
        assertThat(named.upload()).isNull();
        var none = (com.talentpipeline.core.resume.ResumeSubmitted) submitted.getAllValues().get(1).payloadFactory()
                .apply(1);
        assertThat(none.userId()).isNull();
    }

    private WebTestClient.ResponseSpec post(String path, String body) {
        return web.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private void problem(WebTestClient.ResponseSpec response, int status, String code) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo(code).jsonPath("$.status").isEqualTo(status);
    }

    @Test
    void validResumeIsAcceptedWithTheTaskLocation() {
        UUID task = UUID.randomUUID();
        when(submissions.submit(any(), any(SubmissionService.Client.class), isNull()))
                .thenReturn(Mono.just(new com.talentpipeline.core.task.intake.Accepted(task, "r-1", false)));
        post("/v1/resumes", RESUME).expectStatus().isAccepted()
                .expectHeader().valueEquals("Location", "http://localhost:8081/v1/tasks/" + task)
                .expectBody().jsonPath("$.task_id").isEqualTo(task.toString()).jsonPath("$.resume_id").isEqualTo("r-1");
    }

    @Test
    void malformedJson() {
        problem(post("/v1/resumes", "{\"firstName\": \"Ada\", "), 400, "malformed_body");
        verify(submissions, never()).submit(any(), any(SubmissionService.Client.class), any());
    }

    @Test
    void nameEmailAndPhoneAreOptionalAndWhatIsMissingIsAWarning() {
        UUID task = UUID.randomUUID();
        when(submissions.submit(any(), any(SubmissionService.Client.class), isNull()))
                .thenReturn(Mono.just(new com.talentpipeline.core.task.intake.Accepted(task, "r-2", false)));
        String anonymous = RESUME.replace("\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\",", "");
        post("/v1/resumes", anonymous).expectStatus().isAccepted()
                .expectBody().jsonPath("$.task_id").isEqualTo(task.toString())
                .jsonPath("$.warnings[0]").isEqualTo("no name given")
                .jsonPath("$.warnings[1]").isEqualTo("no email address given")
                .jsonPath("$.warnings[2]").isEqualTo("no phone number given");
        verify(submissions).submit(any(), any(SubmissionService.Client.class), isNull());
    }

    @Test
    void aResumeWithNoContentIsRefusedNamingWhatIsMissing() {
        String empty = "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\"}";
        post("/v1/resumes", empty).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("validation_failed")
                .jsonPath("$.errors[0].field").isEqualTo("resume")
                .jsonPath("$.errors[0].message").value(m -> org.assertj.core.api.Assertions.assertThat((String) m)
                        .contains("a summary", "a skill", "a role", "an education", "a certification"));
        // A summary alone is content.
        when(submissions.submit(any(), any(SubmissionService.Client.class), isNull()))
                .thenReturn(Mono.just(new com.talentpipeline.core.task.intake.Accepted(UUID.randomUUID(), "r-3", false)));
        post("/v1/resumes", "{\"summary\":\"Nurse with ten years on intensive care wards.\"}")
                .expectStatus().isAccepted();
        verify(submissions).submit(any(), any(SubmissionService.Client.class), isNull());
    }

    @Test
    void nestedFieldsAreNamedWithTheirPath() {
        post("/v1/resumes", RESUME.replace("\"2019-01\"", "\"January 2019\"")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("work_experience[0].start_date");
        post("/v1/resumes", RESUME.replace("\"present\"", "\"2018-01\"")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("work_experience[0].end_date");
        post("/v1/resumes", RESUME.replace("ada@example.com", "not-an-email")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
        // Homoglyphs (Cyrillic a, Greek omicron) and invisible characters (zero-width space, RTL override).
        for (String deceptive : new String[] {"\\u0430da@example.com", "ada@ex\\u03bfmple.com", "ada\\u200b@example.com",
                "ada@example.com\\u202e"}) {
            post("/v1/resumes", RESUME.replace("ada@example.com", deceptive)).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("validation_failed")
                    .jsonPath("$.errors[0].field").isEqualTo("email");
        }
        verify(submissions, never()).submit(any(), any(SubmissionService.Client.class), any());
    }

    @Test
    void aNulCharacterInAnyStringIs400NamingTheFieldNever500() {
        post("/v1/resumes", RESUME.replace("\"Ada\"", "\"Pro\\u0000be\"")).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("first_name"));
        post("/v1/resumes", RESUME.replace("\"Java\"", "\"Ja\\u0000va\"")).expectStatus().isBadRequest();
        web.get().uri(java.net.URI.create("/v1/resumes/x%00y")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("non_canonical_path");
        verify(submissions, never()).submit(any(), any(SubmissionService.Client.class), any());
    }

    @Test
    void wrongTypeIsNamed() {
        post("/v1/resumes", RESUME.replace("[{\"name\":\"Java\",\"proficiency\":\"Expert\"}]", "\"Java\""))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("invalid_field")
                .jsonPath("$.errors[0].field").isEqualTo("skills");
        verify(submissions, never()).submit(any(), any(SubmissionService.Client.class), any());
    }

    @Test
    void unknownExperienceLevelIsNamedWithTheAllowedValues() {
        String job = """
                {"title":"Backend Engineer","company":"Acme","experienceLevel":"Guru","skills":[{"name":"Java"}]}""";
        post("/v1/jobs", job).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("experience_level")
                .jsonPath("$.errors[0].message").value(m -> org.assertj.core.api.Assertions.assertThat((String) m)
                        .contains("Entry, Mid, Senior"));
        verify(submissions, never()).submit(any(), any(SubmissionService.Client.class), any());
    }

    @Test
    void bodyOverTheLimitIs413() {
        String huge = RESUME.replace("\"Built Kafka services\"", "\"" + "x".repeat(30_000) + "\"");
        problem(post("/v1/resumes", huge), 413, "payload_too_large");
        verify(submissions, never()).submit(any(), any(SubmissionService.Client.class), any());
    }

    @Test
    void wrongMediaTypeIs415() {
        problem(web.post().uri("/v1/resumes").contentType(MediaType.TEXT_PLAIN).bodyValue("hello").exchange(),
                415, "unsupported_media_type");
    }

    @Test
    void badIdempotencyKeyIsRefused() {
        problem(web.post().uri("/v1/resumes").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "x".repeat(300)).bodyValue(RESUME).exchange(), 400, "invalid_header");
    }
}
