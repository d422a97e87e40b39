package com.talentpipeline.results.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.TaskIds;
import com.talentpipeline.results.prediction.PredictionView.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How an upload's prediction is built from the worker rows and tasks: every state of a part, never a made-up value. */
class PredictionsTest {

    static final String TENANT = "acme";
    static final String RESUME = "r-1";
    static final Instant ACCEPTED = Instant.parse("2026-12-07T10:00:00Z");
    static final UUID UPLOAD = UUID.fromString("00000000-0000-0000-0000-000000000001");

    /** An upload whose resume.submitted was projected: from a file when {@code mediaType} is set. */
    static UploadRow upload(int version, int current, String state, String mediaType, UploadRow.PartRow... parts) {
        return upload(version, current, state, mediaType != null, mediaType, parts);
    }

    /** {@code fromUpload} null: the version's resume.submitted is not projected yet. */
    static UploadRow upload(int version, int current, String state, Boolean fromUpload, String mediaType,
            UploadRow.PartRow... parts) {
        return new UploadRow(UPLOAD, TENANT, RESUME, version, state, "FAILED".equals(state) ? "MODEL_FAILED" : null,
                "FAILED".equals(state) ? "encoder crashed" : null, ACCEPTED, ACCEPTED.plusSeconds(2), current, "u-1",
                fromUpload, mediaType == null ? null : "cv.pdf", mediaType, List.of(parts));
    }

    @Test
    void theSourceIsUnknownUntilTheSubmissionIsProjectedAndShownForTheCurrentVersionOnly() {
        PredictionView unknown = Predictions.of(upload(1, 1, "RUNNING", (Boolean) null, null), Map.of());
        assertThat(unknown.source()).as("a missing projection row is no JSON submission").isNull();
        assertThat(unknown.fileName()).isNull();
        assertThat(unknown.mediaType()).isNull();
        assertThat(unknown.currentVersion()).isTrue();

        PredictionView older = Predictions.of(upload(1, 2, "SUCCEEDED", "application/pdf"), Map.of());
        assertThat(older.currentVersion()).isFalse();
        assertThat(older.source()).isNull();
        assertThat(older.fileName()).isNull();
        assertThat(older.mediaType()).isNull();

        PredictionView file = Predictions.of(upload(2, 2, "SUCCEEDED", "application/pdf"), Map.of());
        assertThat(file.source()).isEqualTo("file");
        assertThat(file.mediaType()).isEqualTo("application/pdf");
        assertThat(file.userId()).isEqualTo("u-1");
        assertThat(Predictions.of(upload(2, 2, "SUCCEEDED", false, null), Map.of()).source()).isEqualTo("json");
    }

    @Test
    void withPartsKeepsTheRowsOfItsVersionAndLater() {
        UploadRow u = upload(2, 3, "SUCCEEDED", null).withParts(List.of(part("career_path", 1, CAREER, 1),
                part("career_path", 2, CAREER, 2), part("resume_score", 3, SCORE, 3)));
        assertThat(u.parts()).extracting(UploadRow.PartRow::version).containsExactly(2, 3);
        assertThat(u.fromUpload()).isFalse();
    }

    static UploadRow.PartRow part(String kind, int version, String summary, int secondsAfter) {
        return new UploadRow.PartRow(UUID.nameUUIDFromBytes((kind + version).getBytes()), kind, version,
                UUID.nameUUIDFromBytes(("task" + kind).getBytes()), PipelineJson.mapper().readTree(summary),
                ACCEPTED.plusSeconds(secondsAfter));
    }

    static final String CAREER = """
            {"career_path":"Backend Engineer","confidence":0.61,"top":[{"career_path":"Backend Engineer","confidence":0.61},
             {"career_path":"Data Engineer","confidence":0.2}]}""";
    static final String SCORE = """
            {"overall_score":78,"grade":"C+","ats_score":84}""";
    static final String JOBS = """
            {"jobs":[{"jobId":"j-1","title":"Java Developer","match_percentage":81.5}]}""";

    @Test
    void everyPartStoredMakesACompletePrediction() {
        PredictionView p = Predictions.of(upload(1, 1, "SUCCEEDED", "application/pdf",
                part("career_path", 1, CAREER, 5), part("resume_score", 1, SCORE, 5),
                part("recommendations", 1, JOBS, 9)), Map.of());
        assertThat(p.id()).isEqualTo(UPLOAD.toString());
        assertThat(p.status()).isEqualTo("complete");
        assertThat(p.careerPath().status()).isEqualTo(Status.AVAILABLE);
        assertThat(p.careerPath().careerPath()).isEqualTo("Backend Engineer");
        assertThat(p.careerPath().confidence()).isEqualTo(0.61);
        assertThat(p.careerPath().top()).hasSize(2);
        assertThat(p.atsScore().atsScore()).isEqualTo(84);
        assertThat(p.atsScore().grade()).isEqualTo("C+");
        assertThat(p.topJobs().jobs()).containsExactly(new PredictionView.Job("j-1", "Java Developer", 81.5));
        assertThat(p.source()).isEqualTo("file");
        assertThat(p.fileName()).isEqualTo("cv.pdf");
        assertThat(p.updatedAt()).isEqualTo(ACCEPTED.plusSeconds(9));
        assertThat(p.links().task()).isEqualTo("/v1/tasks/" + UPLOAD);
    }

