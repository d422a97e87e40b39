package com.talentpipeline.ingest.ask;

import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.QueryParams;
import com.talentpipeline.core.web.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Checks of single request parameters that fail at the first problem, with the 400 {@code validation_failed}
 * the matching worker's HTTP API answered (the field named in {@code errors[0]}).
 */
final class Params {

    private Params() {
    }

    static ApiProblemException invalid(String field, String message) {
        return QueryParams.invalid(field, message);
    }

    /** A non-blank id of at most 200 characters, stripped. */
    static String required(String value, String field) {
        return QueryParams.required(value, field);
    }

    /** An optional {@code true}/{@code false} (any case). */
    static Boolean bool(String value, String field) {
        return QueryParams.bool(value, field);
    }

    /** An optional score between 0 and 100 (the front door's and the worker's one check). */
    static Double score(String value, String field) {
        return QueryParams.score(value, field);
    }

    /** An optional free-text filter of at most 200 characters (one check). */
    static String optionalText(String value, String field) {
        return QueryParams.optionalText(value, field);
    }

    /** An optional page size of at least 1 (the worker knows its maximum). */
    static Integer limit(Integer value, String field) {
        if (value != null && value < 1) {
            throw invalid(field, "must be at least 1");
        }
        return value;
    }
}
