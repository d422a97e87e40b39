package com.talentpipeline.results.prediction;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One prediction per resume upload, as {@code GET /v1/predictions/{id}} shows it: the career path, the
 * ATS score and the top jobs the workers computed for exactly the uploaded version. Each part carries
 * its own {@code status}; a part not computed yet is {@code pending} (also while a worker is down),
 * never a made-up value.
 *
 * @param id             the prediction id: the upload's task id ({@code taskId} of the 202 answer)
 * @param resumeId       the resume
 * @param resumeVersion  the version the upload created
 * @param currentVersion whether that version is still the resume's current one
 * @param status         {@code complete} (every part available), {@code pending} (a part still to come) or
 *                       {@code incomplete} (every part settled, some failed, superseded or deleted)
 * @param source         {@code file} or {@code json}; null for an older version replaced since (only the
 *                       current version's file is kept), and for a version whose submission this service
 *                       has not seen yet (a few milliseconds after its 202)
 * @param fileName       the uploaded file's name, when known
 * @param mediaType      the uploaded file's detected type, when known
 * @param userId         the resume's owner, if set
 * @param careerPath     the scoring worker's top career path and confidence
 * @param atsScore       the scoring worker's ATS score (with overall score and grade)
 * @param topJobs        the matching worker's recommended jobs
 * @param createdAt      when the upload was accepted
 * @param updatedAt      the latest change of the upload's task or any part
 * @param links          where the details are
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PredictionView(String id, String resumeId, int resumeVersion, boolean currentVersion, String status,
        String source, String fileName, String mediaType, String userId, CareerPath careerPath, AtsScore atsScore,
        TopJobs topJobs, Instant createdAt, Instant updatedAt, Links links) {

    /** A part's state: available, pending, missing, failed, superseded or deleted. */
    public enum Status {
        /** Computed; the values are set. */
        AVAILABLE,
        /** Not computed yet: the worker has not got to it (or is down); it will appear. */
        PENDING,
        /** Computed, but there is no value (e.g. no career path ranked); {@code reason} says why. */
        MISSING,
        /** The worker failed on this version; {@code reason} has its error. */
        FAILED,
        /** A newer version of the resume was processed first; this version's part will not be computed. */
        SUPERSEDED,
        /** Computed, then removed with {@code DELETE /v1/predictions/{id}}. */
        DELETED;

        @com.fasterxml.jackson.annotation.JsonValue
        String wire() {
            return name().toLowerCase();
        }
    }

    /**
     * The career path part.
     *
     * @param status       its state
     * @param reason       why it is not available, in words
     * @param careerPath   the top career path
     * @param confidence   its confidence (0-1)
     * @param top          the ranked paths {@code [{careerPath, confidence}]}
     * @param predictionId id of the stored row (deletable on its own)
     * @param taskId       the worker's task
     * @param updatedAt    when it was stored
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CareerPath(Status status, String reason, String careerPath, Double confidence,
            List<RankedPath> top, String predictionId, String taskId, Instant updatedAt) {
    }

    /**
     * One ranked career path.
     *
     * @param careerPath the path
     * @param confidence its confidence
     */
    public record RankedPath(String careerPath, double confidence) {
    }

    /**
     * The ATS score part.
     *
     * @param status       its state
     * @param reason       why it is not available, in words
     * @param atsScore     0-100
     * @param overallScore the resume quality score, 0-100
     * @param grade        A+ to F
     * @param predictionId id of the stored row
     * @param taskId       the worker's task
     * @param updatedAt    when it was stored
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AtsScore(Status status, String reason, Integer atsScore, Integer overallScore, String grade,
            String predictionId, String taskId, Instant updatedAt) {
    }

    /**
     * The top jobs part.
     *
     * @param status       its state
     * @param reason       why it is not available (or why the list is empty), in words
     * @param jobs         best first
     * @param predictionId id of the stored row
     * @param taskId       the worker's task
     * @param updatedAt    when it was stored
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TopJobs(Status status, String reason, List<Job> jobs, String predictionId, String taskId,
            Instant updatedAt) {
    }

    /**
     * A recommended job.
     *
     * @param jobId           the job
     * @param title           its title
     * @param matchPercentage 0-100
     */
    public record Job(String jobId, String title, Double matchPercentage) {
    }

    /**
     * Related resources (results API paths).
     *
     * @param self      this prediction
     * @param task      the upload's task
     * @param resume    the parsed resume and its file report
     * @param score     the full score of the resume's latest scored version (scoring worker)
     */
    public record Links(String self, String task, String resume, String score) {
    }
}