    @Test
    void partsNotStoredYetArePendingWithoutValues() {
        UUID scoring = TaskIds.resumeScore(TENANT, RESUME, 1);
        PredictionView p = Predictions.of(upload(1, 1, "RUNNING", null),
                Map.of(scoring, new UploadRow.WorkerTask("RUNNING", null, null)));
        assertThat(p.status()).isEqualTo("pending");
        assertThat(p.careerPath().status()).isEqualTo(Status.PENDING);
        assertThat(p.careerPath().reason()).contains("scoring worker is computing");
        assertThat(p.careerPath().careerPath()).isNull();
        assertThat(p.careerPath().confidence()).isNull();
        assertThat(p.atsScore().atsScore()).isNull();
        assertThat(p.topJobs().status()).isEqualTo(Status.PENDING);
        assertThat(p.topJobs().reason()).contains("embedding worker");
        assertThat(p.topJobs().jobs()).isNull();
        assertThat(p.source()).isEqualTo("json");
    }

    @Test
    void aFailedWorkerOrEmbeddingSaysWhy() {
        UUID scoring = TaskIds.resumeScore(TENANT, RESUME, 1);
        PredictionView p = Predictions.of(upload(1, 1, "FAILED", null),
                Map.of(scoring, new UploadRow.WorkerTask("FAILED", "MODEL_FAILED", "Scoring failed: NPE")));
        assertThat(p.careerPath().status()).isEqualTo(Status.FAILED);
        assertThat(p.careerPath().reason()).contains("MODEL_FAILED", "Scoring failed");
        assertThat(p.topJobs().status()).isEqualTo(Status.FAILED);
        assertThat(p.topJobs().reason()).contains("embeddings", "encoder crashed");
        assertThat(p.status()).isEqualTo("incomplete");
    }

    @Test
    void anOlderVersionSkippedForANewerOneIsSupersededAndItsSourceUnknown() {
        PredictionView p = Predictions.of(upload(1, 2, "SUCCEEDED", null,
                part("career_path", 2, CAREER, 5), part("resume_score", 2, SCORE, 5)), Map.of());
        assertThat(p.currentVersion()).isFalse();
        assertThat(p.careerPath().status()).isEqualTo(Status.SUPERSEDED);
        assertThat(p.careerPath().reason()).contains("version 2");
        assertThat(p.careerPath().careerPath()).as("never the newer version's value").isNull();
        assertThat(p.topJobs().status()).isEqualTo(Status.PENDING);
        assertThat(p.source()).isNull();
    }

    @Test
    void aSucceededTaskWithoutItsRowWasDeletedAndEmptyResultsAreSaidSo() {
        UUID scoring = TaskIds.resumeScore(TENANT, RESUME, 1);
        PredictionView p = Predictions.of(upload(1, 1, "SUCCEEDED", null,
                        part("career_path", 1, "{\"career_path\":null,\"confidence\":0,\"top\":[]}", 3),
                        part("recommendations", 1, "{\"jobs\":[]}", 3)),
                Map.of(scoring, new UploadRow.WorkerTask("SUCCEEDED", null, null)));
        assertThat(p.atsScore().status()).isEqualTo(Status.DELETED);
        assertThat(p.careerPath().status()).isEqualTo(Status.MISSING);
        assertThat(p.careerPath().careerPath()).isNull();
        assertThat(p.topJobs().status()).isEqualTo(Status.AVAILABLE);
        assertThat(p.topJobs().jobs()).isEmpty();
        assertThat(p.topJobs().reason()).contains("no active job");
        assertThat(p.status()).isEqualTo("incomplete");
    }

    @Test
    void aDeletedPartStaysDeletedWhenANewerVersionIsScored() {
        UUID scoring = TaskIds.resumeScore(TENANT, RESUME, 1);
        PredictionView p = Predictions.of(upload(1, 2, "SUCCEEDED", null, part("resume_score", 2, SCORE, 9)),
                Map.of(scoring, new UploadRow.WorkerTask("SUCCEEDED", null, null)));
        assertThat(p.atsScore().status()).isEqualTo(Status.DELETED);
        assertThat(p.careerPath().status()).isEqualTo(Status.DELETED);
    }

    @Test
    void statusesAreWrittenInLowerCase() {
        String json = PipelineJson.mapper().writeValueAsString(Predictions.of(upload(1, 1, "ACCEPTED", null), Map.of()));
        // A pending part has a state and a reason, and no value at all (not even a null or zero).
        assertThat(json).contains("\"atsScore\":{\"status\":\"pending\",\"reason\":\"waiting for the scoring worker\"}")
                .doesNotContain("PENDING");
    }
}
