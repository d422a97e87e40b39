package com.talentpipeline.matching.query;

import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.QueryParams;
import com.talentpipeline.core.web.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The 4xx answers of the matching queries, as problem replies the front door renders as problem+json. */
final class Problems {

    private Problems() {
    }

    static ApiProblemException invalid(String field, String message) {
        return QueryParams.invalid(field, message);
    }

    static ApiProblemException jobClosed(String jobId) {
        return new ApiProblemException(HttpStatus.CONFLICT, "job_closed", "Job " + jobId + " is closed",
                List.of(new FieldProblem("job_id", "is closed")), null);
    }

    static ApiProblemException embeddingsPending(String resumeId) {
        return new ApiProblemException(HttpStatus.CONFLICT, "embeddings_pending",
                "Resume " + resumeId + " has no embeddings yet; retry shortly", List.of(), java.time.Duration.ofSeconds(2));
    }

    static ApiProblemException jobPending(String jobId) {
        return new ApiProblemException(HttpStatus.CONFLICT, "embeddings_pending",
                "Job " + jobId + " is not indexed yet; retry shortly", List.of(), java.time.Duration.ofSeconds(2));
    }

    /** An optional score between 0 and 100 (the front door's and the worker's one check). */
    static Double score(String value, String field) {
        return QueryParams.score(value, field);
    }

    /** An optional free-text filter of at most 200 characters (one check). */
    static String optionalText(String value, String field) {
        return QueryParams.optionalText(value, field);
    }

    static ApiProblemException indexLoading() {
        return ApiProblemException.unavailable("The job index is still loading", java.time.Duration.ofSeconds(5));
    }

    static String required(String value, String field) {
        return QueryParams.required(value, field);
    }

    static Boolean bool(String value, String field) {
        return QueryParams.bool(value, field);
    }

    static int limit(Integer value, int defaultValue, int max, String field) {
        if (value == null) {
            return defaultValue;
        }
        if (value < 1 || value > max) {
            throw invalid(field, "must be between 1 and " + max);
        }
        return value;
    }
}
