package com.talentpipeline.ingest.ask;

import com.talentpipeline.core.web.ApiProblemException;
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
        return new ApiProblemException(HttpStatus.BAD_REQUEST, "validation_failed",
                "The request is invalid: " + field + " " + message, List.of(new FieldProblem(field, message)), null);
    }

    /** A non-blank id of at most 200 characters, stripped. */
    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "must not be blank");
        }
        if (value.length() > 200) {
            throw invalid(field, "must be at most 200 characters");
        }
        return value.strip();
    }

    /** An optional {@code true}/{@code false} (any case). */
    static Boolean bool(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        throw invalid(field, "must be true or false");
    }

    /** An optional score between 0 and 100. */
    static Double score(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        double score;
        try {
            score = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(field, "must be a number between 0 and 100");
        }
        if (!(score >= 0 && score <= 100)) { // also refuses NaN
            throw invalid(field, "must be a number between 0 and 100");
        }
        return score;
    }

    /** An optional free-text filter of at most 200 characters, stripped; blank is absent. */
    static String optionalText(String value, String field) {
        if (value != null && value.length() > 200) {
            throw invalid(field, "must be at most 200 characters");
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An optional page size of at least 1 (the worker knows its maximum). */
    static Integer limit(Integer value, String field) {
        if (value != null && value < 1) {
            throw invalid(field, "must be at least 1");
        }
        return value;
    }
}
