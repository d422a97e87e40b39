package com.talentpipeline.core.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What a task computes; the wire name is what clients see. */
public enum TaskType {
    RESUME_EMBEDDING("resume.embedding"),
    JOB_EMBEDDING("job.embedding"),
    /** A question about a resume answered by the rag worker after its synchronous timeout. */
    RAG_QUERY("rag.query"),
    /** Resume quality score, ATS score and career paths of one resume version (scoring worker). */
    RESUME_SCORE("resume.score"),
    /** Career paths predicted for a caller's own labels or a student's grades (scoring worker). */
    CAREER_PATH("career_path.predict"),
    /** An interview transcript scored against a rubric (scoring worker). */
    INTERVIEW_SCORE("interview.score"),
    /** One resume compared with one job (matching worker). */
    MATCH("match"),
    /** One resume compared with many jobs, ranked, with progress (matching worker). */
    MATCH_BATCH("match.batch"),
    /** Recommended jobs for a resume version (matching worker). */
    RECOMMENDATIONS("recommendations"),
    /** K-means clusters of the active jobs (matching worker). */
    JOB_CLUSTERS("job.clusters"),
    /** A job search not answered within its deadline (matching worker, request-reply). */
    JOB_SEARCH("job.search"),
    /** A job's candidates not answered within their deadline (matching worker, request-reply). */
    JOB_CANDIDATES("job.candidates"),
    /**
     * A client's recommendations query not answered within its deadline (matching worker, request-reply);
     * unlike {@link #RECOMMENDATIONS} (the worker's own recomputation per resume version) it writes no
     * predictions row, since its filters and limit are the caller's.
     */
    RECOMMENDATIONS_QUERY("recommendations.query"),
    /** Object discovery on one image (detection worker). */
    IMAGE_DETECTION("image.detection"),
    /** A detect, compare or match-text request answered through request-reply, a task past its deadline (detection worker). */
    IMAGE_REQUEST("image.request"),
    /** Erasure of a resume or of a user's data, whose result lists what was removed (results API). */
    ERASURE("erasure");

    private final String wireName;

    TaskType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Parses a wire name (or the enum name). */
    @JsonCreator
    public static TaskType fromWireName(String value) {
        return Arrays.stream(values())
                .filter(t -> t.wireName.equals(value) || t.name().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown task type " + value));
    }
}
